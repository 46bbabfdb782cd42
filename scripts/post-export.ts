/**
 * Steps over the finished export in out/, after `next build`:
 * 1. redirect pages for old URLs (front-matter `permalink:`, and Jekyll's default
 *    permalinks when `jekyllRedirects` is on), as plain HTML files at those paths,
 *    and listed in out/_redirects (`from to 301` per line, the format Netlify and
 *    Cloudflare Pages read; the CloudFront function and nginx config read it too);
 * 2. pages as plain documents: Next's runtime and inline RSC payload removed (lib/export/framework-runtime.ts;
 *    scripts/next-export.ts already deleted the RSC payload files), and post bodies put where pages
 *    and feeds mark them (lib/export/post-bodies.ts);
 * 3. share images, one per post and one for the site (lib/export/share-image-cache.ts, cached);
 * 4. the Pagefind search index in out/pagefind/. Only post pages are indexed
 *    (they alone carry data-pagefind-body).
 *
 * The steps work on the export moved out of out/ (EXPORT_IN_PROGRESS) and move it back only when all of them
 * succeeded: a failed step leaves no out/ at all, never a half-finished one. Every file written from a path
 * that content chose goes through pathInside (lib/build/safe-path.ts).
 */
// First: a bad setting ends the command with its message, before site.config.ts throws while loading.
import '../lib/build/settings-check';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { writeCspHashes } from '../lib/export/csp';
import { loadPublishedIndex } from '../lib/site/publish-options';
import { buildRedirects, redirectFile, redirectHtml } from '../lib/export/redirects';
import { BODY_NONCE_FILE, EXPORT_IN_PROGRESS_DIR, OUT_DIR } from '../lib/build/paths.mjs';
import {
  postBodyHtml,
  spliceBodies,
  spliceFormat,
  type PostBodyHtml,
} from '../lib/export/post-bodies';
import { pathInside } from '../lib/build/safe-path';
import { RUNTIME_PAGES, withoutFrameworkRuntime } from '../lib/export/framework-runtime';
import { siteShareImages, writeShareImages } from '../lib/export/share-image-cache';
import { absoluteUrl, categoryPath, PLACEHOLDER_CATEGORY } from '../lib/site/urls';
import { siteConfig } from '../site.config';

const FINISHED = OUT_DIR;
/** Where the steps work: a cache folder, so a failure leaves no out/ behind. */
const OUT = EXPORT_IN_PROGRESS_DIR;

// The same publish rule as every page: no redirect or share image for a post that is not published.
const {
  sources,
  index: { posts, postBySlug },
} = loadPublishedIndex();
// A body is read once, though the page and several feeds (site and each category, three formats) ask for it.
const bodies = new Map<string, PostBodyHtml>();
function bodyOf(slug: string): PostBodyHtml | undefined {
  const post = postBySlug.get(slug);
  if (!post) return undefined;
  if (!bodies.has(slug)) bodies.set(slug, postBodyHtml(post));
  return bodies.get(slug);
}

function writeRedirects(): number {
  const permalinkBySlug = new Map(sources.map((source) => [source.postSlug, source.permalink]));
  const sourceBySlug = new Map(sources.map((source) => [source.postSlug, source]));
  const redirects = buildRedirects(
    posts.map((post) => ({
      url: post.url,
      sourcePath: post.sourcePath,
      slug: post.slug,
      day: post.date.day,
      categoryNames: sourceBySlug.get(post.slug)?.categoryRefs.map((ref) => ref.name) ?? [],
      permalink: permalinkBySlug.get(post.slug),
    })),
    { jekyllRedirects: siteConfig.jekyllRedirects },
  );
  const { basePath } = siteConfig;
  const manifest: string[] = [];
  for (const redirect of redirects) {
    const file = pathInside(OUT, redirectFile(redirect.from));
    if (existsSync(file)) {
      throw new Error(
        `${redirect.sourcePath}: permalink: "${redirect.from}" is already a page of the site (${path.relative(OUT, file)})`,
      );
    }
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(
      file,
      redirectHtml(
        `${basePath}${redirect.to}`,
        absoluteUrl(redirect.to),
        siteConfig.title,
        `${basePath}/icon.svg`,
      ),
    );
    manifest.push(
      `${encodeURI(`${basePath}${redirect.from}`)} ${encodeURI(`${basePath}${redirect.to}`)} 301`,
    );
  }
  writeFileSync(path.join(OUT, '_redirects'), manifest.length ? `${manifest.join('\n')}\n` : '');
  return redirects.length;
}

/**
 * Pages as plain documents (lib/export/framework-runtime.ts): Next's runtime removed; post bodies put into pages and
 * feeds (lib/export/post-bodies.ts).
 */
function finishPages(): { pages: number; bodies: number } {
  let pages = 0;
  let bodies = 0;
  for (const entry of readdirSync(OUT, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const relative = path.relative(OUT, file).split(path.sep).join('/');
    if (relative.startsWith('_next/')) continue;
    const format = spliceFormat(relative);
    if (!format) continue;
    const text = readFileSync(file, 'utf8');
    let finished = text;
    if (format === 'html' && !RUNTIME_PAGES.includes(relative)) {
      finished = withoutFrameworkRuntime(
        finished,
        siteConfig.basePath,
        path.join(FINISHED, relative),
      );
      if (finished !== text) pages += 1;
    }
    const withBodies = spliceBodies(finished, format, bodyOf, path.join(FINISHED, relative), nonce);
    if (withBodies !== finished) bodies += 1;
    if (withBodies !== text) writeFileSync(file, withBodies);
  }
  return { pages, bodies };
}

async function indexSearch(): Promise<number> {
  const { index, errors: createErrors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${createErrors.join('; ')}`);
  const { page_count: pages, errors } = await index.addDirectory({ path: OUT });
  if (errors.length > 0) throw new Error(`pagefind: ${errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: path.join(OUT, 'pagefind') });
  if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
  return pages;
}

/** A blog without categories still has the category routes' placeholder (lib/site/urls.ts): no page of the site. */
function removePlaceholderCategory(): void {
  rmSync(pathInside(OUT, categoryPath(PLACEHOLDER_CATEGORY)), { recursive: true, force: true });
}

const nonce = readFileSync(BODY_NONCE_FILE, 'utf8').trim();

if (!existsSync(path.join(FINISHED, 'index.html'))) {
  console.error(
    `Post-export error: ${FINISHED}/ holds no export; run next build first (npm run build)`,
  );
  process.exit(1);
}
rmSync(OUT, { recursive: true, force: true });
mkdirSync(path.dirname(OUT), { recursive: true });
renameSync(FINISHED, OUT);
try {
  let started = performance.now();
  removePlaceholderCategory();
  const redirects = writeRedirects();
  console.log(
    `Redirects: ${redirects} old URLs in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  started = performance.now();
  const finished = finishPages();
  console.log(
    `Plain pages: runtime removed from ${finished.pages} pages, bodies put into ${finished.bodies} files, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  started = performance.now();
  const shareImages = siteShareImages(posts, OUT).map((target) => ({
    ...target,
    file: pathInside(OUT, path.relative(OUT, target.file)),
  }));
  const drawn = await writeShareImages(shareImages);
  console.log(
    `Share images: ${posts.length + 1} written, ${drawn} drawn (the rest cached), in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  started = performance.now();
  const pages = await indexSearch();
  console.log(
    `Search index: ${pages} pages read in ${((performance.now() - started) / 1000).toFixed(1)} s, written to out/pagefind/`,
  );
  console.log(
    `CSP: ${writeCspHashes(OUT).length} inline script hashes in out/_csp-script-hashes.json (lib/export/csp.ts)`,
  );
  renameSync(OUT, FINISHED);
} catch (error) {
  rmSync(OUT, { recursive: true, force: true });
  console.error(`Post-export error: ${(error as Error).message}`);
  console.error(`No export was kept: ${FINISHED}/ is removed rather than left half-finished.`);
  process.exit(1);
}
