/**
 * Images in posts: lazy-loaded and decoded off the main thread, and an image
 * path relative to the post (`./diagram.png`, `img/a.png`) pointed at its copy
 * under /content-assets/, which scripts/check-content.ts mirrors from the
 * content folder into public/.
 */
import path from 'node:path';
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';

export const CONTENT_ASSETS_PATH = '/content-assets';

const isRelative = (src: string) => !/^([a-z][a-z0-9+.-]*:|\/|#|data:)/i.test(src);

/** The public URL of an image written relative to a post file (both relative to the content folder). */
export function contentAssetUrl(postFilePath: string, src: string): string {
  const [file = '', suffix = ''] = src.split(/(?=[?#])/);
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(postFilePath.replaceAll('\\', '/')), file));
  return `${CONTENT_ASSETS_PATH}/${resolved.replace(/^(\.\.\/)+/, '')}${suffix}`;
}

function visitImages(node: Root | Element, postFilePath: string | undefined): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'img') {
      const src = String(child.properties.src ?? '');
      if (postFilePath && src && isRelative(src)) child.properties.src = contentAssetUrl(postFilePath, src);
      child.properties.loading ??= 'lazy';
      child.properties.decoding ??= 'async';
    }
    visitImages(child, postFilePath);
  }
}

/** rehype plugin; reads the post's path from the file data contentlayer attaches. */
export function rehypeImages() {
  return (tree: Root, file: VFile) => {
    const raw = file.data.rawDocumentData as { sourceFilePath?: string } | undefined;
    visitImages(tree, raw?.sourceFilePath);
  };
}
