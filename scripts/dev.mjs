#!/usr/bin/env node
/**
 * `npm run dev`: the content step watches the posts and restages what changes,
 * contentlayer2 watches the staged posts and regenerates its data, and `next dev`
 * serves the site, reloading the data when it changes. Three processes, because
 * contentlayer's webpack hook breaks Turbopack.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const bin = (name) => `node_modules/.bin/${name}`;
const env = { ...process.env, NODE_ENV: 'development' };
// Stage once first; generate first only when there is no generated data yet (the first run), so the first
// page request finds data. Otherwise `contentlayer dev` refreshes it while Next starts.
const stage = spawnSync(bin('tsx'), ['scripts/content.ts', '--stage'], { stdio: 'inherit', env });
if (stage.status !== 0) process.exit(stage.status ?? 1);
if (!existsSync('.contentlayer/generated/index.mjs')) {
  const generate = spawnSync(process.execPath, ['scripts/contentlayer.mjs', 'build'], { stdio: 'inherit' });
  if (generate.status !== 0) process.exit(generate.status ?? 1);
}

const children = [
  // Posts are staged into .content/posts (lib/content-staging.ts), which contentlayer watches.
  spawn(bin('tsx'), ['scripts/content.ts', '--watch'], { stdio: 'inherit', env }),
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
