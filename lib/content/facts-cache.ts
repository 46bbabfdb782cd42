/**
 * Body facts kept between runs: parsing bodies is most of the content step's time. Each is stored under the
 * one cache key (lib/build/cache-key.ts: the body and the code that reads it), so a change of that code
 * reads them again; only the facts of today's posts are kept, so the file does not grow forever.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BodyFacts, BodyFactsCache } from './post-fields';

export function readFactsCache(file: string): BodyFactsCache {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { facts: [string, BodyFacts][] };
    return new Map(saved.facts);
  } catch {
    return new Map();
  }
}

export function writeFactsCache(
  file: string,
  cache: BodyFactsCache,
  posts: readonly { factsKey: string }[],
): void {
  const used = new Set(posts.map((post) => post.factsKey));
  mkdirSync(path.dirname(file), { recursive: true });
  // Written aside and renamed: two runs at once (a check beside `npm run dev`) never read half a file.
  const written = `${file}.${process.pid}`;
  writeFileSync(written, JSON.stringify({ facts: [...cache].filter(([key]) => used.has(key)) }));
  renameSync(written, file);
}
