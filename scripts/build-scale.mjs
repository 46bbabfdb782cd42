#!/usr/bin/env node
/**
 * The scale test's export: 300 generated posts (scripts/generate-corpus.mjs,
 * fixed seed) built like the real site into e2e/.out/scale, for
 * tests/scale/scale.test.ts, which checks that every post has its page, its
 * category pages and its feed entries. Correctness at scale, not timing.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { exportTo } from './export-to.mjs';

const POSTS = 'e2e/.out/scale-posts';
rmSync(POSTS, { recursive: true, force: true });
const generated = spawnSync(
  'node',
  ['scripts/generate-corpus.mjs', '--count', '300', '--out', POSTS, '--seed', '300'],
  { stdio: 'inherit' },
);
if (generated.status !== 0) process.exit(generated.status ?? 1);
exportTo('e2e/.out/scale', { CONTENT_DIR: POSTS, BASE_PATH: '' });
console.log('Scale export written to e2e/.out/scale');
