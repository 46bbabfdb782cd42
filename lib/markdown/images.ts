/**
 * Images in posts: lazy-loaded and decoded off the main thread, with width and
 * height read from the file (so the page does not shift while they load), and
 * an image path relative to the post (`./diagram.png`, `img/a.png`) pointed at
 * its copy under /content-assets/, which the content step (scripts/content.ts) mirrors from
 * the content folder into public/. A missing file is the link check's to report.
 * A local raster image (PNG, JPEG, WebP) is offered in a few widths as AVIF and WebP in a `<picture>`, the
 * original as the fallback; the export step makes the files (lib/export/image-variants.ts). A post's first
 * image is loaded at once, with high priority: it is likely in the first screen.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { siteConfig } from '../../site.config';
import { pathInsideOrUndefined } from '../build/safe-path';
import { withoutBasePath } from './base-path';
import { VARIANT_FORMATS, variantUrl, variantWidths } from './image-variant-names';
import { resolveRelative } from './relative-urls';

export const CONTENT_ASSETS_PATH = '/content-assets';
/** How wide an image shows: the text column (45rem) beside, the screen on a phone. */
const COLUMN_SIZES = '(min-width: 48rem) 45rem, 100vw';
const RASTER = /\.(png|jpe?g|webp)$/i;

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

/** The image's size, and for a raster image the hash its variants are named by. */
function imageFacts(url: string): { width: number; height: number; hash?: string } | undefined {
  const file = imageFile(url);
  if (!file) return undefined;
  try {
    const bytes = readFileSync(file);
    const { width, height } = imageSize(bytes);
    if (!width || !height) return undefined;
    const raster = RASTER.test(url.split(/[?#]/)[0] ?? '');
    return raster
      ? { width, height, hash: createHash('sha256').update(bytes).digest('hex').slice(0, 16) }
      : { width, height };
  } catch {
    return undefined;
  }
}

/** `<picture>` around an image: an AVIF and a WebP source in each width, the image itself as the fallback. */
function pictureOf(image: Element, hash: string, width: number): Element {
  const widths = variantWidths(width);
  return {
    type: 'element',
    tagName: 'picture',
    properties: {},
    children: [
      ...VARIANT_FORMATS.map((format): Element => ({
        type: 'element',
        tagName: 'source',
        properties: {
          type: `image/${format}`,
          srcSet: widths.map((each) => `${variantUrl(hash, each, format)} ${each}w`).join(', '),
          sizes: COLUMN_SIZES,
        },
        children: [],
      })),
      image,
    ],
  };
}

function visitImages(
  node: Root | Element,
  postFilePath: string | undefined,
  documentUrl: string | undefined,
  seen: { images: number },
): void {
  node.children.forEach((child, index) => {
    if (child.type !== 'element') return;
    if (child.tagName === 'img') {
      const src = String(child.properties.src ?? '');
      // A Jekyll site's image is where its old URL put it (a static file of the site), not beside the file.
      if (documentUrl && src) child.properties.src = resolveRelative(src, documentUrl) ?? src;
      else if (postFilePath && src && isRelative(src))
        child.properties.src = contentAssetUrl(postFilePath, src);
      const facts = imageFacts(String(child.properties.src ?? ''));
      if (facts && child.properties.width === undefined && child.properties.height === undefined)
        Object.assign(child.properties, { width: facts.width, height: facts.height });
      // The first image is likely in the first screen: fetched at once, first.
      if ((seen.images += 1) === 1) {
        child.properties.loading ??= 'eager';
        child.properties.fetchPriority ??= 'high';
      } else child.properties.loading ??= 'lazy';
      child.properties.decoding ??= 'async';
      if (facts?.hash && node.type === 'element' && node.tagName === 'picture') return;
      if (facts?.hash) node.children[index] = pictureOf(child, facts.hash, facts.width);
      return;
    }
    visitImages(child, postFilePath, documentUrl, seen);
  });
}

/** rehype plugin; reads the post's path from the file data contentlayer attaches. */
export function rehypeImages() {
  return (tree: Root, file: VFile) => {
    const raw = file.data.rawDocumentData as
      { sourceFilePath?: string; documentUrl?: string } | undefined;
    visitImages(tree, raw?.sourceFilePath, raw?.documentUrl, { images: 0 });
  };
}
