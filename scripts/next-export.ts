/**
 * `next build`, or its last export again when nothing it reads has changed
 * (lib/export/next-build-key.ts): a rebuild after editing a post's text then skips
 * it, as post bodies are put in afterwards (lib/export/post-bodies.ts). The export is
 * kept in .cache/next-export/, without the RSC payload files no page of ours
 * reads. Delete .cache/ to force a full build.
 */
// First: a bad setting ends the command with its message, before site.config.ts throws while loading.
import '../lib/build/settings-check';
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
import { nextBuildKey } from '../lib/export/next-build-key';
import { loadPublishedIndex } from '../lib/site/publish-options';
import { BODY_NONCE_FILE, NEXT_EXPORT_CACHE_DIR, OUT_DIR } from '../lib/build/paths.mjs';
import { newBodyNonce } from '../lib/export/post-bodies';
import { isRscPayloadFile } from '../lib/export/framework-runtime';
import { siteConfig } from '../site.config';

const OUT = OUT_DIR;
const CACHE = NEXT_EXPORT_CACHE_DIR;
const CACHED_OUT = path.join(CACHE, 'out');
const KEY_FILE = path.join(CACHE, 'key');

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

/**
 * Deletes Next's RSC payload files (lib/export/framework-runtime.ts): only its client router reads them, and our pages
 * do not load it. Before the export is kept, since they are most of its files and bytes (docs/decisions.md).
 */
function removeRscPayloadFiles(dir: string): number {
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

const started = performance.now();
const key = nextBuildKey({
  root: process.cwd(),
  contentDir: siteConfig.contentDir,
  // `next build` runs with NODE_ENV=production whatever the shell says.
  env: { ...process.env, NODE_ENV: 'production' },
  publishedSlugs: loadPublishedIndex().index.posts.map((post) => post.slug),
  year: new Date().getFullYear(),
});
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);

const cachedKey = existsSync(KEY_FILE) ? readFileSync(KEY_FILE, 'utf8') : undefined;
if (cachedKey === key && existsSync(CACHED_OUT) && existsSync(BODY_NONCE_FILE)) {
  rmSync(OUT, { recursive: true, force: true });
  copyTree(CACHED_OUT, OUT);
  console.log(
    `next build: skipped, nothing it reads has changed; its last export copied to ${OUT}/ in ${seconds()} s`,
  );
} else {
  rmSync(CACHE, { recursive: true, force: true });
  // The nonce of this build's body markers (lib/export/post-bodies.ts): kept with the export, as its markers carry it.
  mkdirSync(path.dirname(BODY_NONCE_FILE), { recursive: true });
  writeFileSync(BODY_NONCE_FILE, newBodyNonce());
  const next = path.join(
    'node_modules',
    '.bin',
    process.platform === 'win32' ? 'next.cmd' : 'next',
  );
  const build = spawnSync(next, ['build'], { stdio: 'inherit' });
  if (build.status !== 0) {
    // No half-written export is left for a preview or a deploy to pick up.
    rmSync(OUT, { recursive: true, force: true });
    rmSync(CACHE, { recursive: true, force: true });
    process.exit(build.status ?? 1);
  }
  const payloads = removeRscPayloadFiles(OUT);
  mkdirSync(CACHE, { recursive: true });
  copyTree(OUT, CACHED_OUT);
  writeFileSync(KEY_FILE, key);
  console.log(
    `next build: done (${payloads} RSC payload files deleted) and kept for the next rebuild in ${seconds()} s`,
  );
}
