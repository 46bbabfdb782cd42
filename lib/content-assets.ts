/**
 * Files beside the posts (images, diagrams, PDFs) are mirrored into
 * public/content-assets/, where `next dev` and the export serve them; image
 * paths relative to a post are rewritten to that folder (lib/markdown/images.ts).
 */
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const ASSET = /\.(png|jpe?g|gif|webp|avif|svg|ico|mp4|webm|mp3|pdf|zip)$/i;

/** Replaces `targetDir` with a copy of every asset under `contentDir`; returns how many were copied. */
export function syncContentAssets(contentDir: string, targetDir: string): number {
  rmSync(targetDir, { recursive: true, force: true });
  let copied = 0;
  for (const entry of readdirSync(contentDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !ASSET.test(entry.name)) continue;
    const source = path.join(entry.parentPath, entry.name);
    const target = path.join(targetDir, path.relative(contentDir, source));
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(source, target);
    copied += 1;
  }
  return copied;
}
