/**
 * Every folder and file the build generates, named once. All of them are ignored by git (.gitignore lists
 * the folders) and may be deleted at any time: `rm -rf out .cache .content .contentlayer .next` forces a
 * full build. Plain JavaScript, so the plain Node scripts (bench, dev) read it as the TypeScript does.
 */

/** The export: what a static host serves. */
export const OUT_DIR = 'out';
/** Where the export steps work, moved back to OUT_DIR only when all succeeded. */
export const EXPORT_IN_PROGRESS_DIR = '.cache/export-in-progress';
/** The last `next build`'s export, its key, and the nonce its body markers carry. */
export const NEXT_EXPORT_CACHE_DIR = '.cache/next-export';
export const BODY_NONCE_FILE = '.cache/next-export/body-nonce';
/** Share images by their cache key. */
export const SHARE_IMAGE_CACHE_DIR = '.cache/share-images';
/** The widths and formats of posts' images by their cache key (lib/export/image-variants.ts). */
export const IMAGE_VARIANT_CACHE_DIR = '.cache/image-variants';
/** Mermaid diagrams drawn to SVG, by source (lib/content/diagrams.ts). */
export const DIAGRAM_CACHE_DIR = '.cache/diagrams';
/** The content step's output: one document per post (contentlayer reads them), each body's HTML, their keys. */
export const STAGING_DIR = '.content/posts';
/** The markdown pages (the site's own and a Jekyll site's), one document each (with its HTML), for contentlayer too. */
export const PAGES_STAGING_DIR = '.content/pages';
/** The author profiles (lib/content/authors.ts), one document each, for contentlayer too. */
export const AUTHORS_STAGING_DIR = '.content/authors';
/** The folder contentlayer reads: the posts' and pages' documents are in it. */
export const CONTENTLAYER_SOURCE_DIR = '.content';
export const HTML_DIR = '.content/html';
export const HTML_KEYS_FILE = '.content/html-keys.json';
/** A Jekyll site's static files, copied into the export at their paths: `{ root, files }`. */
export const STATIC_FILES_FILE = '.content/static-files.json';
/** Posts and pages that moved (`redirect_to`), for the export step that writes their redirects. */
export const MOVED_FILE = '.content/moved.json';
/** Body facts kept between runs. */
export const FACTS_CACHE_FILE = '.content/body-facts.json';
/** contentlayer's typed data, which the pages import (as `contentlayer/generated`). */
export const GENERATED_DIR = '.contentlayer/generated';
export const GENERATED_POSTS_FILE = '.contentlayer/generated/Post/_index.json';
export const GENERATED_PAGES_FILE = '.contentlayer/generated/Page/_index.json';
export const GENERATED_AUTHORS_FILE = '.contentlayer/generated/Author/_index.json';
/**
 * The key of the documents the content step staged and of contentlayer's config (written by the content step),
 * and the key GENERATED_DIR was made from (written by scripts/contentlayer.mjs): equal, contentlayer is skipped.
 */
export const STAGED_KEY_FILE = '.content/contentlayer-key';
export const CONTENTLAYER_KEY_FILE = '.cache/contentlayer-key';
/** The files of the content folder that posts link to, served at /content-assets/. */
export const CONTENT_ASSETS_DIR = 'public/content-assets';

/** Every folder the build writes. */
export const GENERATED_DIRS = [
  OUT_DIR,
  '.cache',
  '.content',
  '.contentlayer',
  '.next',
  CONTENT_ASSETS_DIR,
];
