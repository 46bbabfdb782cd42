/**
 * The build's stages, written once: `npm run build` (scripts/build.mjs), the bench, `npm run dev` and the
 * tests' project copies (tests/helpers/project-copy.ts) all read this list. Plain Node, so the bench and
 * dev can import it without tsx.
 *
 * Each step is `{ name, label, script, args, nodeArgs? }`: `name` says which stage it is, `label` is what the
 * bench prints for it, `nodeArgs` are options for its Node. The content stage also lists its `parts`: the same work as two commands (the check and
 * staging, then contentlayer), which the bench times one by one and dev runs before its watchers start.
 * The parts leave out only the content stage's last check (that contentlayer generated every staged post).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Node's options for the step that renders markdown: a larger young generation, as rendering allocates many
 * short-lived nodes (lib/content/body-jobs.ts gives its workers the same).
 */
const RENDERING_NODE_ARGS = ['--max-semi-space-size=64'];

export const BUILD_STAGES = [
  {
    name: 'content',
    label: 'content (check, stage, contentlayer2 build)',
    script: 'scripts/content.ts',
    args: [],
    nodeArgs: RENDERING_NODE_ARGS,
    parts: [
      {
        name: 'content-stage',
        label: 'check + stage (Liquid, fields, links)',
        script: 'scripts/content.ts',
        args: ['--stage'],
        nodeArgs: RENDERING_NODE_ARGS,
      },
      {
        name: 'contentlayer',
        label: 'contentlayer2 build',
        script: 'scripts/contentlayer.mjs',
        args: ['build'],
      },
    ],
  },
  {
    name: 'next-export',
    label: 'next build (skipped when unchanged)',
    script: 'scripts/next-export.ts',
    args: [],
  },
  {
    name: 'post-export',
    label: 'post-export (bodies, plain pages, share images, search)',
    script: 'scripts/post-export.ts',
    args: [],
  },
];

/** The build as the commands the bench times one by one: every stage, the content stage as its parts. */
export const timedSteps = () => BUILD_STAGES.flatMap((stage) => stage.parts ?? [stage]);

/** The stage called `name`; throws when there is none, so a renamed stage fails loudly where it is read. */
export function buildStage(name) {
  const stage = BUILD_STAGES.find((candidate) => candidate.name === name);
  if (!stage) throw new Error(`no build stage named "${name}"`);
  return stage;
}

/**
 * The command line of one step, to run in the project folder `root`: TypeScript with that project's tsx
 * as Node's loader (`node --import tsx`: the tsx command would start a second Node for each step),
 * JavaScript with plain Node, both with the Node running this.
 */
export function stepCommand(step, root = PROJECT_ROOT) {
  const nodeArgs = step.nodeArgs ?? [];
  if (!step.script.endsWith('.ts'))
    return { command: process.execPath, args: [...nodeArgs, step.script, ...step.args] };
  const tsx = pathToFileURL(createRequire(path.join(root, 'package.json')).resolve('tsx')).href;
  return {
    command: process.execPath,
    args: [...nodeArgs, '--import', tsx, step.script, ...step.args],
  };
}

/**
 * Runs steps one after another in `root`, output shown as it comes, and stops at the first that fails.
 * Returns 0, or the failed step's exit status (128 + the signal's number when a signal ended it, as a
 * shell reports it).
 */
export function runSteps(steps, { root = PROJECT_ROOT, env = process.env } = {}) {
  for (const step of steps) {
    const { command, args } = stepCommand(step, root);
    const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
    if (result.error) throw result.error;
    if (result.signal) return 128 + (constants.signals[result.signal] ?? 0);
    if (result.status !== 0) return result.status ?? 1;
  }
  return 0;
}
