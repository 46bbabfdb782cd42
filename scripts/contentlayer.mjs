#!/usr/bin/env node
/**
 * `contentlayer2 build` / `contentlayer2 dev`, without effect-ts execution tracing.
 * The contentlayer2 CLI switches tracing on for its own debugging; every fiber
 * then copies trace buffers, which made a build grow faster than linearly with the posts (docs/decisions.md).
 * Same arguments as the contentlayer2 CLI.
 *
 * `build` is skipped when the key of the staged documents and of contentlayer's config, which the content step
 * wrote (lib/content/contentlayer-key.ts), is the one the generated data was made from: a rebuild after a
 * text edit stages the same documents.
 */
import { defaultPlatform } from '@effect-ts/system/Effect/runtime';
import { disableTracing } from '@effect-ts/system/Tracing';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONTENTLAYER_KEY_FILE, GENERATED_DIR, STAGED_KEY_FILE } from '../lib/build/paths.mjs';

// contentlayer finds the project by $PWD, not by the working folder: a caller that changed folder without
// updating $PWD (a test, a tool) would send it to another project's config and data.
process.env.PWD = process.cwd();

// `dev` regenerates the data as it likes: no key may vouch for it afterwards.
if (process.argv[2] !== 'build') rmSync(CONTENTLAYER_KEY_FILE, { force: true });
else {
  const read = (file) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined);
  const staged = read(STAGED_KEY_FILE);
  if (
    staged &&
    staged === read(CONTENTLAYER_KEY_FILE) &&
    existsSync(path.join(GENERATED_DIR, 'index.mjs'))
  ) {
    console.log('contentlayer: skipped, no staged document and none of its code changed');
    process.exit(0);
  }
  // Forgotten first, so a failed build is never taken for a finished one.
  rmSync(CONTENTLAYER_KEY_FILE, { force: true });
  process.on('exit', (code) => {
    if (code !== 0 || !staged) return;
    mkdirSync(path.dirname(CONTENTLAYER_KEY_FILE), { recursive: true });
    writeFileSync(CONTENTLAYER_KEY_FILE, staged);
  });
}

const { run } = await import('@contentlayer2/cli');
// The CLI's import switched tracing on, and the default platform read it when it loaded: switch both off.
disableTracing();
Object.assign(defaultPlatform.value, {
  traceExecution: false,
  traceStack: false,
  traceEffects: false,
  initialTracingStatus: false,
});
await run();
