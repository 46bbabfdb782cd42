/**
 * Files beside the posts (images, diagrams, PDFs) that published posts link to are mirrored into
 * public/content-assets/, where `next dev` and the export serve them; image paths relative to a post are
 * rewritten to that folder (lib/markdown/images.ts). Nothing else of the content folder is published: not a
 * dot file or folder (never listed), not a backup, not an image only a draft uses.
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { PostLink } from '../markdown/links';
import { pathInside } from '../build/safe-path';
import { POST_FILE } from './rules';

const EXTERNAL = /^([a-z][a-z0-9+.-]*:|\/\/|\/|#)/i;

/**
 * The files (relative to the content folder) that these posts link to or show with a relative URL, that
 * exist and stay inside the folder, in no dot folder.
 */
export function referencedAssets(
  posts: readonly { relativePath: string; links: PostLink[] }[],
  isFile: (relative: string) => boolean,
): string[] {
  const assets = new Set<string>();
  for (const post of posts) {
    for (const { url } of post.links) {
      if (!url || EXTERNAL.test(url)) continue;
      let file: string;
      try {
        file = decodeURI(url.split(/[?#]/)[0] ?? '');
      } catch {
        continue;
      }
      const relative = path.posix.normalize(
        path.posix.join(path.posix.dirname(post.relativePath), file),
      );
      if (!relative || relative.startsWith('../') || relative === '..' || POST_FILE.test(relative))
        continue;
      if (relative.split('/').some((part) => part.startsWith('.'))) continue;
      if (isFile(relative)) assets.add(relative);
    }
  }
  return [...assets].sort();
}

/** The files of `files` that the site's `contentAssets` list names, by path or by folder. */
export function listedAssets(
  listed: readonly string[],
  files: readonly string[],
): { assets: string[]; unmatched: string[] } {
  const assets = new Set<string>();
  const unmatched: string[] = [];
  for (const entry of listed) {
    const wanted = entry.replace(/^\.?\/+/, '').replace(/\/+$/, '');
    const matches = files.filter(
      (file) => wanted === '' || file === wanted || file.startsWith(`${wanted}/`),
    );
    if (matches.length === 0) unmatched.push(entry);
    for (const file of matches) if (!POST_FILE.test(file)) assets.add(file);
  }
  return { assets: [...assets].sort(), unmatched };
}

/** Replaces `targetDir` with a copy of `files` (relative to `contentDir`); returns how many were copied. */
export function syncContentAssets(
  contentDir: string,
  targetDir: string,
  files: readonly string[],
): number {
  rmSync(targetDir, { recursive: true, force: true });
  for (const relative of files) {
    const target = pathInside(targetDir, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(pathInside(contentDir, relative), target);
  }
  return files.length;
}
