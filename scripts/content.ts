/**
 * The content step, before `next build`:
 *
 *   tsx scripts/content.ts --check   `npm run check`: reads and checks every post (front matter, Liquid,
 *                                    slugs, links, images) and prints every problem as `file:line: message`;
 *                                    writes nothing.
 *   tsx scripts/content.ts           `npm run content`: the same checks, then stages the posts for
 *                                    contentlayer (lib/content-staging.ts), runs `contentlayer2 build`,
 *                                    and mirrors the files beside the posts into public/content-assets/.
 *   tsx scripts/content.ts --stage   the same without running contentlayer (the bench times it on its own).
 *   tsx scripts/content.ts --watch   for `npm run dev`: stages now and on every change, printing problems.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ContentError } from '../lib/content-rules';
import { includesDirFor, loadContent, problemAt, type ContentSource } from '../lib/content-source';
import { syncContentAssets } from '../lib/content-assets';
import { HTML_DIR, HTML_KEYS_FILE, previousHtmlReader, stageContent, STAGING_DIR } from '../lib/content-staging';
import { FEED_FILES } from '../lib/feed-files';
import { checkLinks } from '../lib/link-check';
import { CONTENT_ASSETS_PATH } from '../lib/markdown/images';
import { pageCount, pagePath } from '../lib/pagination';
import { buildPostIndex, type PostIndex } from '../lib/post-index';
import type { BodyFacts, BodyFactsCache } from '../lib/post-fields';
import { publishOptions, readGeneratedPosts } from '../lib/publish-options';
import { archivePath, categoriesPath, homePath, postShareImagePath, searchPath } from '../lib/urls';
import { siteConfig } from '../site.config';

const mode = process.argv.includes('--check') ? 'check' : process.argv.includes('--watch') ? 'watch' : 'build';
const contentDir = path.resolve(siteConfig.contentDir);

// Parsing bodies is most of the step's time; their facts are kept between runs, keyed by a hash of the body.
const CACHE_FILE = '.content/body-facts.json';
const CACHE_VERSION = 1;
function readCache(): BodyFactsCache {
  try {
    const saved = JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as { version: number; facts: [string, BodyFacts][] };
    return new Map(saved.version === CACHE_VERSION ? saved.facts : []);
  } catch {
    return new Map();
  }
}
function writeCache(current: ContentSource, cache: BodyFactsCache): void {
  // Only the facts of today's posts are kept, so the file does not grow forever.
  const used = new Set(current.posts.map((post) => post.factsKey));
  mkdirSync(path.dirname(CACHE_FILE), { recursive: true });
  writeFileSync(CACHE_FILE, JSON.stringify({ version: CACHE_VERSION, facts: [...cache].filter(([key]) => used.has(key)) }));
}
const cache = readCache();

function load(): Promise<ContentSource> {
  return loadContent({
    cache,
    // `npm run check` needs no HTML; builds render only the posts whose body (or pipeline, or images) changed.
    html: mode === 'check' ? undefined : { previous: previousHtmlReader(HTML_DIR, HTML_KEYS_FILE) },
    contentDir,
    displayDir: siteConfig.contentDir,
    excerptSeparator: siteConfig.excerptSeparator,
    liquid: {
      publicDir: 'public',
      baseUrl: siteConfig.baseUrl,
      basePath: siteConfig.basePath,
      site: { title: siteConfig.title, description: siteConfig.description, author: siteConfig.author, lang: siteConfig.language, ...siteConfig.liquidVariables },
    },
  });
}

/** Every URL the export will have, for the link check. */
function sitePages(index: PostIndex): Set<string> {
  const pages = new Set([homePath(), categoriesPath(), archivePath(), searchPath()]);
  for (const file of ['/sitemap.xml', '/robots.txt', '/share-image.png', '/icon.svg']) pages.add(file);
  const addListing = (listingPath: string, posts: number) => {
    for (let page = 1; page <= pageCount(posts, siteConfig.postsPerPage); page += 1) pages.add(pagePath(listingPath, page));
    for (const { file } of Object.values(FEED_FILES)) pages.add(`${listingPath}${file}`);
  };
  addListing(homePath(), index.posts.length);
  for (const category of index.categories) addListing(category.url, category.posts.length);
  for (const post of index.posts) {
    pages.add(post.url);
    pages.add(postShareImagePath(post.slug));
  }
  return pages;
}

/** Rules across posts: one slug per post, and every internal link and image of every published post. */
function crossPostProblems({ posts }: ContentSource): string[] {
  if (posts.length === 0) return [];
  let index: PostIndex;
  try {
    index = buildPostIndex(
      posts.map((post) => ({ ...post.fields, title: post.frontMatter.title, html: '' })),
      publishOptions,
    );
  } catch (error) {
    if (error instanceof ContentError) return [problemAt(error, posts)];
    throw error;
  }
  const bySourcePath = new Map(posts.map((post) => [post.sourcePath, post]));
  const isFile = (file: string) => existsSync(file) && statSync(file).isFile();
  return checkLinks(
    index.posts.map((summary) => {
      const post = bySourcePath.get(summary.sourcePath)!;
      return { sourcePath: post.sourcePath, relativePath: post.relativePath, url: summary.url, lineOffset: post.bodyLineOffset, links: post.links, anchors: post.anchors };
    }),
    {
      pages: sitePages(index),
      publicFile: (urlPath) => isFile(path.join('public', urlPath)),
      contentFile: (relativePath) => isFile(path.join(contentDir, relativePath)),
      basePath: siteConfig.basePath,
    },
  );
}

/** By file, then line: the order an author fixes them in. */
function byFileAndLine(a: string, b: string): number {
  const place = (problem: string) => /^(.*?):(\d+): /.exec(problem) ?? [problem, problem, '0'];
  const [, fileA = '', lineA = '0'] = place(a);
  const [, fileB = '', lineB = '0'] = place(b);
  return fileA.localeCompare(fileB) || Number(lineA) - Number(lineB);
}

function report(problems: string[]): void {
  problems.sort(byFileAndLine);
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${siteConfig.contentDir}`);
}

if (!existsSync(contentDir)) {
  console.error(`${siteConfig.contentDir}: folder not found; set CONTENT_DIR to your posts`);
  process.exit(1);
}

const started = performance.now();
const source = await load();
writeCache(source, cache);
const problems = [...source.problems, ...crossPostProblems(source)];
if (source.posts.length === 0 && source.problems.length === 0) problems.push(`${siteConfig.contentDir}: no posts found; add a .md file or set CONTENT_DIR`);
const summary = () => {
  const drafts = source.posts.filter((post) => post.fields.isDraft).length;
  return `${source.posts.length} posts (${source.posts.length - drafts} published) in ${siteConfig.contentDir}, checked in ${((performance.now() - started) / 1000).toFixed(1)} s`;
};

if (mode === 'check') {
  report(problems);
  if (problems.length > 0) process.exitCode = 1;
  else console.log(`Content OK: ${summary()}`);
} else if (mode === 'watch') {
  const stage = (current: ContentSource, currentProblems: string[]) => {
    const staged = stageContent(current.posts, STAGING_DIR, HTML_DIR, HTML_KEYS_FILE);
    report([...currentProblems, ...staged.problems]);
    syncContentAssets(contentDir, path.join('public', CONTENT_ASSETS_PATH));
  };
  stage(source, problems);
  let timer: NodeJS.Timeout | undefined;
  const restage = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const next = await load();
      writeCache(next, cache);
      stage(next, [...next.problems, ...crossPostProblems(next)]);
    }, 100);
  };
  watch(contentDir, { recursive: true }, restage);
  const includesDir = includesDirFor(contentDir);
  if (existsSync(includesDir)) watch(includesDir, { recursive: true }, restage);
} else {
  const staged = stageContent(source.posts, STAGING_DIR, HTML_DIR, HTML_KEYS_FILE);
  problems.push(...staged.problems);
  report(problems);
  if (problems.length > 0) process.exit(1);
  console.log(`Content OK: ${summary()}; staged ${staged.written} changed files`);
  const assets = syncContentAssets(contentDir, path.join('public', CONTENT_ASSETS_PATH));
  if (!process.argv.includes('--stage')) {
    const contentlayer = spawnSync(process.execPath, [path.join('scripts', 'contentlayer.mjs'), 'build'], { stdio: 'inherit' });
    if (contentlayer.status !== 0) process.exit(contentlayer.status ?? 1);
    // contentlayer must have read every staged post: none may go missing between the check and the pages.
    const generated = readGeneratedPosts();
    const generatedFiles = new Set(generated.map((doc) => doc.sourcePath));
    const missing = source.posts.filter((post) => !generatedFiles.has(post.sourcePath));
    if (missing.length > 0) {
      report(missing.map((post) => `${post.sourcePath}:1: file: checked but not generated by contentlayer`));
      process.exit(1);
    }
    console.log(`Generated ${generated.length} posts; ${assets} asset files`);
  }
}
