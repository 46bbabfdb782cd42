#!/usr/bin/env node
/**
 * Builds the fixture corpus (e2e/fixtures/jekyll/_posts) as a second export under the
 * base path /blog with two posts a page and jekyllRedirects on, into e2e/.out/fixture, for the Playwright suite. Run it
 * before the real build: both go through out/ on their way.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';

const target = 'e2e/.out/fixture';
const result = spawnSync('npm', ['run', 'build'], {
  stdio: 'inherit',
  // Two posts a page, so the few fixture posts make several pages; Jekyll's default permalinks redirected.
  env: { ...process.env, CONTENT_DIR: 'e2e/fixtures/jekyll/_posts', BASE_PATH: '/blog', POSTS_PER_PAGE: '2', JEKYLL_REDIRECTS: '1' },
});
if (result.status !== 0) process.exit(result.status ?? 1);
if (!existsSync('out/index.html')) {
  console.error('build-fixture: the build wrote no out/index.html');
  process.exit(1);
}
rmSync(target, { recursive: true, force: true });
mkdirSync('e2e/.out', { recursive: true });
renameSync('out', target);
console.log(`Fixture export written to ${target} (base path /blog)`);
