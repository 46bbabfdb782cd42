#!/usr/bin/env node
/**
 * `npm run dev`: the content step watches the posts and restages what changes,
 * contentlayer2 watches the staged posts and regenerates its data, and `next dev`
 * serves the site, reloading the data when it changes. Three processes, because
 * contentlayer's webpack hook breaks Turbopack.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setPriority } from 'node:os';
import path from 'node:path';
import { GENERATED_DIR, HTML_KEYS_FILE } from '../lib/build/paths.mjs';
import { buildStage, runSteps } from './stages.mjs';

const bin = (name) => `node_modules/.bin/${name}`;
const env = { ...process.env, NODE_ENV: 'development' };
// The first run stages and generates the data before Next starts, so the first page finds posts. Later runs
// start Next at once on the data of the last run, and the watchers bring it up to date (restaging and
// regenerating only what changed) without making the first page wait for a content pass. The first run is the
// build's content stage as its parts (scripts/stages.mjs); contentlayer gets NODE_ENV=development too, which it
// reads only for MDX (this site has none) and defaults to development there.
if (!existsSync(path.join(GENERATED_DIR, 'index.mjs')) || !existsSync(HTML_KEYS_FILE)) {
  const status = runSteps(buildStage('content').parts, { env });
  if (status !== 0) process.exit(status);
}

const children = [];
function startWatchers() {
  if (children.length > 1) return;
  const watchers = [
    // Posts are staged into .content/posts (lib/content/staging.ts), which contentlayer watches.
    spawn(bin('tsx'), ['scripts/content.ts', '--watch'], { stdio: 'inherit', env }),
    spawn(process.execPath, ['scripts/contentlayer.mjs', 'dev'], { stdio: 'inherit' }),
  ];
  for (const watcher of watchers) {
    // Their first pass re-reads every post: it should not slow the pages a reader is waiting for.
    try {
      setPriority(watcher.pid, 10);
    } catch {
      // not allowed here: they share the cores evenly
    }
    watcher.on('exit', (code) => stop(code ?? 0));
    children.push(watcher);
  }
}

// Next starts first and serves the last run's data; the watchers start once it has served a page (or after
// WATCHERS_DELAY_MS), because on two cores their first pass doubled the wait for the first page.
const WATCHERS_DELAY_MS = 8000;
const next = spawn(bin('next'), ['dev', ...process.argv.slice(2)], {
  stdio: ['inherit', 'pipe', 'inherit'],
  env: process.stdout.isTTY ? { ...process.env, FORCE_COLOR: '1' } : process.env,
});
children.push(next);
next.on('exit', (code) => stop(code ?? 0));
next.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (/\bGET \//.test(chunk.toString())) startWatchers();
});
setTimeout(startWatchers, WATCHERS_DELAY_MS).unref();

const stop = (code) => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exit(code);
};
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
