/**
 * The CloudFront KeyValueStore's import file, made from the export's `_redirects` at
 * synth time: key = the old path (normalized by redirectKey, as the function looks it
 * up), value = the new path. CloudFront's limits are checked here so a bad line fails
 * `cdk synth`, not a deployment.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseRedirects, redirectKey, type Redirect } from '../../redirects.mjs';

export const MAX_KEY_BYTES = 512;
export const MAX_VALUE_BYTES = 1024;
export const MAX_STORE_BYTES = 5 * 1024 * 1024;

export interface StoreEntry {
  key: string;
  value: string;
}

/** The redirects of an export folder; an export without `_redirects` has none. */
export function readRedirects(siteDir: string): Redirect[] {
  const file = path.join(siteDir, '_redirects');
  if (!existsSync(path.join(siteDir, 'index.html'))) {
    throw new Error(
      `${siteDir} holds no export (no index.html): build the site first (npm run build at the repository root)`,
    );
  }
  return existsSync(file) ? parseRedirects(readFileSync(file, 'utf8'), file) : [];
}

export function storeEntries(redirects: readonly Redirect[]): StoreEntry[] {
  return redirects.map(({ from, to }) => {
    const entry = { key: redirectKey(from), value: to };
    if (Buffer.byteLength(entry.key) > MAX_KEY_BYTES)
      throw new Error(
        `redirect from "${from}": a KeyValueStore key is at most ${MAX_KEY_BYTES} bytes`,
      );
    if (Buffer.byteLength(entry.value) > MAX_VALUE_BYTES)
      throw new Error(
        `redirect to "${to}": a KeyValueStore value is at most ${MAX_VALUE_BYTES} bytes`,
      );
    return entry;
  });
}

/** The JSON CloudFront imports (`{"data":[{"key","value"}]}`). */
export function storeImportJson(entries: readonly StoreEntry[]): string {
  const json = JSON.stringify({ data: entries });
  if (Buffer.byteLength(json) > MAX_STORE_BYTES)
    throw new Error(
      `${entries.length} redirects exceed the KeyValueStore's ${MAX_STORE_BYTES} bytes`,
    );
  return json;
}

/** Short content hash: the store's name changes with its data (see site-stack.ts for why). */
export const contentHash = (text: string) =>
  createHash('sha256').update(text).digest('hex').slice(0, 12);
