/**
 * The content step, before `next build`:
 *
 *   tsx scripts/content.ts --check   `npm run check`: reads and checks every post (front matter, Liquid,
 *                                    slugs, links, images) and prints every problem as `file:line: message`;
 *                                    writes nothing.
 *   tsx scripts/content.ts           `npm run content`: the same checks, then stages the posts for
 *                                    contentlayer (lib/content/staging.ts), runs `contentlayer2 build`,
 *                                    and mirrors the files beside the posts into public/content-assets/.
 *   tsx scripts/content.ts --stage   the same without running contentlayer (the bench times it on its own).
 *   tsx scripts/content.ts --watch   for `npm run dev`: stages now and on every change, printing problems.
 */
// First: a bad setting ends the command with its message, before site.config.ts throws while loading.
import '../lib/build/settings-check';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ContentError } from '../lib/content/rules';
import { includesDirFor, loadContent, problemAt, type ContentSource } from '../lib/content/source';
import { listedAssets, referencedAssets, syncContentAssets } from '../lib/content/assets';
import { HTML_DIR, HTML_KEYS_FILE, previousHtmlReader, stageContent, STAGING_DIR } from '../lib/content/staging';
import { listFiles, listSourceFiles } from '../lib/build/files';
import { checkLinks } from '../lib/content/link-check';
import { CONTENT_ASSETS_PATH } from '../lib/markdown/images';
import { buildPostIndex, type PostIndex } from '../lib/site/post-index';
import type { BodyFacts, BodyFactsCache } from '../lib/content/post-fields';
import { byFileAndLine, formatProblem, isError, problem, type Problem } from '../lib/build/problems';
import { publishOptions, readGeneratedPosts } from '../lib/site/publish-options';
import { buildRedirects } from '../lib/export/redirects';
import { exportPaths, pathConflict } from '../lib/site/export-paths';
import { siteConfig } from '../site.config';

const mode = process.argv.includes('--check') ? 'check' : process.argv.includes('--watch') ? 'watch' : 'build';
const contentDir = path.resolve(siteConfig.contentDir);

// Parsing bodies is most of the step's time; their facts are kept between runs, by the one cache key
// (lib/build/cache-key.ts: the body and the code that reads it), so a change of that code reads them again.
const CACHE_FILE = '.content/body-facts.json';
function readCache(): BodyFactsCache {
  try {
    const saved = JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as { facts: [string, BodyFacts][] };
    return new Map(saved.facts);
  } catch {
    return new Map();
  }
}
function writeCache(current: ContentSource, cache: BodyFactsCache): void {
  // Only the facts of today's posts are kept, so the file does not grow forever.
  const used = new Set(current.posts.map((post) => post.factsKey));
  mkdirSync(path.dirname(CACHE_FILE), { recursive: true });
  writeFileSync(CACHE_FILE, JSON.stringify({ facts: [...cache].filter(([key]) => used.has(key)) }));
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

/** The post index of what would be published, or the problem that stops it (two posts with one slug…). */
function indexOf(posts: ContentSource['posts']): PostIndex | Problem {
  try {
    return buildPostIndex(
      posts.map((post) => ({ ...post.fields, title: post.frontMatter.title, html: '' })),
      publishOptions,
    );
  } catch (error) {
    if (error instanceof ContentError) return problemAt(error, posts);
    throw error;
  }
}

/**
 * Rules across posts: one slug per post; every internal link and image of every published post; every
 * permalink a path of its own, never one the export already has (a page, a feed, a file of public/, the
 * framework's, search's or the assets' folders).
 */
function crossPostProblems({ posts }: ContentSource): Problem[] {
  if (posts.length === 0) return [];
  const index = indexOf(posts);
  if (!('posts' in index)) return [index];
  const paths = exportPaths(index, siteConfig.postsPerPage, listFiles('public'));
  const bySourcePath = new Map(posts.map((post) => [post.sourcePath, post]));
  const problems = checkLinks(
    index.posts.map((summary) => {
      const post = bySourcePath.get(summary.sourcePath)!;
      return { sourcePath: post.sourcePath, relativePath: post.relativePath, url: summary.url, lineOffset: post.bodyLineOffset, links: post.links, anchors: post.anchors };
    }),
    { pages: paths.pages, publicDir: 'public', contentDir, basePath: siteConfig.basePath },
  );
  try {
    const redirects = buildRedirects(
      index.posts.map((summary) => {
        const post = bySourcePath.get(summary.sourcePath)!;
        return { url: summary.url, sourcePath: summary.sourcePath, slug: summary.slug, day: summary.date.day, categoryNames: post.fields.categoryRefs.map((ref) => ref.name), permalink: post.frontMatter.permalink };
      }),
      { jekyllRedirects: siteConfig.jekyllRedirects },
    );
    for (const redirect of redirects) {
      const conflict = pathConflict(redirect.from, paths);
      if (!conflict) continue;
      const post = bySourcePath.get(redirect.sourcePath)!;
      const field = post.frontMatter.permalink?.trim() === redirect.from ? 'permalink' : 'categories';
      const what = field === 'permalink' ? `"${redirect.from}"` : `Jekyll's old URL "${redirect.from}", made from the categories,`;
      problems.push(problemAt(new ContentError(redirect.sourcePath, field, `${what} ${conflict}; choose another`), posts));
    }
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    problems.push(problemAt(error, posts));
  }
  return problems;
}

/**
 * The files of the content folder that published posts link to, and those the site config lists
 * (`contentAssets`): the only ones mirrored into the site.
 */
function publishedAssets({ posts }: ContentSource): string[] {
  const index = indexOf(posts);
  if (!('posts' in index)) return [];
  const published = new Set(index.posts.map((summary) => summary.sourcePath));
  // The listing leaves out dot files and folders, and links that lead out of the folder.
  const files = listSourceFiles(contentDir).files;
  const known = new Set(files);
  const linked = referencedAssets(
    posts.filter((post) => published.has(post.sourcePath)),
    (relative) => known.has(relative),
  );
  return [...new Set([...linked, ...listedAssets(siteConfig.contentAssets, files).assets])].sort();
}

/** A `contentAssets` entry that names no file is a typo worth a line. */
function listedAssetProblems(): Problem[] {
  const { unmatched } = listedAssets(siteConfig.contentAssets, listSourceFiles(contentDir).files);
  if (unmatched.length === 0) return [];
  const line = readFileSync('site.config.ts', 'utf8').split('\n').findIndex((text) => /^\s*contentAssets:/.test(text)) + 1;
  return unmatched.map((entry) => problem('site.config.ts', Math.max(line, 1), 'contentAssets', `"${entry}" names no file of ${siteConfig.contentDir} (dot files are never published)`, 'warning'));
}

function report(problems: Problem[]): void {
  const sorted = [...problems].sort(byFileAndLine);
  for (const found of sorted) console.error(formatProblem(found));
  const errors = problems.filter(isError).length;
  const warnings = problems.length - errors;
  if (problems.length > 0) {
    const counts = [errors && `${errors} problem${errors === 1 ? '' : 's'}`, warnings && `${warnings} warning${warnings === 1 ? '' : 's'}`].filter(Boolean);
    console.error(`\n${counts.join(' and ')} in ${siteConfig.contentDir}`);
  }
}

/**
 * A content folder the build writes into, or that holds the project's output, would lose posts or publish the
 * build's own files: refused before anything runs.
 */
function contentDirProblem(): string | null {
  const real = (dir: string) => (existsSync(dir) ? realpathSync(dir) : path.resolve(dir));
  const content = real(contentDir);
  const overlaps = (a: string, b: string) => a === b || a.startsWith(b + path.sep) || b.startsWith(a + path.sep);
  for (const written of [path.join('public', CONTENT_ASSETS_PATH), 'out', '.content', '.contentlayer', '.cache', '.next', 'node_modules']) {
    if (overlaps(content, real(written))) return `${siteConfig.contentDir}: CONTENT_DIR overlaps ${written}/, which the build writes or owns; keep posts in a folder of their own`;
  }
  if (content === real('.')) return `${siteConfig.contentDir}: CONTENT_DIR is the project itself; keep posts in a folder of their own (content/posts)`;
  return null;
}

if (!existsSync(contentDir)) {
  console.error(`${siteConfig.contentDir}: folder not found; set CONTENT_DIR to your posts`);
  process.exit(1);
}
const refused = contentDirProblem();
if (refused) {
  console.error(refused);
  process.exit(1);
}

const started = performance.now();
const source = await load();
writeCache(source, cache);
const problems = [...source.problems, ...crossPostProblems(source), ...listedAssetProblems()];
if (source.posts.length === 0 && source.problems.length === 0) problems.push(problem(siteConfig.contentDir, 1, 'posts', 'no posts found; add a .md file or set CONTENT_DIR'));
const failed = (found: Problem[]) => found.some(isError);
const summary = () => {
  const drafts = source.posts.filter((post) => post.fields.isDraft).length;
  return `${source.posts.length} posts (${source.posts.length - drafts} published) in ${siteConfig.contentDir}, checked in ${((performance.now() - started) / 1000).toFixed(1)} s`;
};
const assetsTarget = path.join('public', CONTENT_ASSETS_PATH);

if (mode === 'check') {
  report(problems);
  if (failed(problems)) process.exitCode = 1;
  else console.log(`Content OK: ${summary()}`);
} else if (mode === 'watch') {
  const stage = (current: ContentSource, currentProblems: Problem[]) => {
    const staged = stageContent(current.posts, STAGING_DIR, HTML_DIR, HTML_KEYS_FILE);
    report([...currentProblems, ...staged.problems]);
    syncContentAssets(contentDir, assetsTarget, publishedAssets(current));
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
  if (failed(problems)) process.exit(1);
  console.log(`Content OK: ${summary()}; staged ${staged.written} changed files`);
  const assets = syncContentAssets(contentDir, assetsTarget, publishedAssets(source));
  if (!process.argv.includes('--stage')) {
    const contentlayer = spawnSync(process.execPath, [path.join('scripts', 'contentlayer.mjs'), 'build'], { stdio: 'inherit' });
    if (contentlayer.status !== 0) process.exit(contentlayer.status ?? 1);
    // contentlayer must have read every staged post: none may go missing between the check and the pages.
    const generated = readGeneratedPosts();
    const generatedFiles = new Set(generated.map((doc) => doc.sourcePath));
    const missing = source.posts.filter((post) => !generatedFiles.has(post.sourcePath));
    if (missing.length > 0) {
      report(missing.map((post) => problem(post.sourcePath, 1, 'file', 'checked but not generated by contentlayer')));
      process.exit(1);
    }
    console.log(`Generated ${generated.length} posts; ${assets} asset files`);
  }
}
