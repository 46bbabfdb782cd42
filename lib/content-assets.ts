/**
 * Files beside the posts (images, diagrams, PDFs) are mirrored into
 * public/content-assets/, where `next dev` and the export serve them; image
 * paths relative to a post are rewritten to that folder (lib/markdown/images.ts).
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from './files';

const ASSET = /\.(png|jpe?g|gif|webp|avif|svg|ico|mp4|webm|mp3|pdf|zip)$/i;

/** Replaces `targetDir` with a copy of every asset under `contentDir`; returns how many were copied. */
export function syncContentAssets(contentDir: string, targetDir: string): number {
  rmSync(targetDir, { recursive: true, force: true });
  let copied = 0;
  for (const relative of listFiles(contentDir)) {
    if (!ASSET.test(relative)) continue;
    const target = path.join(targetDir, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(path.join(contentDir, relative), target);
    copied += 1;
  }
  return copied;
}
