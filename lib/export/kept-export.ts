/**
 * The last `next build`'s export, kept in the cache so a rebuild whose key is unchanged
 * (lib/export/next-build-key.ts) copies it back instead of running `next build`.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { NEXT_EXPORT_CACHE_DIR } from '../build/paths.mjs';
import { isRscPayloadFile } from './framework-runtime';

const KEPT_OUT = path.join(NEXT_EXPORT_CACHE_DIR, 'out');
const KEY_FILE = path.join(NEXT_EXPORT_CACHE_DIR, 'key');

/** Copies a folder: `cp -R` where there is one, much faster than Node's cpSync (docs/decisions.md). */
function copyTree(from: string, to: string): void {
  if (
    process.platform !== 'win32' &&
    spawnSync('cp', ['-R', from, to], { stdio: 'inherit' }).status === 0
  )
    return;
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
}

/** The key of the kept export, or undefined when none is kept. */
export function keptExportKey(): string | undefined {
  return existsSync(KEY_FILE) && existsSync(KEPT_OUT) ? readFileSync(KEY_FILE, 'utf8') : undefined;
}

/** Replaces `outDir` with the kept export. */
export function restoreKeptExport(outDir: string): void {
  rmSync(outDir, { recursive: true, force: true });
  copyTree(KEPT_OUT, outDir);
}

/** Keeps a copy of `outDir` under `key`, for the next rebuild. */
export function keepExport(outDir: string, key: string): void {
  mkdirSync(NEXT_EXPORT_CACHE_DIR, { recursive: true });
  rmSync(KEPT_OUT, { recursive: true, force: true });
  copyTree(outDir, KEPT_OUT);
  writeFileSync(KEY_FILE, key);
}

/**
 * Deletes Next's RSC payload files (lib/export/framework-runtime.ts): only its client router reads them, and
 * our pages do not load it. Before the export is kept, since they are most of its files and bytes
 * (docs/decisions.md).
 */
export function removeRscPayloadFiles(dir: string): number {
  let removed = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (!entry.isFile() || !isRscPayloadFile(path.relative(dir, file).split(path.sep).join('/')))
      continue;
    rmSync(file);
    removed += 1;
  }
  return removed;
}
