/**
 * Images in posts: lazy-loaded and decoded off the main thread, with width and
 * height read from the file (so the page does not shift while they load), and
 * an image path relative to the post (`./diagram.png`, `img/a.png`) pointed at
 * its copy under /content-assets/, which the content step (scripts/content.ts) mirrors from
 * the content folder into public/. A missing file is the link check's to report.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { siteConfig } from '../../site.config';
import { pathInsideOrUndefined } from '../build/safe-path';
import { withoutBasePath } from './base-path';
import { resolveRelative } from './relative-urls';

export const CONTENT_ASSETS_PATH = '/content-assets';

const isRelative = (src: string) => !/^([a-z][a-z0-9+.-]*:|\/|#|data:)/i.test(src);

/** The public URL of an image written relative to a post file (both relative to the content folder). */
export function contentAssetUrl(postFilePath: string, src: string): string {
  const [file = '', suffix = ''] = src.split(/(?=[?#])/);
  const resolved = path.posix.normalize(
    path.posix.join(path.posix.dirname(postFilePath.replaceAll('\\', '/')), file),
  );
  return `${CONTENT_ASSETS_PATH}/${resolved.replace(/^(\.\.\/)+/, '')}${suffix}`;
}

/** Where an image's file is on disk: public/ for root-relative paths, the content folder for the rest. */
function imageFile(url: string): string | undefined {
  const [written = ''] = url.split(/[?#]/);
  const file = withoutBasePath(written, siteConfig.basePath);
  // Only ever a file of the site: `/../../etc/passwd` is no file of the build machine.
  try {
    if (file.startsWith(`${CONTENT_ASSETS_PATH}/`))
      return pathInsideOrUndefined(
        siteConfig.contentDir,
        decodeURI(file.slice(CONTENT_ASSETS_PATH.length + 1)),
      );
    if (file.startsWith('/') && !file.startsWith('//'))
      return pathInsideOrUndefined('public', decodeURI(file));
  } catch {
    // not a valid URL: no size
  }
  return undefined;
}

function intrinsicSize(url: string): { width: number; height: number } | undefined {
  const file = imageFile(url);
  if (!file) return undefined;
  try {
    const { width, height } = imageSize(readFileSync(file));
    return width && height ? { width, height } : undefined;
  } catch {
    return undefined;
  }
}

function visitImages(
  node: Root | Element,
  postFilePath: string | undefined,
  documentUrl: string | undefined,
): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'img') {
      const src = String(child.properties.src ?? '');
      // A Jekyll site's image is where its old URL put it (a static file of the site), not beside the file.
      if (documentUrl && src) child.properties.src = resolveRelative(src, documentUrl) ?? src;
      else if (postFilePath && src && isRelative(src))
        child.properties.src = contentAssetUrl(postFilePath, src);
      if (child.properties.width === undefined && child.properties.height === undefined) {
        const size = intrinsicSize(String(child.properties.src ?? ''));
        if (size) Object.assign(child.properties, size);
      }
      child.properties.loading ??= 'lazy';
      child.properties.decoding ??= 'async';
    }
    visitImages(child, postFilePath, documentUrl);
  }
}

/** rehype plugin; reads the post's path from the file data contentlayer attaches. */
export function rehypeImages() {
  return (tree: Root, file: VFile) => {
    const raw = file.data.rawDocumentData as
      { sourceFilePath?: string; documentUrl?: string } | undefined;
    visitImages(tree, raw?.sourceFilePath, raw?.documentUrl);
  };
}
