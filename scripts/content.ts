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
import {
  AUTHORS_STAGING_DIR,
  CONTENT_ASSETS_DIR,
  FACTS_CACHE_FILE,
  HTML_DIR,
  HTML_KEYS_FILE,
  MOVED_FILE,
  PAGES_STAGING_DIR,
  STAGING_DIR,
  STATIC_FILES_FILE,
} from '../lib/build/paths.mjs';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  byFileAndLine,
  formatProblem,
  isError,
  problem,
  type Problem,
} from '../lib/build/problems';
import { syncContentAssets } from '../lib/content/assets';
import {
  checkContent,
  contentDirProblem,
  type CheckOptions,
  type ContentCheck,
} from '../lib/content/check';
import { forgetStagedKey, writeStagedKey } from '../lib/content/contentlayer-key';
import { readFactsCache, writeFactsCache } from '../lib/content/facts-cache';
import type { BodyFactsCache } from '../lib/content/post-fields';
import { includesDirFor, loadContent, type ContentSource } from '../lib/content/source';
import { previousHtmlReader, stageAuthors, stageContent, stagePages } from '../lib/content/staging';
import { authorsFileBeside, configSource, profilesInUse } from '../lib/content/authors';
import { pluralize } from '../lib/site/format';
import { publishOptions, readGeneratedPosts } from '../lib/site/publish-options';
import { jekyllSite, siteConfig } from '../site.config';

const mode = process.argv.includes('--check')
  ? 'check'
  : process.argv.includes('--watch')
    ? 'watch'
    : 'build';
const contentDir = path.resolve(siteConfig.contentDir);

const cache = readFactsCache(FACTS_CACHE_FILE);
const writeCache = (current: ContentSource, facts: BodyFactsCache) =>
  writeFactsCache(FACTS_CACHE_FILE, facts, current.posts);

function load(): Promise<ContentSource> {
  return loadContent({
    cache,
    // `npm run check` needs no HTML; builds render only the posts whose body (or pipeline, or images) changed.
    html: mode === 'check' ? undefined : { previous: previousHtmlReader(HTML_DIR, HTML_KEYS_FILE) },
    contentDir,
    displayDir: siteConfig.contentDir,
    ...(siteConfig.pagesDir
      ? { pagesDir: { dir: path.resolve(siteConfig.pagesDir), displayDir: siteConfig.pagesDir } }
      : {}),
    ...(jekyllSite ? { jekyll: jekyllSite.config } : {}),
    authorProfiles: configSource(
      'site.config.ts',
      readFileSync('site.config.ts', 'utf8'),
      siteConfig.authors,
    ),
    jekyllRedirects: siteConfig.jekyllRedirects,
    excerptSeparator: siteConfig.excerptSeparator,
    dialect: siteConfig.markdown,
    liquid: {
      publicDir: 'public',
      baseUrl: siteConfig.baseUrl,
      basePath: siteConfig.basePath,
      environment: siteConfig.jekyllEnvironment,
      site: {
        title: siteConfig.title,
        description: siteConfig.description,
        author: siteConfig.author,
        lang: siteConfig.language,
        ...siteConfig.liquidVariables,
      },
    },
  });
}

function report(problems: Problem[]): void {
  const sorted = [...problems].sort(byFileAndLine);
  for (const found of sorted) console.error(formatProblem(found));
  const errors = problems.filter(isError).length;
  const warnings = problems.length - errors;
  if (problems.length > 0) {
    const counts = [
      errors && `${errors} problem${errors === 1 ? '' : 's'}`,
      warnings && `${warnings} warning${warnings === 1 ? '' : 's'}`,
    ].filter(Boolean);
    // The folder of posts when all are there; else how many files (pages, profiles, settings) they are in.
    const where = problems.every((found) => found.file.startsWith(siteConfig.contentDir))
      ? siteConfig.contentDir
      : pluralize(new Set(problems.map((found) => found.file)).size, 'file');
    console.error(`\n${counts.join(' and ')} in ${where}`);
  }
}

if (!existsSync(contentDir)) {
  console.error(`${siteConfig.contentDir}: folder not found; set CONTENT_DIR to your posts`);
  process.exit(1);
}
if (siteConfig.pagesDir && !existsSync(siteConfig.pagesDir)) {
  console.error(
    `${siteConfig.pagesDir}: folder not found; set PAGES_DIR to your pages, or unset it`,
  );
  process.exit(1);
}
const refused =
  contentDirProblem(contentDir, siteConfig.contentDir) ??
  (siteConfig.pagesDir && contentDirProblem(siteConfig.pagesDir, siteConfig.pagesDir, 'PAGES_DIR'));
if (refused) {
  console.error(refused);
  process.exit(1);
}

const started = performance.now();
const source = await load();
writeCache(source, cache);
const checkOptions: CheckOptions = {
  contentDir,
  displayDir: siteConfig.contentDir,
  publicDir: 'public',
  publish: publishOptions,
  postsPerPage: siteConfig.postsPerPage,
  basePath: siteConfig.basePath,
  origin: siteConfig.baseUrl,
  contentAssets: siteConfig.contentAssets,
};
const checked = checkContent(source, checkOptions);
const problems = [...(jekyllSite?.problems ?? []), ...source.problems, ...checked.problems];
const failed = (found: Problem[]) => found.some(isError);
const postCounts = () => {
  const drafts = source.posts.filter((post) => post.fields.isDraft).length;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const site = source.jekyllFiles;
  if (!site)
    return `${source.posts.length} posts (${source.posts.length - drafts} published) in ${siteConfig.contentDir}${siteConfig.pagesDir ? ` and ${source.pages?.length ?? 0} pages in ${siteConfig.pagesDir}` : ''}, checked in ${seconds} s`;
  // A Jekyll site: what comes over and what does not, in one line.
  const notCarried = [
    source.pagesNotCarried?.length &&
      `${source.pagesNotCarried.length} markdown pages where this site has its own (the home page…)`,
    site.themePages.length &&
      `${site.themePages.length} HTML pages built by the old theme's layouts`,
    site.skippedPosts.length &&
      `${site.skippedPosts.length} files of _posts/_drafts that are not markdown posts`,
  ].filter(Boolean);
  return `${source.posts.length - drafts} posts, ${drafts} drafts, ${source.pages?.length ?? 0} pages, ${site.staticFiles.length} static files and ${checked.redirects.size} old URLs redirected${checked.moved.length ? ` (${checked.moved.length} posts and pages moved elsewhere by redirect_to)` : ''} from the Jekyll site ${siteConfig.contentDir}; not carried over: ${notCarried.length ? notCarried.join(', ') : 'nothing'}; checked in ${seconds} s`;
};
const assetsTarget = CONTENT_ASSETS_DIR;
/** The documents besides posts: the markdown pages and the author profiles. */
const stageSiteDocuments = (current: ContentSource) => {
  stagePages(current.pages ?? [], PAGES_STAGING_DIR);
  stageAuthors(
    profilesInUse(
      current.authors,
      current.posts.flatMap((post) => post.fields.authorRefs.map((ref) => ref.slug)),
      siteConfig.author.name,
    ),
    AUTHORS_STAGING_DIR,
  );
};

if (mode === 'check') {
  report(problems);
  if (failed(problems)) process.exitCode = 1;
  else console.log(`Content OK: ${postCounts()}`);
} else if (mode === 'watch') {
  const stage = (current: ContentSource, currentCheck: ContentCheck) => {
    // contentlayer dev reads what is staged here; no key says what build would read.
    forgetStagedKey();
    const staged = stageContent(current.posts, STAGING_DIR, HTML_DIR, HTML_KEYS_FILE);
    stageSiteDocuments(current);
    report([...current.problems, ...currentCheck.problems, ...staged.problems]);
    syncContentAssets(contentDir, assetsTarget, currentCheck.assets);
  };
  stage(source, checked);
  let timer: NodeJS.Timeout | undefined;
  const restage = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const next = await load();
      writeCache(next, cache);
      stage(next, checkContent(next, checkOptions));
    }, 100);
  };
  watch(contentDir, { recursive: true }, restage);
  const includesDir = includesDirFor(contentDir);
  if (existsSync(includesDir)) watch(includesDir, { recursive: true }, restage);
  if (siteConfig.pagesDir) watch(siteConfig.pagesDir, { recursive: true }, restage);
  // Author profiles beside a folder of posts (a Jekyll root's are inside it, watched already).
  const profiles = jekyllSite ? undefined : authorsFileBeside(contentDir);
  if (profiles) watch(path.dirname(profiles), restage);
} else {
  forgetStagedKey();
  const staged = stageContent(source.posts, STAGING_DIR, HTML_DIR, HTML_KEYS_FILE);
  stageSiteDocuments(source);
  // What contentlayer will read, keyed: scripts/contentlayer.mjs skips a build from the same documents.
  writeStagedKey();
  problems.push(...staged.problems);
  report(problems);
  if (failed(problems)) process.exit(1);
  console.log(`Content OK: ${postCounts()}; staged ${staged.written} changed files`);
  const assets = syncContentAssets(contentDir, assetsTarget, checked.assets);
  // A Jekyll site's static files, for the export step that copies them (lib/export/chain.ts).
  if (source.jekyllFiles)
    writeFileSync(
      STATIC_FILES_FILE,
      JSON.stringify({ root: contentDir, files: source.jekyllFiles.staticFiles }),
    );
  else rmSync(STATIC_FILES_FILE, { force: true });
  if (checked.moved.length > 0) writeFileSync(MOVED_FILE, JSON.stringify(checked.moved));
  else rmSync(MOVED_FILE, { force: true });
  if (!process.argv.includes('--stage')) {
    const contentlayer = spawnSync(
      process.execPath,
      [path.join('scripts', 'contentlayer.mjs'), 'build'],
      { stdio: 'inherit' },
    );
    if (contentlayer.status !== 0) process.exit(contentlayer.status ?? 1);
    // contentlayer must have read every staged post: none may go missing between the check and the pages.
    const generated = readGeneratedPosts();
    const generatedFiles = new Set(generated.map((doc) => doc.sourcePath));
    const missing = source.posts.filter((post) => !generatedFiles.has(post.sourcePath));
    if (missing.length > 0) {
      report(
        missing.map((post) =>
          problem(post.sourcePath, 1, 'file', 'checked but not generated by contentlayer'),
        ),
      );
      process.exit(1);
    }
    console.log(`Generated ${generated.length} posts; ${assets} asset files`);
  }
}
