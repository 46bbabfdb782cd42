/**
 * Differential probe of lib/jekyll/dates.ts and lib/jekyll/permalink.ts against the real Jekyll on this
 * machine (`jekyll` 4.3 on PATH). Run by hand, not by npm test:
 *
 *   npx tsx scripts/jekyll-url-probe.ts [--keep] [--only <text>]
 *
 * It builds throwaway Jekyll sites in the system temp folder from the case tables below (one site per
 * configuration), records every post and page as Jekyll holds it through a Ruby hook, computes the same
 * with our functions and prints each difference. Date texts are also checked one by one with Jekyll's own
 * reading (Psych's YAML, then Time.parse(...).localtime) in one Ruby process. Exit code 1 on a difference.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isScalar, parseDocument } from 'yaml';
import { fileNameDate, parseJekyllDate, type JekyllDate } from '../lib/jekyll/dates';
import {
  jekyllFolderCategories,
  jekyllOutputExtension,
  jekyllOutputPath,
  jekyllPageUrl,
  jekyllPostCategories,
  jekyllPostUrl,
  jekyllTitleFromSlug,
} from '../lib/jekyll/permalink';

interface SiteConfig {
  timezone?: string;
  permalink?: string;
  /** `collections: posts: permalink:` */
  postsPermalink?: string;
}

interface PostCase {
  config: SiteConfig;
  /** Path in the site, e.g. "_posts/2024-01-02-x.md" or "Tech/_posts/…" */
  path: string;
  /** YAML between the fences */
  frontMatter: string;
  /** Jekyll fails to build this post (and we must throw): built in a site of its own. */
  jekyllFails?: boolean;
  /** We refuse on purpose what Jekyll accepts (e.g. 2023-02-30, which Ruby rolls into March). */
  weRefuse?: boolean;
}

interface PageCase {
  config: SiteConfig;
  path: string;
  frontMatter: string;
}

interface DateCase {
  raw: string;
  timeZone?: string;
  /** Written unquoted in the front matter (a YAML plain scalar). */
  plain: boolean;
  weRefuse?: boolean;
}

const DEFAULT: SiteConfig = {};
const NEW_YORK: SiteConfig = {
  timezone: 'America/New_York',
  permalink: '/:year/:month/:day/:hour/:minute/:second/:title/',
};
const BERLIN: SiteConfig = { timezone: 'Europe/Berlin' };
const ALL_PLACEHOLDERS: SiteConfig = {
  permalink:
    '/:categories/:year/:short_year/:month/:i_month/:short_month/:long_month/:day/:i_day/:y_day/:w_year/:week/:w_day/:short_day/:long_day/:hour/:minute/:second/:title/:slug/:name/:collection/:path/:slugified_categories:output_ext',
  timezone: 'Asia/Kolkata',
};

const post = (
  config: SiteConfig,
  file: string,
  frontMatter = '',
  extra: Partial<PostCase> = {},
): PostCase => ({
  config,
  path: file,
  frontMatter,
  ...extra,
});

const POSTS: PostCase[] = [
  // The documented example and names
  post(DEFAULT, '_posts/2009-04-29-slap-chop.md'),
  post(DEFAULT, '_posts/2024-01-02-Hello-World.md'),
  post(DEFAULT, '_posts/2024-01-03-café-crème.md', 'title: Café'),
  post(DEFAULT, '_posts/2024-01-04-c++-tips.md'),
  post(DEFAULT, '_posts/2024-01-05-wait...what.md'),
  post(DEFAULT, '_posts/2024-01-06-trailing-dots...md'),
  post(DEFAULT, '_posts/2024-01-07-spaces in name.md'),
  post(DEFAULT, "_posts/2024-01-08-under_score & amp's (1).md"),
  post(DEFAULT, '_posts/2024-1-9-short-date.md'),
  post(DEFAULT, '_posts/24-1-10-two-digit-year.md'),
  post(DEFAULT, '_posts/2024-01-11-日本語のタイトル.md'),
  post(DEFAULT, '_posts/2024-01-12-iOS-ǆungla-straße.markdown'),
  post(DEFAULT, '_posts/2024-01-13-100%-sure #1?.md'),
  post(DEFAULT, '_posts/2024-01-14-!!!.md'),
  post(DEFAULT, '_posts/2024-01-15-a.b.c.md'),
  post(DEFAULT, '_posts/2024-01-16-ΟΔΟΣ-σ.md'),
  post(DEFAULT, '_posts/2024-01-17-html-post.html'),
  post(DEFAULT, '_posts/sub/2024-01-18-in-subfolder.md'),
  // Categories
  post(DEFAULT, '_posts/2024-02-01-cat-one.md', 'category: Cloud Computing'),
  post(DEFAULT, '_posts/2024-02-02-cat-string.md', 'categories: aws devops'),
  post(DEFAULT, '_posts/2024-02-03-cat-dupes.md', 'categories: [AWS, aws, DevOps, AWS]'),
  post(DEFAULT, '_posts/2024-02-04-cat-both.md', 'categories: [b, a]\ncategory: c'),
  post(
    DEFAULT,
    '_posts/2024-02-05-cat-special.md',
    'categories: ["C#", "100%", "a/b", "x?y", "Ünïcödé", "tabs: ok"]',
  ),
  post(DEFAULT, '_posts/2024-02-06-cat-number.md', 'categories: [2024, 1.5]'),
  post(DEFAULT, 'Tech/_posts/2024-02-07-folder-cat.md', 'category: tech'),
  post(DEFAULT, 'blog/Tech News/_posts/2024-02-08-two-folders.md', 'categories: [Blog, extra]'),
  post(DEFAULT, 'my_posts_x/_posts/2024-02-09-odd-folder.md'),
  post(DEFAULT, '_posts/2024-02-10-cat-dots.md', 'categories: ["..", "../up", "v1.0"]'),
  post(DEFAULT, '_posts/2024-02-11-cat-empty.md', 'categories: []'),
  post(DEFAULT, '_posts/2024-02-12-cat-null.md', 'categories:\ncategory:'),
  post(DEFAULT, '_posts/2024-02-13-cat-colon-fails.md', 'category: "Web Dev: Basics"', {
    jekyllFails: true,
  }),
  post(DEFAULT, '_posts/2024-02-14-cat-year-colon.md', 'category: "2024: review"', {
    jekyllFails: true,
  }),
  post(DEFAULT, '_posts/2024-02-15-cat-scheme.md', 'category: "tips:c"'),
  post(DEFAULT, '_posts/2024-02-16-cat-greek.md', 'category: ΟΔΟΣ'),
  post(DEFAULT, '_posts/2024-02-17-cat-spaces.md', 'categories: "  a   b "\ncategory: " padded "'),
  post(DEFAULT, '_posts/2024-02-18-cat-turkish.md', 'categories: [İstanbul, ÄÖÜ, ""]'),
  post(DEFAULT, '_posts/2024-02-19-cat-host.md', 'category: "//a b"', { jekyllFails: true }),
  post(DEFAULT, '_posts/2024-02-20-cat-http.md', 'category: "http:"', { jekyllFails: true }),
  post(DEFAULT, '_posts/2024-02-21-cat-port.md', 'category: "x://a:b"', { jekyllFails: true }),
  post(DEFAULT, 'x/_posts/2024-02-22-cat-host-after-folder.md', 'category: "//a b"'),
  post(DEFAULT, '_posts/2024-02-23-cat-leading-colon.md', 'category: ":x"', { jekyllFails: true }),
  post(DEFAULT, '_posts/2024-02-24-cat-hash-colon.md', 'category: "c#: tips"'),
  // Slug, title, date in front matter
  post(DEFAULT, '_posts/2024-03-01-file-slug.md', 'slug: Custom Slug!\ntitle: Not In URL'),
  post(DEFAULT, '_posts/2024-03-02-slug-empty.md', 'slug: ""'),
  post(DEFAULT, '_posts/2024-03-03-fm-date-wins.md', 'date: 2023-06-01'),
  post(DEFAULT, '_posts/2024-03-04-fm-date-time.md', 'date: 2024-03-04 23:30:00 -0500'),
  post(DEFAULT, '_posts/2024-03-05-feb30.md', 'date: 2023-02-30', { weRefuse: true }),
  // Front matter permalinks
  post(DEFAULT, '_posts/2024-04-01-pl-blog.md', 'permalink: /blog/:title/'),
  post(
    DEFAULT,
    '_posts/2024-04-02-pl-cats.md',
    'permalink: /:categories/:slug.html\ncategories: [A B, c]',
  ),
  post(DEFAULT, '_posts/2024-04-03-pl-empty.md', 'permalink: ""'),
  post(DEFAULT, '_posts/2024-04-04-pl-fixed.md', 'permalink: /fixed/path.html'),
  post(DEFAULT, '_posts/2024-04-05-pl-style.md', 'permalink: pretty'),
  post(DEFAULT, '_posts/2024-04-06-pl-encoded.md', 'permalink: /%C3%A9t%C3%A9/'),
  post(DEFAULT, '_posts/2024-04-07-pl-noslash.md', 'permalink: no-leading-slash'),
  post(DEFAULT, '_posts/2024-04-08-pl-unknown.md', 'permalink: /:year/:nope/', {
    jekyllFails: true,
  }),
  post(DEFAULT, '_posts/2024-04-09-pl-upper.md', 'permalink: /:Title/:YEAR/'),
  post(DEFAULT, '_posts/2024-04-10-pl-dots.md', 'permalink: /a/../b/./c//d.html'),
  post(DEFAULT, '_posts/2024-04-11-pl-space.md', 'permalink: /with space/:title/'),
  // Time zones and dates
  post(NEW_YORK, '_posts/2024-03-10-dst-gap.md', 'date: 2024-03-10 02:30'),
  post(NEW_YORK, '_posts/2024-11-03-dst-overlap.md', 'date: 2024-11-03 01:30'),
  post(NEW_YORK, '_posts/2024-05-01-plain-utc.md', 'date: 2024-05-01 02:00:00'),
  post(NEW_YORK, '_posts/2024-05-02-quoted-local.md', 'date: "2024-05-02 02:00:00"'),
  post(NEW_YORK, '_posts/2024-05-03-offset.md', 'date: 2024-05-03 23:30:00 +0900'),
  post(NEW_YORK, '_posts/2024-05-04-zulu.md', 'date: 2024-05-04T01:00:00Z'),
  post(NEW_YORK, '_posts/2024-05-05-name-only.md'),
  post(NEW_YORK, '_posts/2024-05-06-fraction.md', 'date: 2024-05-06 10:11:12.999999 -04:00'),
  post(NEW_YORK, '_posts/2024-05-07-plain-one-digit-offset.md', 'date: 2024-05-07 10:00:00 +2'),
  post(NEW_YORK, '_posts/2024-05-08-no-seconds.md', 'date: 2024-05-08 10:00'),
  post(NEW_YORK, '_posts/2024-05-09-est.md', 'date: "2024-05-09 10:00:00 PST"'),
  post(BERLIN, '_posts/2024-06-01-berlin.md'),
  post(BERLIN, '_posts/2024-06-02-berlin-plain.md', 'date: 2024-06-02 23:30:00'),
  post(BERLIN, '_posts/2024-06-03-berlin-offset.md', 'date: 2024-06-03T23:30:00-05:00'),
  post(BERLIN, '_posts/2024-10-27-berlin-overlap.md', 'date: 2024-10-27 02:30'),
  // Styles and placeholders
  ...['pretty', 'ordinal', 'weekdate', 'none', 'date', 'Pretty'].flatMap((permalink) => [
    post({ permalink }, '_posts/2009-04-29-slap-chop.md'),
    post({ permalink }, 'Cats/_posts/2021-01-01-new-year.md', 'categories: [X]'),
    post({ permalink }, '_posts/2020-12-31-old-year.md'),
  ]),
  ...[
    '/:month-:day-:year/:title.html',
    '/blog/:year/:month/:day/:title/',
    '/:year/:month/:title',
    '/:month_:day/:title_:slug',
    '/:categories/:title',
  ].map((permalink) =>
    post({ permalink }, '_posts/2009-04-29-slap-chop.md', 'categories: [Food, Kitchen]'),
  ),
  post(
    ALL_PLACEHOLDERS,
    '_posts/2021-01-03-all-of-them.md',
    'categories: [Big Cat, small]\ndate: 2021-01-03 07:08:09',
  ),
  post(ALL_PLACEHOLDERS, 'Nested Dir/_posts/2024-12-30-week-one.markdown', 'slug: The Slug'),
  post(ALL_PLACEHOLDERS, '_posts/deep/dir/2024-02-29-leap.md'),
  post(
    { permalink: '/site/:title/', postsPermalink: '/collection/:title/' },
    '_posts/2024-07-01-collection-wins.md',
  ),
];

const PAGES: PageCase[] = [
  ...[
    undefined,
    'pretty',
    'weekdate',
    'ordinal',
    '/:year/:title/',
    '/:title',
    '/:title:output_ext',
  ].flatMap((permalink) =>
    [
      'about.md',
      'projects/index.md',
      'docs/setup guide.markdown',
      'contact.html',
      'feed.xml',
      'index.md',
    ].map((file): PageCase => ({ config: { permalink }, path: file, frontMatter: 'title: x' })),
  ),
  { config: DEFAULT, path: 'about-us.md', frontMatter: 'permalink: /about-us/' },
  { config: DEFAULT, path: 'docs/api.md', frontMatter: 'permalink: /:path/:basename.html' },
  { config: DEFAULT, path: 'literal.md', frontMatter: 'permalink: /:title/' },
  { config: { permalink: 'pretty' }, path: 'dots...md', frontMatter: 'title: dots' },
];

const DATE_ZONES = [
  undefined,
  'Europe/Berlin',
  'America/New_York',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Europe/Dublin',
  'America/Sao_Paulo',
  'Pacific/Apia',
  'Asia/Kathmandu',
  'Europe/Moscow',
];
const DATE_TEXTS: { raw: string; weRefuse?: boolean }[] = [
  { raw: '2024-11-15' },
  { raw: '2024-1-5' },
  { raw: '24-1-5' },
  { raw: '2024-11-15 10:00' },
  { raw: '2024-11-15 10:00:00' },
  { raw: '2024-11-15 10:00:00 +0200' },
  { raw: '2024-11-15T10:00:00Z' },
  { raw: '2024-11-15T10:00:00.000Z' },
  { raw: '2024-11-15 10:00:00 Z' },
  { raw: '2024-11-15T10:00+02:00' },
  { raw: '2024-11-15 9:05' },
  { raw: '  2024-11-15  ' },
  { raw: '2024-11-15   10:00:00' },
  { raw: '2024-11-15 10:00:00 -0000' },
  { raw: '2024-11-15 10:00:00 +14:00' },
  { raw: '2024-11-15 10:00:00 +24:00' },
  { raw: '2024-13-01' },
  { raw: 'hello' },
  { raw: '2024-11' },
  { raw: '2024-11-15 10:00:00 -05:00' },
  { raw: '2024-11-15 10:00:00.123456789 +02' },
  { raw: '2024-11-15T10:00:00.5' },
  { raw: '2024-11-15 10:00:00 +2', weRefuse: true }, // refused quoted; YAML reads it plain
  { raw: '2024-11-15Z' },
  { raw: '2024-11-15 UTC' },
  { raw: '2024-11-15 EST' },
  { raw: '2024-11-15 10:00:00+0530' },
  { raw: '2024-11-15 10:00:00 -00:30' },
  { raw: '2024/11/15' },
  { raw: '20241115' },
  { raw: '2024-11-15 10:00:00 EST' },
  { raw: '2024-11-15 10:00:00 utc' },
  { raw: '2024-11-15 10:00 PM' },
  { raw: '2024-11-15 12:30 am' },
  { raw: 'Nov 15, 2024' },
  { raw: 'November 15 2024 10:00' },
  { raw: '15 November 2024 10:00' },
  { raw: 'Fri, 15 Nov 2024 10:00:00 +0000' },
  { raw: '15-Nov-2024' },
  { raw: 'Sept 15, 2024' },
  { raw: 'Janu 5 2024' },
  { raw: 'May 5 2024 10:00 pm' },
  { raw: 'Thu, 4 Jan 2024' },
  { raw: '2024-11-15 24:00' },
  { raw: '2024-11-15 +0200' },
  { raw: '2023-02-29', weRefuse: true },
  { raw: '2023-02-30', weRefuse: true },
  { raw: '2024-02-29' },
  { raw: '2024-11-15 10:00:60', weRefuse: true },
  { raw: '2024-11-15 10:00:00 CET', weRefuse: true },
  { raw: '2024-11-15 10 +0200', weRefuse: true },
  { raw: '2024-03-10 02:30' },
  { raw: '2024-11-03 01:30' },
  { raw: '2024-03-31 02:30' },
  { raw: '2024-10-27 02:30' },
  { raw: '2024-10-06 02:30' },
  { raw: '2024-04-07 02:30' },
  { raw: '2024-04-07 01:45' },
  { raw: '2024-10-06 02:15' },
  { raw: '2018-11-04' },
  { raw: '2018-11-04 00:30' },
  { raw: '2019-02-16 23:30' },
  { raw: '2011-12-30' },
  { raw: '2011-12-29 23:59:59' },
  { raw: '2014-10-26 01:30' },
  { raw: '2011-03-27 02:30' },
  { raw: '1970-01-01 00:00:00' },
  { raw: '1969-12-31 23:59:59.999' },
  { raw: '2021-01-03' },
  { raw: '2020-12-31 23:00:00 -10:00' },
];
const DATES: DateCase[] = DATE_ZONES.flatMap((timeZone) =>
  DATE_TEXTS.flatMap(({ raw, weRefuse }) => [
    { raw, timeZone, plain: true, weRefuse: weRefuse && !raw.endsWith('+2') },
    { raw, timeZone, plain: false, weRefuse },
  ]),
);

// ---------------------------------------------------------------------------------------------------------

const DUMP_PLUGIN = `
require "json"
Jekyll::Hooks.register :site, :post_write do |site|
  posts = site.posts.docs.map do |d|
    { "path" => d.relative_path, "url" => d.url, "decoded" => Jekyll::URL.unescape_path(d.url), "file" => d.destination(site.dest).delete_prefix(site.dest),
      "epochMs" => (d.date.to_r * 1000).floor, "iso" => d.date.iso8601(3), "day" => d.date.strftime("%Y-%m-%d"),
      "title" => d.data["title"], "categories" => d.data["categories"] }
  end
  pages = site.pages.map { |p| { "path" => p.relative_path, "url" => p.url, "decoded" => Jekyll::URL.unescape_path(p.url) } }
  File.write(ENV.fetch("PROBE_DUMP"), JSON.generate({ "posts" => posts, "pages" => pages }))
end
`;

interface JekyllPost {
  path: string;
  url: string;
  decoded: string;
  /** The file written, relative to _site */
  file: string;
  epochMs: number;
  iso: string;
  day: string;
  title: string;
  categories: string[];
}
interface JekyllPage {
  path: string;
  url: string;
  decoded: string;
}

const keep = process.argv.includes('--keep');
const only = process.argv.includes('--only')
  ? process.argv[process.argv.indexOf('--only') + 1]
  : undefined;
const root = mkdtempSync(path.join(tmpdir(), 'jekyll-url-probe-'));
let siteCount = 0;
const differences: string[] = [];
let checked = 0;
let lastFailure = '';

function configYaml(config: SiteConfig): string {
  const lines = ['markdown: kramdown', 'exclude: [dump.json]'];
  if (config.timezone) lines.push(`timezone: ${config.timezone}`);
  if (config.permalink !== undefined) lines.push(`permalink: ${JSON.stringify(config.permalink)}`);
  if (config.postsPermalink !== undefined)
    lines.push(
      'collections:',
      '  posts:',
      `    permalink: ${JSON.stringify(config.postsPermalink)}`,
    );
  return `${lines.join('\n')}\n`;
}

/** Builds one site; the dump, or null when Jekyll failed. */
function buildSite(
  config: SiteConfig,
  files: { path: string; frontMatter: string }[],
): { posts: JekyllPost[]; pages: JekyllPage[] } | null {
  siteCount += 1;
  const site = path.join(root, `site-${siteCount}`);
  mkdirSync(path.join(site, '_plugins'), { recursive: true });
  writeFileSync(path.join(site, '_config.yml'), configYaml(config));
  writeFileSync(path.join(site, '_plugins', 'dump.rb'), DUMP_PLUGIN);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(site, file.path)), { recursive: true });
    writeFileSync(path.join(site, file.path), `---\n${file.frontMatter}\n---\nbody\n`);
  }
  const dump = path.join(site, '..', `dump-${siteCount}.json`);
  const result = spawnSync(
    'jekyll',
    ['build', '--quiet', '--source', site, '--destination', path.join(site, '_site')],
    {
      cwd: site,
      env: { ...process.env, PROBE_DUMP: dump, TZ: 'UTC', JEKYLL_ENV: 'production' },
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) {
    lastFailure = `${result.stderr}`.trim().split('\n').slice(-3).join(' | ');
    return null;
  }
  return JSON.parse(readFileSync(dump, 'utf8')) as { posts: JekyllPost[]; pages: JekyllPage[] };
}

const groupKey = (config: SiteConfig) => JSON.stringify(config);

/** Our reading of a post case, as a caller would do it from the file. */
function ourPost(postCase: PostCase): {
  url: string;
  date: JekyllDate;
  title: string;
  categories: string[];
} {
  const { config } = postCase;
  const document = parseDocument(postCase.frontMatter);
  const data = (document.toJS() ?? {}) as Record<string, unknown>;
  const fileName = postCase.path.slice(postCase.path.lastIndexOf('/') + 1);
  const match = /^(\d{2,4}-\d{1,2}-\d{1,2})-(.*)(\.[^.]+)$/.exec(fileName)!;
  const fileSlug = match[2]!;
  const dateNode = document.get('date', true);
  const date =
    data.date !== undefined && data.date !== null
      ? parseJekyllDate(String(data.date), config.timezone, {
          yamlPlainScalar: isScalar(dateNode) && dateNode.type === 'PLAIN',
        })
      : fileNameDate(fileName, config.timezone)!;
  const categories = jekyllPostCategories({
    folderCategories: jekyllFolderCategories(postCase.path),
    categories: data.categories,
    category: data.category,
  });
  const slug = data.slug === undefined || data.slug === null ? undefined : String(data.slug);
  const permalink =
    data.permalink === undefined || data.permalink === null ? undefined : String(data.permalink);
  const url = jekyllPostUrl({
    sitePermalink: config.postsPermalink ?? config.permalink,
    postPermalink: permalink,
    categories,
    fileSlug,
    frontMatterSlug: slug,
    date,
    sourceExtension: match[3]!,
    collection: 'posts',
    relativePath: postCase.path,
  });
  const title = typeof data.title === 'string' ? data.title : jekyllTitleFromSlug(fileSlug);
  return { url, date, title, categories };
}

function differ(label: string, ours: unknown, theirs: unknown) {
  checked += 1;
  if (JSON.stringify(ours) !== JSON.stringify(theirs))
    differences.push(
      `${label}\n    jekyll: ${JSON.stringify(theirs)}\n    ours:   ${JSON.stringify(ours)}`,
    );
}

function probePosts() {
  const cases = POSTS.filter((postCase) => !only || postCase.path.includes(only));
  const shared = cases.filter((postCase) => !postCase.jekyllFails);
  const groups = new Map<string, PostCase[]>();
  for (const postCase of shared)
    groups.set(groupKey(postCase.config), [
      ...(groups.get(groupKey(postCase.config)) ?? []),
      postCase,
    ]);
  for (const group of groups.values()) {
    const dump = buildSite(group[0]!.config, group);
    if (!dump) {
      differences.push(
        `jekyll failed to build the site of ${group.map((c) => c.path).join(', ')}: ${lastFailure}`,
      );
      continue;
    }
    for (const postCase of group) {
      const label = `post ${postCase.path} ${JSON.stringify(postCase.frontMatter)} ${groupKey(postCase.config)}`;
      const theirs = dump.posts.find((candidate) => candidate.path === postCase.path);
      if (!theirs) {
        differences.push(`${label}: not among Jekyll's posts`);
        continue;
      }
      let ours;
      try {
        ours = ourPost(postCase);
      } catch (error) {
        if (postCase.weRefuse) {
          checked += 1;
          console.log(
            `refused on purpose: ${label}\n    jekyll: ${theirs.decoded} ${theirs.iso}\n    ours:   ${(error as Error).message}`,
          );
        } else
          differences.push(
            `${label}: we threw ${(error as Error).message}; jekyll: ${theirs.decoded}`,
          );
        continue;
      }
      if (postCase.weRefuse) differences.push(`${label}: we accepted what we mean to refuse`);
      differ(`${label} url`, ours.url, theirs.decoded);
      differ(
        `${label} file`,
        jekyllOutputPath(
          ours.url,
          jekyllOutputExtension(postCase.path.slice(postCase.path.lastIndexOf('.'))),
        ),
        theirs.file,
      );
      differ(`${label} day`, ours.date.day, theirs.day);
      differ(`${label} instant`, ours.date.epochMs, theirs.epochMs);
      differ(`${label} iso`, ours.date.iso.replace(/(:\d\d)([+-])/, '$1.000$2'), theirs.iso);
      differ(`${label} title`, ours.title, theirs.title);
      // Jekyll's list can hold a number and its text (2024, "2024"); its URL reads both as "2024".
      differ(`${label} categories`, ours.categories, [...new Set(theirs.categories.map(String))]);
    }
  }
  for (const postCase of cases.filter((c) => c.jekyllFails)) {
    const label = `post ${postCase.path} ${JSON.stringify(postCase.frontMatter)}`;
    const dump = buildSite(postCase.config, [postCase]);
    checked += 1;
    if (dump)
      differences.push(`${label}: expected Jekyll to fail, it gave ${dump.posts[0]?.decoded}`);
    let threw = '';
    try {
      ourPost(postCase);
    } catch (error) {
      threw = (error as Error).message;
    }
    if (!threw) differences.push(`${label}: Jekyll fails, we did not throw`);
    else console.log(`both refuse: ${label}\n    ours: ${threw}`);
  }
}

function probePages() {
  const groups = new Map<string, PageCase[]>();
  for (const pageCase of PAGES)
    groups.set(groupKey(pageCase.config), [
      ...(groups.get(groupKey(pageCase.config)) ?? []),
      pageCase,
    ]);
  for (const group of groups.values()) {
    const dump = buildSite(group[0]!.config, group);
    if (!dump) {
      differences.push(
        `jekyll failed to build the pages ${group.map((c) => c.path).join(', ')}: ${lastFailure}`,
      );
      continue;
    }
    for (const pageCase of group) {
      const label = `page ${pageCase.path} ${JSON.stringify(pageCase.frontMatter)} ${groupKey(pageCase.config)}`;
      const theirs = dump.pages.find((candidate) => candidate.path === pageCase.path);
      if (!theirs) {
        differences.push(`${label}: not among Jekyll's pages`);
        continue;
      }
      const data = (parseDocument(pageCase.frontMatter).toJS() ?? {}) as Record<string, unknown>;
      const ours = jekyllPageUrl({
        relativePath: pageCase.path,
        sitePermalink: pageCase.config.permalink,
        pagePermalink: data.permalink === undefined ? undefined : String(data.permalink),
      });
      differ(`${label} url`, ours, theirs.decoded);
    }
  }
}

const DATE_SCRIPT = `
require "jekyll"
require "json"
JSON.parse(STDIN.read).each do |c|
  ENV["TZ"] = c["timeZone"] || "UTC"
  begin
    value = c["plain"] ? Jekyll::Utils.safe_load_yaml("date: #{c["raw"]}")["date"] : c["raw"]
    t = Time.parse(value.to_s).localtime
    puts JSON.generate({ "epochMs" => (t.to_r * 1000).floor, "iso" => t.iso8601(3), "day" => t.strftime("%Y-%m-%d") })
  rescue StandardError => e
    puts JSON.generate({ "error" => e.message })
  end
end
`;

function probeDates() {
  const cases = DATES.filter((dateCase) => !only || dateCase.raw.includes(only));
  const result = spawnSync('ruby', ['-e', DATE_SCRIPT], {
    input: JSON.stringify(cases),
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`ruby failed: ${result.stderr}`);
  const answers = result.stdout
    .trim()
    .split('\n')
    .map(
      (line) =>
        JSON.parse(line) as { epochMs?: number; iso?: string; day?: string; error?: string },
    );
  cases.forEach((dateCase, index) => {
    const theirs = answers[index]!;
    const label = `date ${JSON.stringify(dateCase.raw)} ${dateCase.plain ? 'plain' : 'quoted'} in ${dateCase.timeZone ?? 'UTC'}`;
    let ours: JekyllDate | undefined;
    let threw = '';
    try {
      ours = parseJekyllDate(dateCase.raw, dateCase.timeZone, { yamlPlainScalar: dateCase.plain });
    } catch (error) {
      threw = (error as Error).message;
    }
    checked += 1;
    if (theirs.error) {
      if (!threw)
        differences.push(`${label}: Jekyll refuses (${theirs.error}), we read ${ours!.iso}`);
      return;
    }
    if (threw) {
      if (!dateCase.weRefuse)
        differences.push(`${label}: we threw ${threw}; jekyll: ${theirs.iso}`);
      else if (dateCase.timeZone === undefined)
        console.log(
          `refused on purpose: ${label}\n    jekyll: ${theirs.iso}\n    ours:   ${threw}`,
        );
      return;
    }
    if (dateCase.weRefuse)
      differences.push(
        `${label}: we accepted what we mean to refuse (jekyll: ${theirs.iso}, ours ${ours!.iso})`,
      );
    differ(`${label} instant`, ours!.epochMs, theirs.epochMs);
    differ(`${label} day`, ours!.day, theirs.day);
  });
}

try {
  probeDates();
  probePosts();
  if (!only) probePages();
} finally {
  if (keep) console.log(`sites kept in ${root}`);
  else rmSync(root, { recursive: true, force: true });
}
console.log(
  `\n${checked} comparisons with Jekyll, ${differences.length} differences, ${siteCount} sites built`,
);
for (const difference of differences) console.log(`DIFF ${difference}`);
process.exitCode = differences.length > 0 ? 1 : 0;
