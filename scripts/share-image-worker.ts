/**
 * One worker of lib/export/share-image-cache.ts (through lib/build/workers.ts): draws a JSON list of
 * `[input, cacheFile]` jobs. `node --import tsx scripts/share-image-worker.ts <jobs.json> <done.json>`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { drawShareImages } from '../lib/export/share-image-cache';
import type { ShareImageInput } from '../lib/export/share-image-drawing';

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error('usage: share-image-worker.ts <jobs.json> <done.json>');
const jobs = JSON.parse(readFileSync(input, 'utf8')) as [ShareImageInput, string][];
await drawShareImages(jobs);
writeFileSync(output, JSON.stringify(jobs.map(([, cacheFile]) => cacheFile)));
