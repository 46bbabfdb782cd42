/**
 * The key of what `contentlayer2 build` reads: every staged document (name and bytes) and the code that types
 * them (contentlayer.config.ts and what it imports, the lock file, Node). The content step writes it once it
 * has staged (STAGED_KEY_FILE); scripts/contentlayer.mjs compares it with the key its last build was made
 * from and skips contentlayer when they are equal, as after editing a post's text (the body is in no
 * document): contentlayer's own cache took seconds to find that out.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  AUTHORS_STAGING_DIR,
  CONTENTLAYER_SOURCE_DIR,
  PAGES_STAGING_DIR,
  STAGED_KEY_FILE,
  STAGING_DIR,
} from '../build/paths.mjs';
import { cacheKey, fingerprintOf } from '../build/cache-key';

/** The documents contentlayer reads, sorted, relative to its source folder. */
function stagedDocuments(root: string): string[] {
  const source = path.join(root, CONTENTLAYER_SOURCE_DIR);
  const documents: string[] = [];
  for (const dir of [STAGING_DIR, PAGES_STAGING_DIR, AUTHORS_STAGING_DIR]) {
    const full = path.join(root, dir);
    if (!existsSync(full)) continue;
    for (const entry of readdirSync(full, { recursive: true, withFileTypes: true }))
      if (entry.isFile())
        documents.push(path.relative(source, path.join(entry.parentPath, entry.name)));
  }
  return documents.sort();
}

export function contentlayerKey(root = process.cwd()): string {
  const source = path.join(root, CONTENTLAYER_SOURCE_DIR);
  const inputs = stagedDocuments(root).flatMap((document) => [
    document,
    readFileSync(path.join(source, document)),
  ]);
  return cacheKey(fingerprintOf(['contentlayer.config.ts'], root), ...inputs);
}

/** Forgets the staged key: staging is about to change the documents (a failed step leaves no key behind). */
export function forgetStagedKey(root = process.cwd()): void {
  rmSync(path.join(root, STAGED_KEY_FILE), { force: true });
}

/** Records the key of the documents just staged. */
export function writeStagedKey(root = process.cwd()): void {
  const file = path.join(root, STAGED_KEY_FILE);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, contentlayerKey(root));
}
