#!/usr/bin/env node
/**
 * `npm run dev`: contentlayer2 watches the posts and regenerates its data while
 * `next dev` serves the site; Next reloads the data when it changes. They run
 * as two processes because contentlayer's webpack hook breaks Turbopack.
 */
import { spawn, spawnSync } from 'node:child_process';

const bin = (name) => `node_modules/.bin/${name}`;
// Check, stage and generate once first, so the first page request finds the data.
const first = spawnSync(bin('tsx'), ['scripts/content.ts'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'development' } });
if (first.status !== 0) process.exit(first.status ?? 1);

const children = [
  // Posts are staged into .content/posts (lib/content-staging.ts), which contentlayer watches.
  spawn(bin('tsx'), ['scripts/content.ts', '--watch'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'development' } }),
  spawn(process.execPath, ['scripts/contentlayer.mjs', 'dev'], { stdio: 'inherit' }),
  spawn(bin('next'), ['dev', ...process.argv.slice(2)], { stdio: 'inherit' }),
];
const stop = (code) => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exit(code);
};
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
