/**
 * The step between contentlayer and `next build`. First, rules across posts that contentlayer cannot check one file at a time (two
 * posts with one slug, empty titles, files it did not read), run over the
 * generated data before `next build`, so a problem stops the build with one
 * clear line per problem instead of a prerender stack trace. Then it mirrors
 * the files beside the posts (images) into public/content-assets/.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CONTENT_ASSETS_PATH } from '../lib/markdown/images';
import { syncContentAssets } from '../lib/content-assets';
import { FEED_FILES } from '../lib/feed-files';
import { checkLinks, type CheckedPost } from '../lib/link-check';
import type { PostLink } from '../lib/markdown/links';
import { pageCount, pagePath } from '../lib/pagination';
import { buildPostIndex, type PostIndex, type SourcePost } from '../lib/post-index';
import { publishOptions } from '../lib/publish-options';
import { archivePath, categoriesPath, homePath, postShareImagePath, searchPath } from '../lib/urls';
import { siteConfig } from '../site.config';

type GeneratedPost = SourcePost & { linkCheck?: { links: PostLink[]; anchors: string[] } };

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

/** The line of the closing `---` of a post's front matter: body line n is file line (this + n). */
function frontMatterEndLine(file: string): number {
  const lines = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  const closing = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
  return closing < 0 ? 0 : closing + 1;
}

const contentDir = path.resolve(siteConfig.contentDir);
const generated = path.resolve('.contentlayer/generated/Post/_index.json');
const sources = JSON.parse(readFileSync(generated, 'utf8')) as GeneratedPost[];
const problems: string[] = [];

// No post is skipped silently: every post-like file on disk must have been read.
const POST_LIKE = /\.(md|markdown|mdown|mkd|mdx|html)$/i;
const readFiles = new Set(sources.map((source) => path.resolve(source.sourcePath)));
for (const entry of readdirSync(contentDir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !POST_LIKE.test(entry.name)) continue;
  const file = path.join(entry.parentPath, entry.name);
  if (!readFiles.has(file)) {
    problems.push(
      `${path.relative(process.cwd(), file)}: file: only Markdown posts ending in .md or .markdown are read; rename it or move it out of ${siteConfig.contentDir}`,
    );
  }
}

if (sources.length === 0) problems.push(`${siteConfig.contentDir}: no posts found; add a .md file or set CONTENT_DIR`);

try {
  // Building the index checks every post (drafts and future ones too) for slugs and titles;
  // links are checked in the posts this build publishes, against the pages it writes.
  const index = buildPostIndex(sources, publishOptions);
  const bySlug = new Map(sources.map((source) => [source.postSlug, source]));
  const checked: CheckedPost[] = index.posts.map((post) => {
    const source = bySlug.get(post.slug)!;
    return {
      sourcePath: post.sourcePath,
      relativePath: path.relative(contentDir, path.resolve(post.sourcePath)).split(path.sep).join('/'),
      url: post.url,
      lineOffset: frontMatterEndLine(post.sourcePath),
      links: source.linkCheck?.links ?? [],
      anchors: source.linkCheck?.anchors ?? [],
    };
  });
  const isFile = (file: string) => existsSync(file) && statSync(file).isFile();
  problems.push(
    ...checkLinks(checked, {
      pages: sitePages(index),
      publicFile: (urlPath) => isFile(path.join('public', urlPath)),
      contentFile: (relativePath) => isFile(path.join(contentDir, relativePath)),
    }),
  );
} catch (error) {
  problems.push((error as Error).message);
}

if (problems.length > 0) {
  for (const problem of problems) console.error(`Content error: ${problem}`);
  process.exit(1);
}
const drafts = sources.filter((source) => source.isDraft).length;
const assets = syncContentAssets(contentDir, path.join('public', CONTENT_ASSETS_PATH));
console.log(
  `Content OK: ${sources.length} posts (${sources.length - drafts} published), ${assets} asset files, in ${siteConfig.contentDir}`,
);
