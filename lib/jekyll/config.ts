/**
 * A Jekyll site's `_config.yml`, read as Jekyll reads it: the settings the build uses (title, url, baseurl,
 * timezone, permalink, defaults, exclude/include, future, excerpt_separator, show_drafts, kramdown, feed path)
 * and every key as `site.*` for Liquid. Problems carry the line of their key, so `npm run check` reports
 * `_config.yml:line: key: message`. Pure apart from reading the one file.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { keyLinesOf } from './data';
import { problem, type Problem } from '../build/problems';
import { pathInside } from '../build/safe-path';
import { parseBasePath, parseSiteUrl, SettingError } from '../build/settings';

/** Jekyll's config file names, in the order it looks for them (a TOML one is found, to be reported, not read). */
const CONFIG_FILES = ['_config.yml', '_config.yaml', '_config.toml'];

/** A `_config.yml` is a few kilobytes; one past this holds data (which belongs in `_data/`) or is not a config. */
export const MAX_CONFIG_BYTES = 1_000_000;

/** A front-matter default of `_config.yml`: values applied to the files its scope matches. */
export interface FrontMatterDefault {
  scope: { path?: string; type?: string };
  values: Record<string, unknown>;
}

export interface JekyllConfig {
  /** The config file, as messages name it. */
  file: string;
  title?: string;
  description?: string;
  author?: { name: string; url?: string };
  /** `url`, as an origin; `baseurl`, as a base path. */
  url?: string;
  baseurl?: string;
  /** An IANA zone name; undefined: UTC (Jekyll would take the machine's zone). */
  timezone?: string;
  /** The posts' permalink: `collections: posts: permalink:` over the site-wide `permalink`. */
  permalink?: string;
  defaults: FrontMatterDefault[];
  exclude: string[];
  include: string[];
  future?: boolean;
  excerptSeparator?: string;
  showDrafts?: boolean;
  /** kramdown's options (`smart_quotes`, `auto_ids`…). */
  kramdown: Record<string, unknown>;
  /** jekyll-feed's `feed.path`: the feed URL subscribers already have. */
  feedPath?: string;
  /** Every key, for `site.*` in Liquid. */
  variables: Record<string, unknown>;
}

/** Jekyll's own exclusions, added to the site's list (Jekyll 4 adds them to any `exclude`). */
export const JEKYLL_DEFAULT_EXCLUDES = [
  '.sass-cache',
  '.jekyll-cache',
  'gemfiles',
  'Gemfile',
  'Gemfile.lock',
  'node_modules',
  'vendor/bundle/',
  'vendor/cache/',
  'vendor/gems/',
  'vendor/ruby/',
];

/** The config file of a Jekyll site root, or undefined when `dir` is a folder of posts. */
export function jekyllConfigFile(dir: string): string | undefined {
  return CONFIG_FILES.map((name) => path.join(dir, name)).find((file) => existsSync(file));
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;

const stringList = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((item) => typeof item === 'string')
    : typeof value === 'string'
      ? [value]
      : [];

/** Whether `name` is a time zone this Node knows (IANA). */
function knownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Reads `_config.yml` of the site in `dir` (named `displayDir` in messages). */
export function readJekyllConfig(
  dir: string,
  displayDir: string,
): { config: JekyllConfig; problems: Problem[] } {
  const file = jekyllConfigFile(dir) ?? path.join(dir, CONFIG_FILES[0]!);
  const shown = path.join(displayDir, path.basename(file));
  const empty: JekyllConfig = {
    file: shown,
    defaults: [],
    exclude: [...JEKYLL_DEFAULT_EXCLUDES],
    include: [],
    kramdown: {},
    variables: {},
  };
  const problems: Problem[] = [];
  const refuse = (message: string) => ({
    config: empty,
    problems: [problem(shown, 1, 'config', message)],
  });
  if (file.endsWith('.toml'))
    return refuse('TOML settings are not read; write them as _config.yml (YAML)');
  let source: string;
  try {
    pathInside(dir, path.basename(file));
  } catch {
    // As every file of the site (lib/build/files.ts): a link out of the folder is not read.
    return refuse('is a symbolic link out of the site; it is not read (copy the file in)');
  }
  try {
    const stats = statSync(file);
    if (!stats.isFile()) return refuse('is not a file; the settings must be a YAML file');
    if (stats.size > MAX_CONFIG_BYTES)
      return refuse(
        `is ${stats.size.toLocaleString('en')} bytes, more than ${MAX_CONFIG_BYTES.toLocaleString('en')}; move data into _data/`,
      );
    source = readFileSync(file, 'utf8');
  } catch (error) {
    return refuse(`could not be read (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  const lineCounter = new LineCounter();
  // Ruby's YAML keeps the last of two equal keys; checking keys for uniqueness is quadratic in the yaml package.
  const document = parseDocument(source.replace(/^\uFEFF/, ''), {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: false,
  });
  for (const error of document.errors)
    problems.push(
      problem(
        shown,
        lineCounter.linePos(error.pos[0]).line,
        'config',
        /Maximum call stack/.test(error.message)
          ? 'is nested too deeply to read; flatten it'
          : error.message.split('\n')[0]!,
      ),
    );
  if (problems.length > 0) return { config: empty, problems };
  const keyLines = keyLinesOf(document, lineCounter);
  const lineOf = (key: string) => keyLines(key) ?? 1;
  let data: Record<string, unknown>;
  try {
    const value = document.toJS({ maxAliasCount: 100 }) as unknown;
    // Jekyll stops on a config that is not a map ("Configuration file: (INVALID)"); an empty one is no settings.
    if (
      value !== null &&
      value !== undefined &&
      (typeof value !== 'object' || Array.isArray(value))
    )
      return refuse(
        `must be a map of settings ("key: value" lines), not ${Array.isArray(value) ? 'a list' : 'a single value'}`,
      );
    data = (value ?? {}) as typeof data;
  } catch (error) {
    problems.push(problem(shown, 1, 'config', `could not be read (${(error as Error).message})`));
    return { config: empty, problems };
  }

  const config: JekyllConfig = { ...empty, variables: data };
  config.title = text(data.title);
  config.description = text(data.description);
  const author = data.author;
  if (typeof author === 'string') config.author = { name: author };
  else if (
    author &&
    typeof author === 'object' &&
    typeof (author as { name?: unknown }).name === 'string'
  ) {
    const { name, url } = author as { name: string; url?: unknown };
    config.author = { name, ...(typeof url === 'string' ? { url } : {}) };
  }
  const url = text(data.url)?.trim();
  if (url) {
    try {
      config.url = parseSiteUrl(url, 'url');
    } catch (error) {
      // Jekyll takes any text; a URL with a path keeps its origin, the path belongs in baseurl.
      try {
        const parsed = new URL(url);
        // javascript:, mailto:… have no origin ("null"): not a site's address.
        if (!/^https?:$/.test(parsed.protocol)) throw error;
        config.url = parsed.origin;
        problems.push(
          problem(
            shown,
            lineOf('url'),
            'url',
            `"${url}" has a path; the site's origin ${config.url} is used and the path belongs in baseurl`,
            'warning',
          ),
        );
      } catch {
        const message =
          error instanceof SettingError ? error.message.replace(/^url: /, '') : String(error);
        problems.push(problem(shown, lineOf('url'), 'url', `${message}; it is ignored`, 'warning'));
      }
    }
  }
  const baseurl = text(data.baseurl);
  if (baseurl !== undefined) {
    try {
      config.baseurl = parseBasePath(baseurl, 'baseurl');
    } catch (error) {
      problems.push(
        problem(
          shown,
          lineOf('baseurl'),
          'baseurl',
          (error as Error).message.replace(/^baseurl: /, ''),
        ),
      );
    }
  }
  const timezone = text(data.timezone);
  if (timezone !== undefined) {
    if (knownTimeZone(timezone)) config.timezone = timezone;
    else
      problems.push(
        problem(
          shown,
          lineOf('timezone'),
          'timezone',
          `"${timezone}" is not a time zone name such as Europe/Berlin or America/New_York`,
        ),
      );
  }
  const collections = data.collections as { posts?: { permalink?: unknown } } | undefined;
  config.permalink = text(collections?.posts?.permalink) ?? text(data.permalink);
  if (data.defaults !== undefined) {
    if (!Array.isArray(data.defaults))
      problems.push(
        problem(
          shown,
          lineOf('defaults'),
          'defaults',
          'must be a list of scope/values sets',
          'warning',
        ),
      );
    else
      for (const set of data.defaults as unknown[]) {
        const values = (set as { values?: unknown })?.values;
        if (!values || typeof values !== 'object' || Array.isArray(values)) {
          // Jekyll warns and skips an invalid set; so do we.
          problems.push(
            problem(
              shown,
              lineOf('defaults'),
              'defaults',
              'a set without "values" is skipped, as Jekyll skips it',
              'warning',
            ),
          );
          continue;
        }
        const scope = ((set as { scope?: unknown }).scope ?? {}) as Record<string, unknown>;
        config.defaults.push({
          scope: {
            ...(typeof scope.path === 'string' ? { path: scope.path } : {}),
            ...(typeof scope.type === 'string' ? { type: scope.type } : {}),
          },
          values: values as Record<string, unknown>,
        });
      }
  }
  for (const key of ['exclude', 'include'])
    if (
      data[key] !== undefined &&
      data[key] !== null &&
      typeof data[key] !== 'string' &&
      !(
        Array.isArray(data[key]) &&
        (data[key] as unknown[]).every((item) => typeof item === 'string')
      )
    )
      problems.push(
        problem(
          shown,
          lineOf(key),
          key,
          'must be a list of paths or patterns; what is not text is ignored',
          'warning',
        ),
      );
  if (data.exclude !== undefined)
    config.exclude = [...new Set([...stringList(data.exclude), ...JEKYLL_DEFAULT_EXCLUDES])];
  config.include = stringList(data.include);
  // The listing never reads dot files (lib/build/files.ts): say so rather than leave them out silently.
  for (const entry of config.include.filter((item) => item.replace(/^\/+/, '').startsWith('.')))
    problems.push(
      problem(
        shown,
        lineOf('include'),
        'include',
        `"${entry}" is a dot file or folder, which is never published from the site folder; put what must be served in public/`,
        'warning',
      ),
    );
  if (typeof data.future === 'boolean') config.future = data.future;
  if (typeof data.show_drafts === 'boolean') config.showDrafts = data.show_drafts;
  config.excerptSeparator = text(data.excerpt_separator);
  if (data.kramdown && typeof data.kramdown === 'object')
    config.kramdown = data.kramdown as Record<string, unknown>;
  const feed = data.feed as { path?: unknown } | undefined;
  config.feedPath = text(feed?.path);
  return { config, problems };
}

/**
 * Typography of a Jekyll site from its `kramdown:` options (lib/markdown/dialect.ts `smartQuotes`): its
 * `smart_quotes`, false when turned off, else kramdown's default quotes.
 */
export function jekyllSmartQuotes(
  kramdownOptions: Readonly<Record<string, unknown>>,
): boolean | string {
  const quotes = kramdownOptions.smart_quotes;
  return typeof quotes === 'string' ? quotes : quotes !== false;
}
