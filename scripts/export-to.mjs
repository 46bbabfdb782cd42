/**
 * Builds the site with some settings and moves the export from out/ to a
 * folder of its own, for the test suites (scripts/build-fixture.mjs,
 * scripts/build-scale.mjs). Run them before the real build: all go through out/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

export function exportTo(target, env) {
  const result = spawnSync('npm', ['run', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  if (!existsSync('out/index.html')) {
    console.error(`${target}: the build wrote no out/index.html`);
    process.exit(1);
  }
  rmSync(target, { recursive: true, force: true });
  mkdirSync(path.dirname(target), { recursive: true });
  renameSync('out', target);
}
