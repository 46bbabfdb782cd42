/**
 * Stage 3: `next build`, or its last export again when nothing it reads has changed
 * (lib/export/next-build-key.ts): a rebuild after editing a post's text then skips it, as post bodies are
 * put in afterwards (lib/export/post-bodies.ts). The export is kept (lib/export/kept-export.ts) without the
 * RSC payload files no page of ours reads. Delete .cache/ to force a full build.
 */
// First: a bad setting ends the command with its message, before site.config.ts throws while loading.
import '../lib/build/settings-check';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BODY_NONCE_FILE, NEXT_EXPORT_CACHE_DIR, OUT_DIR } from '../lib/build/paths.mjs';
import {
  keepExport,
  keptExportKey,
  removeRscPayloadFiles,
  restoreKeptExport,
} from '../lib/export/kept-export';
import { nextBuildKey } from '../lib/export/next-build-key';
import { newBodyNonce } from '../lib/export/post-bodies';
import { loadPublishedIndex } from '../lib/site/publish-options';
import { siteConfig } from '../site.config';

const started = performance.now();
const key = nextBuildKey({
  root: process.cwd(),
  contentDir: siteConfig.contentDir,
  ...(siteConfig.pagesDir ? { pagesDir: siteConfig.pagesDir } : {}),
  // `next build` runs with NODE_ENV=production whatever the shell says.
  env: { ...process.env, NODE_ENV: 'production' },
  publishedSlugs: loadPublishedIndex().index.posts.map((post) => post.slug),
  year: new Date().getFullYear(),
});
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);

if (keptExportKey() === key && existsSync(BODY_NONCE_FILE)) {
  restoreKeptExport(OUT_DIR);
  console.log(
    `next build: skipped, nothing it reads has changed; its last export copied to ${OUT_DIR}/ in ${seconds()} s`,
  );
} else {
  rmSync(NEXT_EXPORT_CACHE_DIR, { recursive: true, force: true });
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
    rmSync(OUT_DIR, { recursive: true, force: true });
    rmSync(NEXT_EXPORT_CACHE_DIR, { recursive: true, force: true });
    process.exit(build.status ?? 1);
  }
  const payloads = removeRscPayloadFiles(OUT_DIR);
  keepExport(OUT_DIR, key);
  console.log(
    `next build: done (${payloads} RSC payload files deleted) and kept for the next rebuild in ${seconds()} s`,
  );
}
