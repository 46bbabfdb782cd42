/**
 * Every share image of the export: one per published post and one for the
 * site, written by scripts/post-export.ts. An image is cached in
 * .cache/share-images/ by a hash of what it shows and of the drawing code, so
 * a rebuild draws only new or changed images; many images are drawn by
 * short-lived worker processes, one per core at a time (scripts/share-image-worker.ts).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatDay } from './format';
import type { PostSummary } from './post-index';
import { renderShareImage, type ShareImageInput } from './share-image';
import { postShareImagePath } from './urls';
import { runWorkerBatches } from './workers';
import { siteConfig } from '../site.config';

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
/**
 * Images one worker process draws before it exits: resvg-js keeps each image's pixels (~3 MB) until its
 * process ends, whatever the garbage collector does, so workers are short-lived to keep memory flat.
 */
const IMAGES_PER_WORKER = 100;

/** The site's share image and one per published post, under `outDir`. */
export function siteShareImages(posts: readonly PostSummary[], outDir: string): ShareImageTarget[] {
  return [
    { file: path.join(outDir, 'share-image.png'), title: siteConfig.description, kicker: siteConfig.title },
    ...posts.map((post) => ({
      file: path.join(outDir, postShareImagePath(post.slug)),
      title: post.title,
      kicker: formatDay(post.date.day),
      categories: post.categories.map((category) => category.name),
    })),
  ];
}

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

  if (jobs.length <= IN_PROCESS_IMAGES) await drawShareImages(jobs);
  else {
    const batches: [ShareImageInput, string][][] = [];
    for (let start = 0; start < jobs.length; start += IMAGES_PER_WORKER) batches.push(jobs.slice(start, start + IMAGES_PER_WORKER));
    await runWorkerBatches(path.join('scripts', 'share-image-worker.ts'), batches);
  }
  for (const { target, cacheFile } of withCache) {
    mkdirSync(path.dirname(target.file), { recursive: true });
    copyFileSync(cacheFile, target.file);
  }
  return jobs.length;
}
