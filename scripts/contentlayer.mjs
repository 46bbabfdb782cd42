#!/usr/bin/env node
/**
 * `contentlayer2 build` / `contentlayer2 dev`, without effect-ts execution tracing.
 * The contentlayer2 CLI switches tracing on for its own debugging; every fiber
 * then copies trace buffers, which made a build grow faster than linearly with the posts (docs/decisions.md).
 * Same arguments as the contentlayer2 CLI.
 */
import { defaultPlatform } from '@effect-ts/system/Effect/runtime';
import { disableTracing } from '@effect-ts/system/Tracing';

// contentlayer finds the project by $PWD, not by the working folder: a caller that changed folder without
// updating $PWD (a test, a tool) would send it to another project's config and data.
process.env.PWD = process.cwd();

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
