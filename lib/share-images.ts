/**
 * Every share image of the export: one per published post and one for the
 * site, written by scripts/post-export.ts. An image is cached in
 * .cache/share-images/ by a hash of what it shows and of the drawing code, so
 * a rebuild draws only new or changed images; many images are drawn by one
 * worker process per core (scripts/share-image-worker.ts).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { renderShareImage, type ShareImageInput } from './share-image';

export const SHARE_IMAGE_CACHE = '.cache/share-images';

export interface ShareImageTarget extends ShareImageInput {
  /** Where the PNG goes. */
  file: string;
}

const drawingCode = () =>
  createHash('sha1').update(readFileSync(path.join(import.meta.dirname, 'share-image.tsx'))).digest('base64url');

/** Draws `targets` into their cache files (`[input, cacheFile]` pairs), in this process. */
export async function drawShareImages(jobs: [ShareImageInput, string][]): Promise<void> {
  for (const [input, cacheFile] of jobs) writeFileSync(cacheFile, await renderShareImage(input));
}

const IN_PROCESS_IMAGES = 16;

/** Writes every target, drawing only what the cache lacks; returns how many were drawn. */
export async function writeShareImages(targets: ShareImageTarget[], cacheDir = SHARE_IMAGE_CACHE): Promise<number> {
  mkdirSync(cacheDir, { recursive: true });
  const code = drawingCode();
  const withCache = targets.map((target) => {
    const { title, kicker, categories } = target;
    const key = createHash('sha1').update(JSON.stringify([code, title, kicker, categories])).digest('base64url');
    return { target, cacheFile: path.join(cacheDir, `${key}.png`) };
  });
  const missing = [...new Map(withCache.filter((item) => !existsSync(item.cacheFile)).map((item) => [item.cacheFile, item])).values()];
  const jobs = missing.map(({ target, cacheFile }): [ShareImageInput, string] => [{ title: target.title, kicker: target.kicker, categories: target.categories }, cacheFile]);

  const workers = Math.min(availableParallelism(), Math.ceil(jobs.length / IN_PROCESS_IMAGES));
  if (workers <= 1) await drawShareImages(jobs);
  else {
    const folder = mkdtempSync(path.join(tmpdir(), 'blog-share-images-'));
    try {
      await Promise.all(
        Array.from({ length: workers }, (_, part) => {
          const input = path.join(folder, `jobs-${part}.json`);
          writeFileSync(input, JSON.stringify(jobs.filter((_job, index) => index % workers === part)));
          return new Promise<void>((resolve, reject) => {
            const child = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', 'share-image-worker.ts'), input], { stdio: 'inherit' });
            child.on('error', reject);
            child.on('exit', (status) => (status === 0 ? resolve() : reject(new Error(`share image worker ${part} exited with ${status}`))));
          });
        }),
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
  for (const { target, cacheFile } of withCache) {
    mkdirSync(path.dirname(target.file), { recursive: true });
    copyFileSync(cacheFile, target.file);
  }
  return jobs.length;
}
