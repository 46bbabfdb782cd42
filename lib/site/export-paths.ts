/**
 * Every path the export will hold, known before `next build`: the pages and generated files of the site
 * (from the post index and the URL contract), the files of public/, and the folders that the framework,
 * the search index and the mirrored assets own. The content check tests links and permalinks against it,
 * so a permalink can never take over a path the build writes.
 */
import { FEED_FILES } from './feed-files';
import { IMAGE_VARIANTS_PATH } from '../markdown/image-variant-names';
import { CONTENT_ASSETS_PATH } from '../markdown/images';
import { pageCount, pagePath } from './pagination';
import type { PostIndex } from './post-index';
import { redirectFile } from '../export/redirects';
import {
  archivePath,
  authorsPath,
  categoriesPath,
  homePath,
  mathStylesheetPath,
  postShareImagePath,
  searchPath,
  sitemapPath,
  tagsPath,
} from './urls';

/** Folders of the export that one tool writes whole: no permalink may lead into them. */
export const RESERVED_FOLDERS = [
  '/_next/',
  '/_not-found/',
  '/404/',
  '/pagefind/',
  `${CONTENT_ASSETS_PATH}/`,
  `${IMAGE_VARIANTS_PATH}/`,
];

/** Files of the export that no route of ours names. */
const FIXED_FILES = [
  '/404.html',
  '/_redirects',
  sitemapPath(),
  '/robots.txt',
  '/share-image.png',
  '/icon.svg',
  mathStylesheetPath(),
  '/math/Temml.woff2',
];

export interface ExportPaths {
  /** Every URL of the site: pages (with their trailing slash) and generated files. */
  pages: Set<string>;
  /** Every file of the export those URLs and public/ give, as `/a/b/index.html`. */
  files: Set<string>;
}

export function exportPaths(
  index: PostIndex,
  postsPerPage: number,
  publicFiles: readonly string[],
): ExportPaths {
  const pages = new Set([
    homePath(),
    categoriesPath(),
    tagsPath(),
    ...(index.authors.length > 0 ? [authorsPath()] : []),
    archivePath(),
    searchPath(),
    ...FIXED_FILES,
  ]);
  const files = new Set<string>();
  const addListing = (listingPath: string, posts: number) => {
    for (let page = 1; page <= pageCount(posts, postsPerPage); page += 1)
      pages.add(pagePath(listingPath, page));
    // `page/1/` too: it exists and sends the reader to the listing's own URL.
    files.add(`${listingPath}page/1/index.html`);
    for (const { file } of Object.values(FEED_FILES)) pages.add(`${listingPath}${file}`);
  };
  addListing(homePath(), index.posts.length);
  for (const term of [...index.categories, ...index.tags, ...index.authors])
    addListing(term.url, term.posts.length);
  for (const post of index.posts) {
    pages.add(post.url);
    if (post.shareImage.drawn) pages.add(postShareImagePath(post.slug));
  }
  for (const page of pages) files.add(FIXED_FILES.includes(page) ? page : redirectFile(page));
  for (const file of publicFiles) files.add(`/${file}`);
  return { pages, files };
}

/** Why a redirect page at `from` would clash with the export, or null when its file is free. */
export function pathConflict(from: string, paths: ExportPaths): string | null {
  const file = redirectFile(from);
  const folder = RESERVED_FOLDERS.find((reserved) => file.startsWith(reserved));
  if (folder) return `is inside ${folder}, which the build writes`;
  const taken = [from, file].find((candidate) => paths.files.has(candidate));
  if (taken) return `is a path the site already has (${taken})`;
  // A file of the export where the redirect needs a folder: `/feed.xml/old.html`.
  const segments = file.split('/');
  for (let end = segments.length - 1; end > 1; end -= 1) {
    const ancestor = segments.slice(0, end).join('/');
    if (paths.files.has(ancestor))
      return `needs ${ancestor} to be a folder, but it is a file of the site`;
  }
  return null;
}
