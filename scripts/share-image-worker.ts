/**
 * One worker of lib/share-images.ts: draws a JSON list of `[input, cacheFile]` jobs.
 * `node --import tsx scripts/share-image-worker.ts <jobs.json>`.
 */
import { readFileSync } from 'node:fs';
import { drawShareImages } from '../lib/share-images';
import type { ShareImageInput } from '../lib/share-image';

const [input] = process.argv.slice(2);
if (!input) throw new Error('usage: share-image-worker.ts <jobs.json>');
await drawShareImages(JSON.parse(readFileSync(input, 'utf8')) as [ShareImageInput, string][]);
