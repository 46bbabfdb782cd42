/**
 * Every share image of the export: one per published post and one for the
 * site, written by scripts/post-export.ts. An image is cached in
 * .cache/share-images/ by a hash of what it shows and of the drawing code, so
 * a rebuild draws only new or changed images; many images are drawn one batch per core, by this process and
 * worker processes (scripts/share-image-worker.ts).
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { cacheKey, CACHED_OUTPUTS, codeFingerprint } from '../build/cache-key';
import { formatDay } from '../site/format';
import type { PostListItem } from '../site/post-index';
import { renderShareImage, type ShareImageInput } from './share-image-drawing';
import { postShareImagePath } from '../site/urls';
import { runWorkerBatches } from '../build/workers';
import { siteConfig } from '../../site.config';

import { SHARE_IMAGE_CACHE_DIR } from '../build/paths.mjs';
import { pathInside } from '../build/safe-path';

export interface ShareImageTarget extends ShareImageInput {
  /** Where the PNG goes. */
  file: string;
}

/** Draws `targets` into their cache files (`[input, cacheFile]` pairs), in this process. */
export async function drawShareImages(jobs: [ShareImageInput, string][]): Promise<void> {
  for (const [input, cacheFile] of jobs) writeFileSync(cacheFile, await renderShareImage(input));
}

const IN_PROCESS_IMAGES = 16;

/**
 * The jobs in at most `drawers` even batches, in order: one per core, drawn at once, one in this process and the rest by
 * worker processes, which cost a start each (docs/decisions.md). A drawer's memory stays flat however many
 * images it draws, since sharp encodes the PNG (lib/export/share-image-drawing.tsx).
 */
export function imageBatches<Job>(jobs: Job[], drawers = availableParallelism()): Job[][] {
  const size = Math.ceil(jobs.length / Math.max(1, drawers));
  const batches: Job[][] = [];
  for (let start = 0; start < jobs.length; start += size)
    batches.push(jobs.slice(start, start + size));
  return batches;
}

/** The site's share image and one per published post, under `outDir`. */
export function siteShareImages(
  posts: readonly PostListItem[],
  outDir: string,
): ShareImageTarget[] {
  return [
    {
      file: pathInside(outDir, '/share-image.png'),
      title: siteConfig.description,
      kicker: siteConfig.title,
    },
    ...posts
      .filter((post) => post.shareImage.drawn)
      .map((post) => ({
        file: pathInside(outDir, postShareImagePath(post.slug)),
        title: post.title,
        kicker: formatDay(post.date.day),
        categories: post.categories.map((category) => category.name),
      })),
  ];
}

/** Writes every target, drawing only what the cache lacks; returns how many were drawn. */
export async function writeShareImages(
  targets: ShareImageTarget[],
  cacheDir = SHARE_IMAGE_CACHE_DIR,
): Promise<number> {
  mkdirSync(cacheDir, { recursive: true });
  // The drawing code, with the site config it reads and, through the lock file, the fonts and emoji it draws with.
  const code = codeFingerprint(CACHED_OUTPUTS.shareImage);
  const withCache = targets.map((target) => {
    const { title, kicker, categories } = target;
    const key = cacheKey(code, JSON.stringify([title, kicker, categories]));
    return { target, cacheFile: path.join(cacheDir, `${key}.png`) };
  });
  const missing = [
    ...new Map(
      withCache.filter((item) => !existsSync(item.cacheFile)).map((item) => [item.cacheFile, item]),
    ).values(),
  ];
  const jobs = missing.map(({ target, cacheFile }): [ShareImageInput, string] => [
    { title: target.title, kicker: target.kicker, categories: target.categories },
    cacheFile,
  ]);

  const [own = [], ...others] = jobs.length <= IN_PROCESS_IMAGES ? [jobs] : imageBatches(jobs);
  // The workers start first, so their start overlaps this process's drawing.
  await Promise.all([
    others.length ? runWorkerBatches(path.join('scripts', 'share-image-worker.ts'), others) : [],
    drawShareImages(own),
  ]);
  for (const { target, cacheFile } of withCache) {
    mkdirSync(path.dirname(target.file), { recursive: true });
    copyFileSync(cacheFile, target.file);
  }
  return jobs.length;
}
