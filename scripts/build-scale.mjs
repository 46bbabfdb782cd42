#!/usr/bin/env node
/**
 * The scale test's export: 300 generated posts (scripts/generate-corpus.mjs,
 * fixed seed) built like the real site into e2e/.out/scale, for
 * tests/scale/scale.test.ts, which checks that every post has its page, its
 * category pages and its feed entries. Correctness at scale, not timing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';

export const SCALE_POSTS = 'e2e/.out/scale-posts';
const target = 'e2e/.out/scale';

rmSync(SCALE_POSTS, { recursive: true, force: true });
const generated = spawnSync('node', ['scripts/generate-corpus.mjs', '--count', '300', '--out', SCALE_POSTS, '--seed', '300'], { stdio: 'inherit' });
if (generated.status !== 0) process.exit(generated.status ?? 1);

const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: { ...process.env, CONTENT_DIR: SCALE_POSTS, BASE_PATH: '' } });
if (result.status !== 0) process.exit(result.status ?? 1);
if (!existsSync('out/index.html')) {
  console.error('build-scale: the build wrote no out/index.html');
  process.exit(1);
}
rmSync(target, { recursive: true, force: true });
mkdirSync('e2e/.out', { recursive: true });
renameSync('out', target);
console.log(`Scale export written to ${target}`);
