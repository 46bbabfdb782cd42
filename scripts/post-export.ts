/**
 * Steps over the finished export in out/, after `next build`:
 * 1. redirect pages for old URLs (front-matter `permalink:`, and Jekyll's default
 *    permalinks when `jekyllRedirects` is on), as plain HTML files at those paths,
 *    and listed in out/_redirects (`from to 301` per line, the format Netlify and
 *    Cloudflare Pages read; the CloudFront function and nginx config read it too);
 * 2. pages as plain documents: Next's runtime and inline RSC payload removed (lib/static-pages.ts;
 *    scripts/next-export.ts already deleted the RSC payload files), and post bodies put where pages
 *    and feeds mark them (lib/post-bodies.ts);
 * 3. share images, one per post and one for the site (lib/share-images.ts, cached);
 * 4. the Pagefind search index in out/pagefind/. Only post pages are indexed
 *    (they alone carry data-pagefind-body).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { buildPostIndex } from '../lib/post-index';
import { publishOptions, readGeneratedPosts } from '../lib/publish-options';
import { buildRedirects, redirectFile, redirectHtml } from '../lib/redirects';
import { postBody, spliceBodies, spliceFormat, type PostBody } from '../lib/post-bodies';
import { readStagedHtml } from '../lib/content-staging';
import { RUNTIME_PAGES, withoutFrameworkRuntime } from '../lib/static-pages';
import { siteShareImages, writeShareImages } from '../lib/share-images';
import { absoluteUrl } from '../lib/urls';
import { siteConfig } from '../site.config';

const OUT = 'out';

const sources = readGeneratedPosts();
// The same publish rule as every page: no redirect or share image for a post that is not published.
const { posts, postBySlug } = buildPostIndex(sources, { ...publishOptions, readHtml: readStagedHtml });

// A body is read once, though the page and several feeds (site and each category, three formats) ask for it.
const bodies = new Map<string, PostBody>();
function bodyOf(slug: string): PostBody | undefined {
  const post = postBySlug.get(slug);
  if (!post) return undefined;
  if (!bodies.has(slug)) bodies.set(slug, postBody(post));
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
    const file = path.join(OUT, redirectFile(redirect.from));
    if (existsSync(file)) {
      throw new Error(`${redirect.sourcePath}: permalink: "${redirect.from}" is already a page of the site (${file})`);
    }
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, redirectHtml(`${basePath}${redirect.to}`, absoluteUrl(redirect.to), siteConfig.title, `${basePath}/icon.svg`));
    manifest.push(`${encodeURI(`${basePath}${redirect.from}`)} ${encodeURI(`${basePath}${redirect.to}`)} 301`);
  }
  writeFileSync(path.join(OUT, '_redirects'), manifest.length ? `${manifest.join('\n')}\n` : '');
  return redirects.length;
}

/**
 * Pages as plain documents (lib/static-pages.ts): Next's runtime removed; post bodies put into pages and
 * feeds (lib/post-bodies.ts).
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
      finished = withoutFrameworkRuntime(finished, siteConfig.basePath, file);
      if (finished !== text) pages += 1;
    }
    const withBodies = spliceBodies(finished, format, bodyOf, file);
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

try {
  let started = performance.now();
  const redirects = writeRedirects();
  console.log(`Redirects: ${redirects} old URLs in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  started = performance.now();
  const finished = finishPages();
  console.log(`Plain pages: runtime removed from ${finished.pages} pages, bodies put into ${finished.bodies} files, in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  started = performance.now();
  const drawn = await writeShareImages(siteShareImages(posts, OUT));
  console.log(`Share images: ${posts.length + 1} written, ${drawn} drawn (the rest cached), in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  started = performance.now();
  const pages = await indexSearch();
  console.log(`Search index: ${pages} pages read in ${((performance.now() - started) / 1000).toFixed(1)} s, written to out/pagefind/`);
} catch (error) {
  console.error(`Post-export error: ${(error as Error).message}`);
  process.exit(1);
}
