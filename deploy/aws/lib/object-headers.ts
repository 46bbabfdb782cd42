/**
 * Content-Type and Cache-Control of each file of the export, by path. The S3 upload
 * sets them as object metadata (S3 guesses neither well); deploy/nginx.conf states the
 * same rules, and e2e/nginx.spec.ts checks nginx against this module.
 */

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  txt: 'text/plain; charset=utf-8', // robots.txt and Next's RSC payloads, which the router fetches as text/plain
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  webmanifest: 'application/manifest+json; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
  woff: 'font/woff',
  wasm: 'application/wasm',
  pdf: 'application/pdf',
  mp4: 'video/mp4',
};
// Pagefind's index files (.pf_fragment, .pf_index, .pf_meta, .pagefind) are gzip data it unpacks itself.
const BINARY = 'application/octet-stream';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const SHORT = 'public, max-age=300';

export interface ObjectHeaders {
  contentType: string;
  cacheControl: string;
}

/** `key` is the path relative to the export root, e.g. `posts/x/index.html` (no leading slash, no base path). */
export function objectHeaders(key: string): ObjectHeaders {
  const name = key.slice(key.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  return {
    contentType: TYPES[extension] ?? BINARY,
    // Only Next's build output has content hashes in its names; every other file keeps its name across builds.
    cacheControl: key.startsWith('_next/static/') ? IMMUTABLE : SHORT,
  };
}

/** A page of the export: the CloudFront function serves `/x/` and `/x` from `x/index.html`. */
export const isHtml = (key: string) => key.toLowerCase().endsWith('.html');
