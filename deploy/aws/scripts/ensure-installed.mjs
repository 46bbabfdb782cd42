#!/usr/bin/env node
/**
 * Installs deploy/aws's own dependencies (npm ci) when they are missing or older than
 * its package-lock.json, so the repository root can run its tests and deploy without
 * adding the CDK to the site's install. Plain Node: it runs before anything is installed.
 *
 *   node deploy/aws/scripts/ensure-installed.mjs && npm --prefix deploy/aws test
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

const dir = path.resolve(import.meta.dirname, '..');
// npm writes node_modules/.package-lock.json at the end of every install.
const installed = path.join(dir, 'node_modules/.package-lock.json');
const lock = path.join(dir, 'package-lock.json');

if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  console.log('deploy/aws: installing its dependencies (npm ci)');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: dir,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  process.exit(result.status ?? 1);
}
