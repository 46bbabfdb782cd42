/**
 * The differential harness of issue 14: what real Jekyll makes of a site, and whether our export of the same
 * site reads the same. `buildWithJekyll` builds a copy of the site with the `jekyll` on this machine and
 * records, through a Ruby hook, every post and markdown page as Jekyll holds it (URL, title, date, categories,
 * the body as converted, before any layout). `compareWithExport` looks up each of those URLs in an export as a
 * static host would, follows redirect pages, and compares title, day and body text with the page it lands on.
 * Used by tests/jekyll/differential.test.ts and scripts/jekyll-compare.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { parse as parseYaml } from 'yaml';

// ---------------------------------------------------------------------------------------------------------
// The Jekyll side
// ---------------------------------------------------------------------------------------------------------

/** A post or markdown page as Jekyll held it after converting its body. */
export interface JekyllDocument {
  /** Jekyll's URL of the document, percent-decoded (`/cloud computing/2023/04/x/`), relative to `baseurl`. */
  url: string;
  /** Where Jekyll wrote it, relative to the destination (`cloud computing/2023/04/x/index.html`). */
  outputPath: string;
  /** The path from the site root (`notes/tech/_posts/2023-08-02-x.md`). */
  relativePath: string;
  /** `page.title` as Jekyll has it (for posts without one, Jekyll's title from the file name); null when none. */
  title: string | null;
  /** The date as Jekyll holds it, ISO 8601 with its offset; null for pages without a date. */
  date: string | null;
  /** The date's day in the site's time zone (Jekyll's `timezone`; UTC when the site sets none, see below). */
  day: string | null;
  categories: string[];
  /** jekyll-redirect-from's front matter: old URLs that must land on this document (not installed here). */
  redirectFrom: string[];
  /** jekyll-redirect-from's `redirect_to` (the first, of a list): the document moved there; null when not. */
  redirectTo: string | null;
  /** The front-matter `permalink`, when set. */
  permalink: string | null;
  /** The body as converted (markdown to HTML, Liquid rendered), before any layout. */
  html: string;
}

export interface JekyllManifest {
  siteDir: string;
  jekyllVersion: string;
  /** The site's `timezone`, or `UTC` when it sets none (the harness runs Jekyll with `TZ=UTC`). */
  timezone: string;
  /** The site's `url` and `baseurl` (`/blog`, or '' at the root): where the site is served. */
  url: string;
  baseurl: string;
  posts: JekyllDocument[];
  /** Markdown pages (`about.md`, `projects/index.md`); HTML pages from the theme are not recorded. */
  pages: JekyllDocument[];
  /** URLs (decoded) of the site's own static files Jekyll copied (not a theme gem's): `/img/diagram.png`. */
  staticFiles: string[];
  /** Every file Jekyll wrote, relative to its destination (`img/diagram.png`, `about/index.html`). */
  outputFiles: string[];
  /** What the harness changed in the configuration for this build, one line each (see `configOverride`). */
  overrides: string[];
  /** Jekyll's own output (warnings included). */
  log: string;
  /** `jekyll build`, cold: wall-clock seconds and CPU seconds (user + system of Jekyll's process tree). */
  wallSeconds: number;
  cpuSeconds: number;
}

export class JekyllBuildError extends Error {
  constructor(
    message: string,
    readonly log: string,
  ) {
    super(message);
    this.name = 'JekyllBuildError';
  }
}

/** The `jekyll` program, or null when it is not installed (the differential test is skipped then). */
export function findJekyll(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v jekyll'], { encoding: 'utf8' });
  const program = found.stdout.trim();
  return found.status === 0 && program ? program : null;
}

/**
 * Loaded into Jekyll's Ruby with `-r` before the build starts, so it needs no `_plugins/` folder and works
 * in `safe` mode too. `:post_convert` is the body after markdown and Liquid, before the layout. Excerpts
 * never trigger hooks (Jekyll::Excerpt#trigger_hooks is empty), so each post is recorded once.
 */
const RECORDER_RUBY = String.raw`
require "jekyll"
require "json"

module JekyllDiffRecorder
  RECORDED = { "posts" => {}, "pages" => {} }

  def self.iso(time)
    time.respond_to?(:iso8601) ? time.iso8601 : nil
  end

  # Jekyll sets ENV["TZ"] from the site's timezone when it reads the configuration: getlocal is the site's zone.
  def self.day(time)
    time.respond_to?(:getlocal) ? time.getlocal.strftime("%Y-%m-%d") : nil
  end

  def self.record(kind, doc)
    data = doc.data
    date = data["date"]
    date = date.to_time if date.is_a?(Date) && !date.is_a?(DateTime)
    destination = doc.destination(doc.site.dest)
    RECORDED[kind][doc.relative_path] = {
      "url" => Jekyll::URL.unescape_path(doc.url),
      "outputPath" => destination.delete_prefix(doc.site.dest).delete_prefix("/"),
      "relativePath" => doc.relative_path,
      "title" => data["title"].nil? ? nil : data["title"].to_s,
      "date" => iso(date),
      "day" => day(date),
      "categories" => Array(data["categories"]).map(&:to_s),
      "redirectFrom" => Array(data["redirect_from"]).map(&:to_s),
      "redirectTo" => Array(data["redirect_to"]).first&.to_s,
      "permalink" => data["permalink"].nil? ? nil : data["permalink"].to_s,
      "html" => doc.content.to_s,
    }
  end
end

# Stand-ins for tags of plugins that are not installed here (see buildWithJekyll): they render nothing.
class JekyllDiffStandInTag < Liquid::Tag
  def render(_context) = ""
end
class JekyllDiffStandInBlock < Liquid::Block
  def render(_context) = ""
end
ENV.fetch("JEKYLL_DIFF_STAND_IN_TAGS", "").split(",").each do |entry|
  name, kind = entry.split(":")
  Liquid::Template.register_tag(name, kind == "block" ? JekyllDiffStandInBlock : JekyllDiffStandInTag)
end

Jekyll::Hooks.register :posts, :post_convert do |post|
  JekyllDiffRecorder.record("posts", post)
end

Jekyll::Hooks.register :pages, :post_convert do |page|
  markdown = page.site.find_converter_instance(Jekyll::Converters::Markdown)
  JekyllDiffRecorder.record("pages", page) if markdown.matches(page.extname)
end

Jekyll::Hooks.register :site, :post_write do |site|
  # The site's own static files; a theme gem's assets belong to the theme, which is not carried over.
  static = site.static_files.select { |file| file.write? && file.path.start_with?(site.source) }
    .map { |file| Jekyll::URL.unescape_path(file.url) }
  File.write(ENV.fetch("JEKYLL_DIFF_MANIFEST"), JSON.generate({
    "jekyllVersion" => Jekyll::VERSION,
    "timezone" => site.config["timezone"] || ENV["TZ"],
    "url" => site.config["url"].to_s,
    "baseurl" => site.config["baseurl"].to_s,
    "posts" => JekyllDiffRecorder::RECORDED["posts"].values,
    "pages" => JekyllDiffRecorder::RECORDED["pages"].values,
    "staticFiles" => static.sort,
  }))
end
`;

/** Which of these gems load here (a plugin or theme a site names may not be installed on this machine). */
function installedGems(ruby: string, names: string[]): Set<string> {
  if (names.length === 0) return new Set();
  const script =
    'ARGV.each { |name| begin; Gem::Specification.find_by_name(name); puts name; rescue Gem::MissingSpecError; begin; require name; puts name; rescue LoadError; end; end }';
  const result = spawnSync(ruby, ['-e', script, ...names], { encoding: 'utf8' });
  return new Set(result.stdout.split('\n').filter(Boolean));
}

const CONFIG_FILES = ['_config.yml', '_config.yaml'];

/** The site's configuration as YAML reads it (enough for the keys the override needs). */
function readSiteConfig(siteDir: string): { file: string | null; config: Record<string, unknown> } {
  for (const name of CONFIG_FILES) {
    const file = path.join(siteDir, name);
    if (!existsSync(file)) continue;
    const config = parseYaml(readFileSync(file, 'utf8'), { schema: 'yaml-1.1' }) as unknown;
    return {
      file: name,
      config: config && typeof config === 'object' ? (config as Record<string, unknown>) : {},
    };
  }
  return { file: null, config: {} };
}

const stringList = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.map(String)
    : typeof value === 'string'
      ? value.split(/\s+/).filter(Boolean)
      : [];

/** Layout names every theme uses, given a stand-in so a post naming one builds without a warning. */
const COMMON_LAYOUTS = ['default', 'post', 'page', 'home', 'archive', 'single'];

/**
 * The override config (`--config <site's>,<override>`), so a real site builds here as its posts would on its
 * own host:
 * - `plugins`/`gems` (and `whitelist` in safe mode) keep only the gems installed here (jekyll-paginate,
 *   jekyll-sitemap… are often not): a missing plugin stops Jekyll; the usual ones make pages, feeds and
 *   layouts' tags, not post bodies (a plugin's tag in a post gets a stand-in, see buildWithJekyll);
 * - `theme` goes when its gem is missing (Jekyll stops on a missing theme); an installed one (Debian's
 *   minima) stays, for the includes posts may use;
 * - `layouts_dir` points at stand-in layouts that print `{{ content }}` only: the harness reads bodies before
 *   any layout, and real layouts call tags of plugins or themes that are not here;
 * - `exclude` adds `*.scss`/`*.sass`: stylesheets import the theme's Sass, which is gone;
 * - `destination` outside the copy, `disable_disk_cache` and `incremental: false`: every build is cold.
 * Everything else (permalink, timezone, defaults, future, show_drafts, kramdown, excerpt_separator) is the
 * site's own.
 */
function configOverride(
  ruby: string,
  config: Record<string, unknown>,
  layoutNames: string[],
  destination: string,
): { override: Record<string, unknown>; notes: string[] } {
  const plugins = [...new Set([...stringList(config.plugins), ...stringList(config.gems)])];
  const theme = typeof config.theme === 'string' ? config.theme : null;
  const installed = installedGems(ruby, [
    ...plugins,
    ...stringList(config.whitelist),
    ...(theme ? [theme] : []),
  ]);
  const keptPlugins = plugins.filter((name) => installed.has(name));
  const droppedPlugins = plugins.filter((name) => !installed.has(name));
  const notes: string[] = [];
  const override: Record<string, unknown> = {
    plugins: keptPlugins,
    gems: [],
    layouts_dir: STAND_IN_LAYOUTS,
    exclude: [...stringList(config.exclude), '*.scss', '*.sass'],
    destination,
    disable_disk_cache: true,
    incremental: false,
  };
  // In safe mode only whitelisted plugins load: the site's list, less what is not installed.
  if (config.whitelist !== undefined)
    override.whitelist = stringList(config.whitelist).filter((name) => installed.has(name));
  if (droppedPlugins.length > 0)
    notes.push(`plugins not installed here, dropped: ${droppedPlugins.join(', ')}`);
  if (theme && !installed.has(theme)) {
    // Not null: Jekyll's config merge keeps the site's value for a null; a non-string means no theme.
    override.theme = false;
    notes.push(`theme "${theme}" not installed here, dropped`);
  }
  if (config.remote_theme) notes.push(`remote_theme "${String(config.remote_theme)}" ignored`);
  notes.push(`layouts replaced by {{ content }} stand-ins: ${layoutNames.join(', ')}`);
  notes.push('stylesheets (*.scss, *.sass) excluded');
  return { override, notes };
}

const STAND_IN_LAYOUTS = '_jekyll_diff_layouts';
/** Tags of missing plugins given a stand-in before the harness gives up. */
const MAX_STAND_IN_TAGS = 10;
const COPY_SKIPS = new Set([
  '.git',
  '.jekyll-cache',
  '.jekyll-metadata',
  '_site',
  'node_modules',
  '.sass-cache',
]);

/** Layout names of the site: the stand-ins get the same names, so a post's `layout:` still finds one. */
function layoutNames(siteDir: string, config: Record<string, unknown>): string[] {
  const dir = path.join(
    siteDir,
    typeof config.layouts_dir === 'string' ? config.layouts_dir : '_layouts',
  );
  const own = existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => !name.startsWith('.'))
        .map((name) => name.replace(/\.[^.]+$/, ''))
    : [];
  return [...new Set([...COMMON_LAYOUTS, ...own])].sort();
}

/** Runs a command; resolves with its output and the CPU its process tree used (bash's `times`). */
function runMeasured(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timesFile: string },
): Promise<{ status: number | null; output: string }> {
  // `times` prints the shell's and then its children's user and system time; the second line is Jekyll's.
  const script = '"$@"; status=$?; times > "$JEKYLL_DIFF_TIMES"; exit $status';
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script, 'bash', command, ...args], {
      cwd: options.cwd,
      env: { ...options.env, JEKYLL_DIFF_TIMES: options.timesFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}

/** Seconds in a `times` line such as `0m1.234s 0m0.321s`, summed. */
function timesSeconds(line: string): number {
  let total = 0;
  for (const match of line.matchAll(/(\d+)m([\d.]+)s/g))
    total += Number(match[1]) * 60 + Number(match[2]);
  return total;
}

export interface JekyllBuildOptions {
  /** The jekyll program (default: the one on PATH). */
  jekyll?: string;
  /** Keep the temporary copy and Jekyll's output (their folder is printed in the manifest's log). */
  keep?: boolean;
  /** Extra environment for Jekyll. */
  env?: Record<string, string>;
}

/**
 * Builds a copy of the site with real Jekyll, cold, and returns what it made of every post and markdown page.
 * The site folder itself is never written. Throws JekyllBuildError with Jekyll's output when the build fails.
 */
export async function buildWithJekyll(
  siteDir: string,
  options: JekyllBuildOptions = {},
): Promise<JekyllManifest> {
  const jekyll = options.jekyll ?? findJekyll();
  if (!jekyll) throw new Error('jekyll is not installed (apt-get install jekyll)');
  const source = path.resolve(siteDir);
  const { file: configFile, config } = readSiteConfig(source);
  const work = mkdtempSync(path.join(tmpdir(), 'jekyll-diff-'));
  try {
    const site = path.join(work, 'site');
    cpSync(source, site, {
      recursive: true,
      filter: (from) => !COPY_SKIPS.has(path.basename(from)) || from === source,
    });
    const layouts = layoutNames(source, config);
    mkdirSync(path.join(site, STAND_IN_LAYOUTS), { recursive: true });
    for (const name of layouts)
      writeFileSync(path.join(site, STAND_IN_LAYOUTS, `${name}.html`), '{{ content }}\n');

    const ruby = rubyOf(jekyll);
    const { override, notes } = configOverride(ruby, config, layouts, path.join(work, 'dest'));
    const overrideFile = path.join(work, 'override.yml');
    writeFileSync(overrideFile, JSON.stringify(override, null, 2)); // JSON is YAML
    const recorder = path.join(work, 'recorder.rb');
    writeFileSync(recorder, RECORDER_RUBY);
    const manifestFile = path.join(work, 'manifest.json');
    const configs = [...(configFile ? [path.join(site, configFile)] : []), overrideFile].join(',');

    // A tag of a plugin that is not installed here stops Jekyll. Such a tag is given a stand-in that renders
    // nothing, and the build runs again (the time is the last run's): the note names it, and a post that
    // used it will differ where the tag was.
    const standInTags: { name: string; block: boolean }[] = [];
    let run: { status: number | null; output: string; wallSeconds: number };
    for (;;) {
      const started = performance.now();
      const { status, output } = await runMeasured(
        ruby,
        ['-r', recorder, jekyll, 'build', '--config', configs, '--source', site, '--trace'],
        {
          cwd: site,
          env: {
            ...process.env,
            // A site without `timezone` is built in the zone of the machine; GitHub Pages builds in UTC.
            TZ: 'UTC',
            // What a published site prints for `jekyll.environment`.
            JEKYLL_ENV: 'production',
            // A site's Gemfile names gems that are not installed here; Bundler would stop the build.
            JEKYLL_NO_BUNDLER_REQUIRE: 'true',
            LC_ALL: 'C.UTF-8',
            LANG: 'C.UTF-8',
            ...options.env,
            JEKYLL_DIFF_MANIFEST: manifestFile,
            JEKYLL_DIFF_STAND_IN_TAGS: standInTags
              .map((tag) => `${tag.name}:${tag.block ? 'block' : 'tag'}`)
              .join(','),
          },
          timesFile: path.join(work, 'times'),
        },
      );
      run = { status, output, wallSeconds: (performance.now() - started) / 1000 };
      const unknown = status === 0 ? null : /Unknown tag '([\w-]+)'/.exec(output)?.[1];
      if (!unknown || standInTags.length >= MAX_STAND_IN_TAGS) break;
      // `{% endgist %}` unknown: `gist` is a block tag.
      const opened = standInTags.find((tag) => `end${tag.name}` === unknown);
      if (opened) opened.block = true;
      else if (standInTags.some((tag) => tag.name === unknown)) break;
      else standInTags.push({ name: unknown, block: false });
    }
    const { status, output, wallSeconds } = run;
    for (const tag of standInTags)
      notes.push(`{% ${tag.name} %} (a plugin's tag, not installed here) rendered as nothing`);
    if (status !== 0 || !existsSync(manifestFile))
      throw new JekyllBuildError(
        `jekyll build of ${siteDir} failed (status ${status})\n${output.slice(-4000)}`,
        output,
      );
    const times = readFileSync(path.join(work, 'times'), 'utf8').trim().split('\n');
    const recorded = JSON.parse(readFileSync(manifestFile, 'utf8')) as Omit<
      JekyllManifest,
      'siteDir' | 'overrides' | 'log' | 'wallSeconds' | 'cpuSeconds' | 'outputFiles'
    >;
    const destination = path.join(work, 'dest');
    const outputFiles = readdirSync(destination, { recursive: true, encoding: 'utf8' })
      .filter((file) => statSync(path.join(destination, file)).isFile())
      .map((file) => file.split(path.sep).join('/'))
      .sort();
    return {
      siteDir: source,
      ...recorded,
      posts: [...recorded.posts].sort((a, b) => a.relativePath.localeCompare(b.relativePath)),
      pages: [...recorded.pages].sort((a, b) => a.relativePath.localeCompare(b.relativePath)),
      outputFiles,
      overrides: notes,
      log: options.keep ? `kept in ${work}\n${output}` : output,
      wallSeconds,
      cpuSeconds: timesSeconds(times[times.length - 1] ?? ''),
    };
  } finally {
    if (!options.keep) rmSync(work, { recursive: true, force: true });
  }
}

/** The Ruby that runs a `jekyll` program: its `#!` line, else `ruby` (a RubyGems binstub is Ruby either way). */
function rubyOf(jekyll: string): string {
  const firstLine = readFileSync(jekyll, 'utf8').split('\n', 1)[0] ?? '';
  const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(firstLine);
  if (shebang?.[1]?.endsWith('/env') && shebang[2]) return shebang[2];
  if (shebang?.[1] && /ruby/.test(shebang[1])) return shebang[1];
  return 'ruby';
}

// ---------------------------------------------------------------------------------------------------------
// Reading HTML: a small tolerant scanner, enough for kramdown's output and our export's pages
// ---------------------------------------------------------------------------------------------------------

export interface HtmlElement {
  type: 'element';
  name: string;
  attributes: Record<string, string>;
  children: HtmlNode[];
}
export type HtmlNode = HtmlElement | { type: 'text'; value: string };

const VOID_ELEMENTS = new Set(
  'area base br col embed hr img input link meta param source track wbr'.split(' '),
);
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'textarea', 'title']);

/** Decodes character references (`&amp;`, `&rsquo;`, `&#8217;`, `&#x2019;`); unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    const decoded = decodeNamedCharacterReference(name);
    return decoded === false ? whole : decoded;
  });
}

function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of source.matchAll(
    /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g,
  )) {
    const name = match[1]!.toLowerCase();
    if (!(name in attributes))
      attributes[name] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attributes;
}

/**
 * HTML to a tree. Tolerant as browsers are where it matters here: void elements, a closing tag that closes
 * the open elements inside it, a stray closing tag ignored, comments and doctypes dropped.
 */
export function parseHtml(html: string): HtmlElement {
  const root: HtmlElement = { type: 'element', name: '#root', attributes: {}, children: [] };
  const stack: HtmlElement[] = [root];
  const top = () => stack[stack.length - 1]!;
  const addText = (value: string) => {
    if (value) top().children.push({ type: 'text', value: decodeEntities(value) });
  };
  const tag =
    /<!--[\s\S]*?(?:-->|$)|<![^>]*>|<\?[^>]*>|<\/([a-zA-Z][^\s/>]*)[^>]*>|<([a-zA-Z][^\s/>]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g;
  let position = 0;
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    addText(html.slice(position, match.index));
    position = tag.lastIndex;
    const [, closing, opening, rest = ''] = match;
    if (closing) {
      const name = closing.toLowerCase();
      const at = stack.findLastIndex((element) => element.name === name);
      if (at > 0) stack.length = at;
    } else if (opening) {
      const name = opening.toLowerCase();
      const element: HtmlElement = {
        type: 'element',
        name,
        attributes: parseAttributes(rest.replace(/\/\s*$/, '')),
        children: [],
      };
      top().children.push(element);
      if (RAW_TEXT_ELEMENTS.has(name)) {
        const end = html.toLowerCase().indexOf(`</${name}`, position);
        const stop = end < 0 ? html.length : end;
        element.children.push({ type: 'text', value: html.slice(position, stop) });
        position = stop;
        tag.lastIndex = stop;
      } else if (!VOID_ELEMENTS.has(name) && !/\/\s*$/.test(rest)) {
        stack.push(element);
      }
    }
  }
  addText(html.slice(position));
  return root;
}

/** Every element of the tree, in document order. */
export function* elements(node: HtmlElement): Generator<HtmlElement> {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    yield child;
    yield* elements(child);
  }
}

const classes = (element: HtmlElement) => (element.attributes.class ?? '').split(/\s+/);

/** The first element matching `test`, depth first. */
export function findElement(
  node: HtmlElement,
  test: (element: HtmlElement) => boolean,
): HtmlElement | undefined {
  for (const element of elements(node)) if (test(element)) return element;
  return undefined;
}

const BLOCK_ELEMENTS = new Set(
  (
    'address article aside blockquote br dd details dialog div dl dt fieldset figcaption figure footer ' +
    'form h1 h2 h3 h4 h5 h6 header hgroup hr li main math nav ol p pre section summary table tbody td ' +
    'tfoot th thead tr ul caption'
  ).split(' '),
);

/**
 * Elements whose text is not the post's: hidden ones, scripts and styles, and what our export marks as its
 * own furniture inside the prose (`data-pagefind-ignore`: a code block's language label and Copy button).
 */
function skipped(element: HtmlElement): boolean {
  return (
    element.name === 'script' ||
    element.name === 'style' ||
    element.name === 'template' ||
    'hidden' in element.attributes ||
    'data-pagefind-ignore' in element.attributes
  );
}

/** A formula's TeX, from the annotation our MathML keeps, as kramdown writes it: `\[…\]` or `\(…\)`. */
function texOf(math: HtmlElement): string {
  const annotation = findElement(math, (element) => element.name === 'annotation');
  const tex = annotation
    ? annotation.children.map((child) => (child.type === 'text' ? child.value : '')).join('')
    : '';
  return math.attributes.display === 'block' ? `\\[${tex}\\]` : `\\(${tex}\\)`;
}

/**
 * The text a reader gets: blocks separated by a space, inline markup joined as it reads, an image as its
 * alt text (what a screen reader says, and what shows when it does not load).
 */
export function visibleText(node: HtmlElement): string {
  const parts: string[] = [];
  const walk = (element: HtmlElement) => {
    for (const child of element.children) {
      if (child.type === 'text') parts.push(child.value);
      else if (child.name === 'img') parts.push(` ${child.attributes.alt ?? ''} `);
      // Our MathML reads as the TeX it was made from, between the delimiters Jekyll writes for MathJax.
      else if (child.name === 'math') parts.push(` ${texOf(child)} `);
      else if (!skipped(child)) {
        const block = BLOCK_ELEMENTS.has(child.name);
        if (block) parts.push(' ');
        walk(child);
        if (block) parts.push(' ');
      }
    }
  };
  walk(node);
  return parts.join('');
}

// ---------------------------------------------------------------------------------------------------------
// Comparing texts word by word
// ---------------------------------------------------------------------------------------------------------

/** Word tokens: the text in Unicode NFC, split at any whitespace (no-break spaces included). */
export function words(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/u)
    .filter(Boolean);
}

/** A run of words (as ids) that both texts share, or that only Jekyll's (removed) or only ours (added) has. */
type DiffOp = { kind: 'same' | 'removed' | 'added'; words: number[] };

/** Past this many differing words the diff is not computed word by word (the similarity still is). */
const MAX_EDIT_DISTANCE = 2_000;

/**
 * Myers' O(ND) diff over word ids, on what is left after the common prefix and suffix. Returns the edit
 * script, or null when the texts differ by more than MAX_EDIT_DISTANCE words.
 */
function myersDiff(a: number[], b: number[]): DiffOp[] | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    v = next;
    if (found >= 0) break;
  }
  if (found < 0) return null;
  // Walk back through the trace: each step is one removal or one addition plus a run of equal words.
  const ops: { kind: DiffOp['kind']; index: number }[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const previous = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && previous[offset + k - 1]! < previous[offset + k + 1]!);
    const previousK = down ? k + 1 : k - 1;
    const previousX = previous[offset + previousK]!;
    const previousY = previousX - previousK;
    while (x > previousX + (down ? 0 : 1) && y > previousY + (down ? 1 : 0)) {
      ops.push({ kind: 'same', index: --x });
      y--;
    }
    if (down) ops.push({ kind: 'added', index: --y });
    else ops.push({ kind: 'removed', index: --x });
  }
  while (x > 0 && y > 0) {
    ops.push({ kind: 'same', index: --x });
    y--;
  }
  ops.reverse();
  const grouped: DiffOp[] = [];
  for (const op of ops) {
    const word = op.kind === 'added' ? b[op.index]! : a[op.index]!;
    const last = grouped[grouped.length - 1];
    if (last?.kind === op.kind) last.words.push(word);
    else grouped.push({ kind: op.kind, words: [word] });
  }
  return grouped;
}

/** Length of the longest common subsequence, in O(n·m) time and O(m) memory: the fallback for far-apart texts. */
function lcsLength(a: number[], b: number[]): number {
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++)
      current[j] =
        a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

export interface WordComparison {
  /** 2·LCS / (|expected| + |actual|) over word tokens; 1 when both are empty. */
  similarity: number;
  expectedWords: number;
  actualWords: number;
  /** A word diff of the differences with a few words of context: `[-Jekyll's-]{+ours+}`; empty when equal. */
  diff: string;
  /** Words only ours has (with the word diff: the added runs; past MAX_EDIT_DISTANCE: words Jekyll never has). */
  addedWords: string[];
}

const CONTEXT_WORDS = 6;
const MAX_DIFF_CHARS = 3_000;

/**
 * Compares two texts word by word. Similarity is 2·LCS/(a+b), where LCS is the longest common subsequence
 * of the two word sequences and a, b their lengths: 1 for equal texts, 0 for texts with no word in common;
 * one word changed in a 200-word post gives 0.995.
 */
export function compareWords(expectedText: string, actualText: string): WordComparison {
  const expected = words(expectedText);
  const actual = words(actualText);
  if (expected.length + actual.length === 0)
    return { similarity: 1, expectedWords: 0, actualWords: 0, diff: '', addedWords: [] };
  const ids = new Map<string, number>();
  const id = (word: string) => {
    let value = ids.get(word);
    if (value === undefined) ids.set(word, (value = ids.size));
    return value;
  };
  const a = expected.map(id);
  const b = actual.map(id);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  )
    suffix++;
  const middleA = a.slice(prefix, a.length - suffix);
  const middleB = b.slice(prefix, b.length - suffix);
  const ops = myersDiff(middleA, middleB);
  const wordOf = [...ids.keys()];
  let common = prefix + suffix;
  let diff = '';
  let addedWords: string[];
  if (ops) {
    for (const op of ops) if (op.kind === 'same') common += op.words.length;
    addedWords = ops.flatMap((op) =>
      op.kind === 'added' ? op.words.map((word) => wordOf[word]!) : [],
    );
    diff = formatDiff(
      [
        { kind: 'same', words: a.slice(0, prefix) },
        ...ops,
        { kind: 'same', words: a.slice(a.length - suffix) },
      ],
      wordOf,
    );
  } else {
    common += lcsLength(middleA, middleB);
    const jekyllWords = new Set(middleA);
    addedWords = middleB.filter((word) => !jekyllWords.has(word)).map((word) => wordOf[word]!);
    diff =
      `(more than ${MAX_EDIT_DISTANCE} words differ) ` +
      `Jekyll: ${middleA
        .slice(0, 40)
        .map((word) => wordOf[word])
        .join(' ')} … ` +
      `ours: ${middleB
        .slice(0, 40)
        .map((word) => wordOf[word])
        .join(' ')} …`;
  }
  return {
    similarity: (2 * common) / (expected.length + actual.length),
    expectedWords: expected.length,
    actualWords: actual.length,
    diff,
    addedWords,
  };
}

/** The changes with CONTEXT_WORDS words either side, hunks joined by ` … `. */
function formatDiff(ops: DiffOp[], wordOf: string[]): string {
  const text = (op: DiffOp) => op.words.map((word) => wordOf[word]).join(' ');
  const pieces: string[] = [];
  ops.forEach((op, index) => {
    if (op.words.length === 0) return;
    if (op.kind === 'removed') pieces.push(`[-${text(op)}-]`);
    else if (op.kind === 'added') pieces.push(`{+${text(op)}+}`);
    else {
      const first = index === 0;
      const last =
        index === ops.length - 1 || ops.slice(index + 1).every((o) => o.words.length === 0);
      const all = op.words.map((word) => wordOf[word]!);
      if (first && last) return;
      if (first)
        pieces.push((all.length > CONTEXT_WORDS ? '… ' : '') + all.slice(-CONTEXT_WORDS).join(' '));
      else if (last)
        pieces.push(
          all.slice(0, CONTEXT_WORDS).join(' ') + (all.length > CONTEXT_WORDS ? ' …' : ''),
        );
      else if (all.length > 2 * CONTEXT_WORDS)
        pieces.push(
          `${all.slice(0, CONTEXT_WORDS).join(' ')} … ${all.slice(-CONTEXT_WORDS).join(' ')}`,
        );
      else pieces.push(all.join(' '));
    }
  });
  const joined = pieces.join(' ');
  return joined.length > MAX_DIFF_CHARS ? `${joined.slice(0, MAX_DIFF_CHARS)} …(cut)` : joined;
}

// ---------------------------------------------------------------------------------------------------------
// Our export, as a static host serves it
// ---------------------------------------------------------------------------------------------------------

/** A path of the site (decoded, no base path) to the file a static host serves for it, or null. */
export function resolveStaticPath(outDir: string, sitePath: string): string | null {
  const isFile = (file: string) => existsSync(file) && statSync(file).isFile();
  const found = servingCandidates(sitePath)?.find((relative) =>
    isFile(path.join(outDir, relative)),
  );
  return found === undefined ? null : path.join(outDir, found);
}

/**
 * The files (relative to the output folder) a static host tries for a path, in order: `/a/b.html` as is,
 * `/a/b/` as `a/b/index.html`, `/a/b` as the file itself, GitHub Pages' and Netlify's `a/b.html`, or the
 * folder's index (after a 301 to `/a/b/`). Null for a path that leaves the folder.
 */
function servingCandidates(sitePath: string): string[] | null {
  const relative = sitePath.replace(/^\/+/, '');
  if (relative.split('/').includes('..')) return null;
  if (sitePath.endsWith('/')) return [path.posix.join(relative, 'index.html')];
  if (/\.[a-z0-9]+$/i.test(sitePath)) return [relative];
  return [relative, `${relative}.html`, path.posix.join(relative, 'index.html')];
}

/** The target of a `<meta http-equiv="refresh" content="0; url=…">`, or null when the page has none. */
export function metaRefreshTarget(html: string): string | null {
  const tree = parseHtml(html);
  const meta = findElement(
    tree,
    (element) =>
      element.name === 'meta' && element.attributes['http-equiv']?.toLowerCase() === 'refresh',
  );
  const content = meta?.attributes.content;
  if (!content) return null;
  const match = /^\s*\d*\s*[;,]?\s*(?:url\s*=\s*)?['"]?([^'"]+)['"]?\s*$/i.exec(content);
  return match?.[1]?.trim() ?? null;
}

/**
 * Where a redirect page sends readers; null for any other page, also one whose content holds a meta refresh
 * (a post that redirects readers itself is still that post's page).
 */
export function redirectPageTarget(html: string): string | null {
  const target = metaRefreshTarget(html);
  return target && !readExportedPage(html)?.body ? target : null;
}

/** Our post page as the comparison reads it. */
export interface ExportedPost {
  /** The `<h1>` of the article. */
  title: string;
  /** The `datetime` of the article header's first `<time>`. */
  day: string | null;
  /** The prose container (the post body), or null when the page has none. */
  body: HtmlElement | null;
}

/**
 * Where our post page puts what is compared (app/posts/[slug]/page.tsx, components/prose.tsx): the article
 * marked `data-pagefind-body`, its `<h1>`, its header's `<time datetime>`, its `.prose` container. Pages
 * other than posts have the same prose container; the title and day are read where present.
 */
export function readExportedPage(html: string): ExportedPost | null {
  const tree = parseHtml(html);
  const main = findElement(tree, (element) => element.name === 'main') ?? tree;
  const article =
    findElement(main, (element) => element.name === 'article') ??
    findElement(main, (element) => classes(element).includes('prose'));
  if (!article) return null;
  const header = findElement(article, (element) => element.name === 'header') ?? article;
  // The header's <h1>, not one a body may hold; a page without a header has its title before the prose.
  const heading =
    findElement(header, (element) => element.name === 'h1') ??
    findElement(main, (element) => element.name === 'h1');
  const time = findElement(
    header,
    (element) => element.name === 'time' && 'datetime' in element.attributes,
  );
  const body = classes(article).includes('prose')
    ? article
    : (findElement(
        article,
        (element) => element.name === 'div' && classes(element).includes('prose'),
      ) ?? null);
  return {
    title: heading ? normaliseSpace(visibleText(heading)) : '',
    day: time?.attributes.datetime?.slice(0, 10) ?? null,
    body,
  };
}

const normaliseSpace = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

export interface Resolution {
  /** Every path visited, the first being Jekyll's URL, each following one a redirect's target. */
  hops: string[];
  /** The file the last hop is served from, or null when it is not in the export. */
  file: string | null;
  /** Why it did not land on a page, when it did not. */
  problem: string | null;
}

const MAX_REDIRECTS = 2;

/**
 * Follows a URL through the export as a visitor would: the file a static host serves, then any meta-refresh
 * redirect page (at most twice). A target may be relative, root-relative with the base path, or absolute.
 */
export function resolveInExport(outDir: string, url: string, basePath = ''): Resolution {
  const hops = [url];
  let current = url;
  for (let redirects = 0; ; redirects++) {
    const file = resolveStaticPath(outDir, current);
    if (!file) return { hops, file: null, problem: `no file in the export serves ${current}` };
    if (!file.endsWith('.html')) return { hops, file, problem: null };
    const target = redirectPageTarget(readFileSync(file, 'utf8'));
    if (!target) return { hops, file, problem: null };
    if (redirects === MAX_REDIRECTS)
      return { hops, file, problem: `more than ${MAX_REDIRECTS} redirects` };
    const base = new URL(`http://site.invalid${basePath}${encodeURI(current)}`);
    const next = new URL(target, base);
    if (next.host !== 'site.invalid')
      return { hops: [...hops, next.href], file: null, problem: `redirect leaves the site` };
    let nextPath = decodeURIComponent(next.pathname);
    if (basePath) {
      if (nextPath !== basePath && !nextPath.startsWith(`${basePath}/`))
        return {
          hops: [...hops, nextPath],
          file: null,
          problem: `redirect leaves the base path ${basePath}`,
        };
      nextPath = nextPath.slice(basePath.length) || '/';
    }
    hops.push(nextPath);
    current = nextPath;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The comparison
// ---------------------------------------------------------------------------------------------------------

export interface PostComparison {
  /** Jekyll's URL of the post (or the old URL from `redirect_from`, see `via`). */
  url: string;
  relativePath: string;
  /**
   * `url` when the URL is the post's own; `redirect_from` for jekyll-redirect-from's old URLs; `redirect_to` for
   * the URLs of a post that moved (they must lead to its target).
   */
  via: 'url' | 'redirect_from' | 'redirect_to';
  /** The path of the page it lands on in our export, or null. */
  resolved: string | null;
  /** Whether that page is a post page (an article with a prose body). */
  landedOnPost: boolean;
  hops: string[];
  titleEqual: boolean;
  jekyllTitle: string | null;
  ourTitle: string | null;
  dayEqual: boolean;
  jekyllDay: string | null;
  ourDay: string | null;
  similarity: number;
  diff: string;
  /** Element ids of Jekyll's body (headings, `{: #id}`) that our body lacks: `#anchor` links would break. */
  missingIds: string[];
  /** Words only our body shows that look like kramdown or Liquid syntax (`{:toc}`, `*[API]:`, `{{`): never text. */
  leakedSyntax: string[];
  /** Internal links of our body that are broken, reach a redirect page, or name a missing `#anchor`. */
  brokenLinks: string[];
  /** What fails, one line each; empty when the post passes. */
  failures: string[];
}

export interface PageComparison {
  url: string;
  relativePath: string;
  resolved: string | null;
  similarity: number;
  diff: string;
  failures: string[];
}

export interface ComparisonReport {
  posts: PostComparison[];
  pages: PageComparison[];
  /** Static files of Jekyll's output missing from the export, at the same path. */
  missingStaticFiles: string[];
  medianSimilarity: number;
  minimumSimilarity: number;
  /** Every failure, `url: what`, one line each. */
  failures: string[];
}

export interface CompareOptions {
  /** Least body similarity a post must have (default 0.99). */
  minSimilarity?: number;
}

/**
 * Kramdown and Liquid syntax a reader must never see: attribute lists and `{#id}`, abbreviation and footnote
 * definitions, math and end-of-block markers, `markdown="1"`, Liquid tags and output. Checked only on words
 * that Jekyll's text does not have, so a post that writes about the syntax in code still passes.
 */
/** Past this many, leaked words are counted rather than listed. */
const MAX_LISTED = 12;

const MARKUP_SYNTAX = /\{:|\{#|^\*\[|\[\^|\$\$|^\^$|markdown=|\{%|%\}|\{\{|\}\}/;

/** kramdown's footnote ids and its `{:toc}` list: plumbing of the markup, not anchors authors link to. */
const GENERATED_ID = /^(fn:|fnref:|markdown-toc)/;

function idsOf(node: HtmlElement): Set<string> {
  const ids = new Set<string>();
  for (const element of elements(node)) {
    if (element.attributes.id) ids.add(element.attributes.id);
    // `<a name="x">` is a fragment target too (HTML's "find a potential indicated element").
    if (element.name === 'a' && element.attributes.name) ids.add(element.attributes.name);
  }
  return ids;
}

const median = (values: number[]) => {
  if (values.length === 0) return 1;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Resolves a Jekyll URL and reads the page it lands on. */
function landing(outDir: string, url: string, basePath: string) {
  const resolution = resolveInExport(outDir, url, basePath);
  const page =
    resolution.file && !resolution.problem && resolution.file.endsWith('.html')
      ? readExportedPage(readFileSync(resolution.file, 'utf8'))
      : null;
  const resolved = resolution.file ? resolution.hops[resolution.hops.length - 1]! : null;
  return { resolution, page, resolved };
}

/** What every comparison of one run shares. */
interface CompareContext {
  outDir: string;
  basePath: string;
  minSimilarity: number;
  /** The site's `url` origin (`https://example.org`): absolute links to it are internal links. */
  siteOrigin: string | null;
  /** Element ids of export pages already read, by file. */
  idsByFile: Map<string, Set<string>>;
  /** Jekyll's output, to tell links the author broke on Jekyll too. */
  jekyll: SiteView;
}

function idsOfFile(context: CompareContext, file: string): Set<string> {
  let ids = context.idsByFile.get(file);
  if (!ids) {
    ids = idsOf(parseHtml(readFileSync(file, 'utf8')));
    context.idsByFile.set(file, ids);
  }
  return ids;
}

/** A built site as the link check sees it: Jekyll's output, or our export. */
interface SiteView {
  /** Where the site is served (`/blog`, or ''). */
  basePath: string;
  /** The site's `url` origin (`https://example.org`): absolute links to it are internal links. */
  siteOrigin: string | null;
  /** The file (any key) a static host serves for a path, or null. */
  serve: (sitePath: string) => string | null;
  /** Where the file redirects readers, when it is a redirect page. */
  redirectOf: (file: string) => string | null;
  /** The element ids of an HTML file, or null when they are not known (a link's anchor is then not checked). */
  idsOf: (file: string) => Set<string> | null;
}

/**
 * What is wrong with a link of a page at `pagePath`, or null: an internal link (root-relative, relative, or
 * absolute to the site's own `url`) whose path no file serves, that lands on a redirect page (links to a
 * post's old URL are to be rewritten at build time, so readers never take the hop), or whose `#anchor` is
 * no id of the page it reaches. External links are not followed.
 */
function linkProblem(href: string, pagePath: string, site: SiteView): string | null {
  if (/^(mailto|tel|javascript|data):/i.test(href)) return null;
  let target: URL;
  try {
    target = new URL(href, `http://site.invalid${site.basePath}${encodeURI(pagePath)}`);
  } catch {
    return 'not a URL';
  }
  const internal =
    target.host === 'site.invalid' ||
    (site.siteOrigin !== null && target.origin === site.siteOrigin);
  if (!internal) return null;
  let sitePath = safeDecode(target.pathname);
  if (site.basePath) {
    if (sitePath !== site.basePath && !sitePath.startsWith(`${site.basePath}/`))
      return `outside the base path ${site.basePath}`;
    sitePath = sitePath.slice(site.basePath.length) || '/';
  }
  const file = site.serve(sitePath);
  if (!file) return `no file serves ${sitePath}`;
  const redirect = site.redirectOf(file);
  if (redirect) return `a redirect page (to ${redirect}), not the page's own URL`;
  const anchor = target.hash ? safeDecode(target.hash.slice(1)) : '';
  const ids = anchor ? site.idsOf(file) : null;
  if (ids && !ids.has(anchor)) return `${sitePath} has no element with id "${anchor}"`;
  return null;
}

const safeDecode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/** Our export as the link check sees it. */
function exportView(context: CompareContext): SiteView {
  const redirects = new Map<string, string | null>();
  return {
    basePath: context.basePath,
    siteOrigin: context.siteOrigin,
    serve: (sitePath) => resolveStaticPath(context.outDir, sitePath),
    redirectOf: (file) => {
      if (!file.endsWith('.html')) return null;
      if (!redirects.has(file)) redirects.set(file, redirectPageTarget(readFileSync(file, 'utf8')));
      return redirects.get(file) ?? null;
    },
    idsOf: (file) => (file.endsWith('.html') ? idsOfFile(context, file) : null),
  };
}

/** Jekyll's output as the link check sees it: the files it wrote, the ids of the bodies it recorded. */
function jekyllView(manifest: JekyllManifest, siteOrigin: string | null): SiteView {
  const files = new Set(manifest.outputFiles);
  const bodies = new Map(
    [...manifest.posts, ...manifest.pages].map((document) => [document.outputPath, document.html]),
  );
  const ids = new Map<string, Set<string>>();
  return {
    basePath: normalizeBasePath(manifest.baseurl),
    siteOrigin,
    serve: (sitePath) => servingCandidates(sitePath)?.find((file) => files.has(file)) ?? null,
    redirectOf: () => null,
    idsOf: (file) => {
      const html = bodies.get(file);
      if (html === undefined) return null;
      if (!ids.has(file)) ids.set(file, idsOf(parseHtml(html)));
      return ids.get(file)!;
    },
  };
}

/** `/blog` from `blog/`, `/blog/` or `/blog`; '' for the root. */
export function normalizeBasePath(raw: string): string {
  const trimmed = raw.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}` : '';
}

/** The links of a body with their visible text, in order. */
function linksOf(body: HtmlElement): { href: string; text: string }[] {
  return [...elements(body)]
    .filter((element) => element.name === 'a' && element.attributes.href)
    .map((element) => ({
      href: element.attributes.href!,
      text: normaliseSpace(visibleText(element)),
    }));
}

/** The `src` of every image, video, audio, source and iframe, in order. */
function sourcesOf(body: HtmlElement): string[] {
  return [...elements(body)]
    .filter((element) => MEDIA_ELEMENTS.has(element.name) && element.attributes.src)
    .map((element) => element.attributes.src!);
}
const MEDIA_ELEMENTS = new Set(['img', 'video', 'audio', 'source', 'iframe']);

/**
 * Links of our body that a reader would find broken or indirect, where the same link (the same text, the
 * same occurrence) works on Jekyll's site: a link the author broke on Jekyll too is not ours to fix.
 */
function linkProblems(
  body: HtmlElement,
  pagePath: string,
  post: JekyllDocument,
  context: CompareContext,
): string[] {
  const ours = exportView(context);
  const jekyllLinks = linksOf(parseHtml(post.html));
  const seen = new Map<string, number>();
  const problems: string[] = [];
  for (const link of linksOf(body)) {
    const occurrence = seen.get(link.text) ?? 0;
    seen.set(link.text, occurrence + 1);
    const problem = linkProblem(link.href, pagePath, ours);
    if (!problem) continue;
    // An in-page anchor broken on Jekyll's page too is the author's (pairing by text could miss it: our
    // table of contents is outside the body, Jekyll's inside).
    if (link.href.startsWith('#') && linkProblem(link.href, post.url, context.jekyll)) continue;
    const counterpart = jekyllLinks.filter((candidate) => candidate.text === link.text)[occurrence];
    if (counterpart && linkProblem(counterpart.href, post.url, context.jekyll)) continue;
    problems.push(`link ${link.href}: ${problem}`);
  }
  // Images and media that do not load, where the same one (by order) loads on Jekyll's site.
  const jekyllSources = sourcesOf(parseHtml(post.html));
  sourcesOf(body).forEach((source, index) => {
    const problem = linkProblem(source, pagePath, ours);
    if (!problem) return;
    const counterpart = jekyllSources[index];
    if (counterpart !== undefined && linkProblem(counterpart, post.url, context.jekyll)) return;
    problems.push(`source ${source}: ${problem}`);
  });
  return problems;
}

function comparePost(
  post: JekyllDocument,
  url: string,
  via: PostComparison['via'],
  context: CompareContext,
): PostComparison {
  const { outDir, basePath, minSimilarity } = context;
  const { resolution, page, resolved } = landing(outDir, url, basePath);
  const failures: string[] = [];
  if (resolution.problem) failures.push(resolution.problem);
  else if (!page?.body)
    failures.push(`${resolved} is not a post page (no article with a prose body)`);
  const jekyllTitle = post.title === null ? null : normaliseSpace(post.title);
  const ourTitle = page ? page.title : null;
  const titleEqual = page !== null && jekyllTitle === ourTitle;
  const dayEqual = page !== null && page.day === post.day;
  const expected = parseHtml(post.html);
  const comparison = page?.body
    ? compareWords(visibleText(expected), visibleText(page.body))
    : { similarity: 0, diff: '', addedWords: [] };
  const leakedSyntax = [
    ...new Set(comparison.addedWords.filter((word) => MARKUP_SYNTAX.test(word))),
  ];
  const ourIds = page?.body ? idsOf(page.body) : new Set<string>();
  const missingIds = [...idsOf(expected)].filter((id) => !GENERATED_ID.test(id) && !ourIds.has(id));
  if (page?.body) {
    if (!titleEqual)
      failures.push(
        `title: Jekyll ${JSON.stringify(jekyllTitle)}, ours ${JSON.stringify(ourTitle)}`,
      );
    if (!dayEqual) failures.push(`day: Jekyll ${post.day}, ours ${page.day}`);
    if (comparison.similarity < minSimilarity)
      failures.push(`body similarity ${comparison.similarity.toFixed(4)} < ${minSimilarity}`);
    if (missingIds.length > 0)
      failures.push(`ids missing from our body: ${missingIds.map((id) => `#${id}`).join(' ')}`);
    if (leakedSyntax.length > 0)
      failures.push(
        `markup shown as text (Jekyll shows none of it): ${leakedSyntax.slice(0, MAX_LISTED).join(' ')}` +
          (leakedSyntax.length > MAX_LISTED ? ` … (${leakedSyntax.length} in all)` : ''),
      );
  }
  // Checked once a post, on its own URL's landing page.
  const brokenLinks =
    page?.body && resolved && via === 'url' ? linkProblems(page.body, resolved, post, context) : [];
  failures.push(...brokenLinks);
  return {
    url,
    relativePath: post.relativePath,
    via,
    resolved,
    landedOnPost: Boolean(page?.body),
    hops: resolution.hops,
    titleEqual,
    jekyllTitle,
    ourTitle,
    dayEqual,
    jekyllDay: post.day,
    ourDay: page?.day ?? null,
    similarity: comparison.similarity,
    diff: comparison.diff,
    missingIds,
    leakedSyntax,
    brokenLinks,
    failures,
  };
}

/** Where a moved document's URL leads: the last hop must be its `redirect_to` (a site path or a URL). */
function compareMoved(post: JekyllDocument, url: string, context: CompareContext): PostComparison {
  const resolution = resolveInExport(context.outDir, url, context.basePath);
  const last = resolution.hops[resolution.hops.length - 1]!;
  const target = post.redirectTo!;
  // A target on the site may itself be an old URL: where it leads counts, and our export may go there directly.
  const destination = /^https?:\/\//i.test(target)
    ? new URL(target).href
    : resolveInExport(context.outDir, target, context.basePath).hops.at(-1);
  const arrived =
    last === destination &&
    resolution.hops.length > 1 &&
    (resolution.problem === null || /leaves the site/.test(resolution.problem));
  return {
    url,
    relativePath: post.relativePath,
    via: 'redirect_to',
    resolved: resolution.file && path.relative(context.outDir, resolution.file),
    landedOnPost: false,
    hops: resolution.hops,
    titleEqual: true,
    jekyllTitle: post.title,
    ourTitle: null,
    dayEqual: true,
    jekyllDay: post.day,
    ourDay: null,
    similarity: 1,
    diff: '',
    missingIds: [],
    leakedSyntax: [],
    brokenLinks: [],
    failures: arrived
      ? []
      : [
          `moved to ${target}, but ${url} leads to ${resolution.hops.join(' -> ')}${resolution.problem && !/leaves the site/.test(resolution.problem) ? ` (${resolution.problem})` : ''}`,
        ],
  };
}

/**
 * Every post of the manifest against the export in `outDir` (served under `basePath`): each Jekyll URL and
 * each `redirect_from` URL must land on a post page; titles and days must be equal, bodies at least
 * `minSimilarity` alike, kramdown's ids present; no two posts may land on one page; every markdown page
 * must be at its Jekyll URL; every static file Jekyll copied must be at the same path.
 */
export function compareWithExport(
  manifest: JekyllManifest,
  outDir: string,
  basePath = '',
  options: CompareOptions = {},
): ComparisonReport {
  const minSimilarity = options.minSimilarity ?? 0.99;
  let siteOrigin: string | null = null;
  try {
    siteOrigin = manifest.url ? new URL(manifest.url).origin : null;
  } catch {
    // A site `url` that is no URL: absolute links are then all external.
  }
  const context: CompareContext = {
    outDir,
    basePath,
    minSimilarity,
    siteOrigin,
    idsByFile: new Map(),
    jekyll: jekyllView(manifest, siteOrigin),
  };
  const posts: PostComparison[] = [];
  for (const post of manifest.posts) {
    if (post.redirectTo !== null) {
      // Moved (jekyll-redirect-from's redirect_to): its URLs must lead where it moved, and it is no post page.
      for (const url of [
        post.url,
        ...post.redirectFrom.map((old) => (old.startsWith('/') ? old : `/${old}`)),
      ])
        posts.push(compareMoved(post, url, context));
      continue;
    }
    posts.push(comparePost(post, post.url, 'url', context));
    for (const old of post.redirectFrom) {
      const url = old.startsWith('/') ? old : `/${old}`;
      posts.push(comparePost(post, url, 'redirect_from', context));
    }
  }
  // Two Jekyll posts landing on one of our pages: one of them is lost.
  const landedBy = new Map<string, string>();
  for (const comparison of posts) {
    if (!comparison.resolved || !comparison.landedOnPost) continue;
    const other = landedBy.get(comparison.resolved);
    if (other && other !== comparison.relativePath)
      comparison.failures.push(`lands on ${comparison.resolved}, the page of ${other} too`);
    else landedBy.set(comparison.resolved, comparison.relativePath);
  }

  const pages: PageComparison[] = manifest.pages.map((jekyllPage) => {
    if (jekyllPage.redirectTo !== null) {
      const moved = compareMoved(jekyllPage, jekyllPage.url, context);
      return {
        url: moved.url,
        relativePath: moved.relativePath,
        resolved: moved.resolved,
        similarity: 1,
        diff: '',
        failures: moved.failures,
      };
    }
    const { resolution, page, resolved } = landing(outDir, jekyllPage.url, basePath);
    const failures: string[] = [];
    if (resolution.problem) failures.push(resolution.problem);
    else if (!page?.body) failures.push(`${resolved} has no prose body`);
    const comparison = page?.body
      ? compareWords(visibleText(parseHtml(jekyllPage.html)), visibleText(page.body))
      : { similarity: 0, diff: '' };
    if (page?.body && comparison.similarity < minSimilarity)
      failures.push(`body similarity ${comparison.similarity.toFixed(4)} < ${minSimilarity}`);
    return {
      url: jekyllPage.url,
      relativePath: jekyllPage.relativePath,
      resolved,
      similarity: comparison.similarity,
      diff: comparison.diff,
      failures,
    };
  });

  const missingStaticFiles = manifest.staticFiles.filter(
    (url) => !existsSync(path.join(outDir, url.replace(/^\/+/, ''))),
  );
  const ownUrls = posts.filter((comparison) => comparison.via === 'url');
  const similarities = ownUrls.map((comparison) => comparison.similarity);
  const failures = [
    ...posts.flatMap((comparison) =>
      comparison.failures.map((failure) => `${comparison.url}: ${failure}`),
    ),
    ...pages.flatMap((comparison) =>
      comparison.failures.map((failure) => `${comparison.url}: ${failure}`),
    ),
    ...missingStaticFiles.map((url) => `${url}: static file missing from the export`),
  ];
  return {
    posts,
    pages,
    missingStaticFiles,
    medianSimilarity: median(similarities),
    minimumSimilarity: similarities.length ? Math.min(...similarities) : 1,
    failures,
  };
}

/** The report as lines: one a post (and a page), its diff under it when it fails, then a summary. */
export function formatReport(report: ComparisonReport, manifest?: JekyllManifest): string {
  const lines: string[] = [];
  const mark = (failures: string[]) => (failures.length ? 'FAIL' : 'ok  ');
  for (const post of report.posts) {
    const where = post.hops.join(' -> ') + (post.resolved ? '' : ' -> (nothing)');
    const via = post.via === 'url' ? '' : ` [${post.via}]`;
    lines.push(
      `${mark(post.failures)} ${post.similarity.toFixed(4)} ${where}${via}  (${post.relativePath})`,
    );
    for (const failure of post.failures) lines.push(`       ${failure}`);
    // Every difference is shown, also under the threshold: what is left to do is visible at a glance.
    if (post.diff) lines.push(`       diff: ${post.diff}`);
  }
  for (const page of report.pages) {
    lines.push(
      `${mark(page.failures)} ${page.similarity.toFixed(4)} page ${page.url} -> ${page.resolved ?? '(nothing)'}  (${page.relativePath})`,
    );
    for (const failure of page.failures) lines.push(`       ${failure}`);
    if (page.diff) lines.push(`       diff: ${page.diff}`);
  }
  for (const url of report.missingStaticFiles) lines.push(`FAIL static file missing: ${url}`);
  const ownUrls = report.posts.filter((post) => post.via === 'url');
  lines.push('');
  lines.push(
    `${ownUrls.length} posts (${ownUrls.filter((post) => post.failures.length === 0).length} pass), ` +
      `${report.posts.length - ownUrls.length} redirect_from URLs, ${report.pages.length} pages, ` +
      `median similarity ${report.medianSimilarity.toFixed(4)}, lowest ${report.minimumSimilarity.toFixed(4)}, ` +
      `${report.failures.length} failures`,
  );
  if (manifest)
    lines.push(
      `jekyll ${manifest.jekyllVersion}: ${manifest.wallSeconds.toFixed(1)} s wall, ${manifest.cpuSeconds.toFixed(1)} s CPU; ` +
        `overrides: ${manifest.overrides.join('; ')}`,
    );
  return lines.join('\n');
}
