/**
 * A copy of the project in a temporary folder, for the tests that run the real build steps: they write its
 * out/, .content/, .contentlayer/ and .cache/, never this checkout's, so no test depends on another's
 * output. Files are copied (node_modules hard-linked: Turbopack refuses a symlink, and copying it is slow);
 * home and temp folders point inside the root, where a listing sees anything a tool writes there.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BUILD_STAGES, stepCommand } from '../../scripts/stages.mjs';

export interface ProjectCopy {
  /** The temporary root: project/, home/, tmp/ and whatever the test adds. */
  root: string;
  /** The copy of the project. */
  project: string;
  /** A step of `npm run build` (a script under scripts/), run in the copy without npm, which keeps logs in the home folder. */
  step: (
    script: string,
    args: string[],
    env: Record<string, string>,
    timeoutMs?: number,
    nodeArgs?: readonly string[],
  ) => StepResult;
  /** `step` without blocking, so a test can run several at once. */
  stepAsync: (
    script: string,
    args: string[],
    env: Record<string, string>,
    timeoutMs?: number,
  ) => Promise<StepResult>;
  /** `npm run build`'s stages (scripts/stages.mjs), stopping at the first that fails. */
  build: (env: Record<string, string>) => StepResult;
  remove: () => void;
}

export interface StepResult {
  status: number | null;
  output: string;
  seconds: number;
  timedOut: boolean;
}

// What `npm test` runs under must not make these development builds (drafts shown).
const { NODE_ENV: _testEnvironment, ...inherited } = process.env;

export function copyProject(prefix: string): ProjectCopy {
  const root = mkdtempSync(path.join(tmpdir(), `${prefix}-`));
  const project = path.join(root, 'project');
  for (const dir of ['home', 'tmp']) mkdirSync(path.join(root, dir), { recursive: true });
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], {
    encoding: 'utf8',
  })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    if (!existsSync(file)) continue; // deleted in the work tree
    mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
    copyFileSync(file, path.join(project, file));
  }
  execFileSync('cp', ['-al', 'node_modules', path.join(project, 'node_modules')]);

  const env = (extra: Record<string, string>) =>
    ({
      ...inherited,
      HOME: path.join(root, 'home'),
      TMPDIR: path.join(root, 'tmp'),
      XDG_CACHE_HOME: path.join(root, 'home/.cache'),
      NEXT_TELEMETRY_DISABLED: '1',
      PWD: project,
      ...extra,
    }) as unknown as NodeJS.ProcessEnv;

  // The command line `npm run build` gives a step (scripts/stages.mjs), run in the copy.
  const commandOf = (script: string, args: string[], nodeArgs: readonly string[] = []) =>
    stepCommand({ name: script, label: script, script, args, nodeArgs: [...nodeArgs] }, project);

  const step = (
    script: string,
    args: string[],
    extra: Record<string, string>,
    timeoutMs = 300_000,
    nodeArgs: readonly string[] = [],
  ): StepResult => {
    const started = performance.now();
    const { command, args: argv } = commandOf(script, args, nodeArgs);
    const result = spawnSync(command, argv, {
      cwd: project,
      env: env(extra),
      encoding: 'utf8',
      timeout: timeoutMs,
    });
    return {
      status: result.status,
      output: `${result.stdout}\n${result.stderr}`,
      seconds: (performance.now() - started) / 1000,
      timedOut: result.error !== undefined,
    };
  };
  const stepAsync = (
    script: string,
    args: string[],
    extra: Record<string, string>,
    timeoutMs = 300_000,
  ): Promise<StepResult> =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      const { command, args: argv } = commandOf(script, args);
      const child = spawn(command, argv, {
        cwd: project,
        env: env(extra),
      });
      let output = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, timeoutMs);
      child.on('error', reject);
      child.on('close', (status) => {
        clearTimeout(timer);
        resolve({ status, output, seconds: (performance.now() - started) / 1000, timedOut });
      });
    });
  const build = (extra: Record<string, string>): StepResult => {
    const steps: StepResult[] = [];
    for (const stage of BUILD_STAGES) {
      const result = step(stage.script, stage.args, extra, undefined, stage.nodeArgs);
      steps.push(result);
      if (result.status !== 0) break;
    }
    const last = steps[steps.length - 1]!;
    return {
      status: last.status,
      output: steps.map((result) => result.output).join('\n'),
      seconds: steps.reduce((sum, result) => sum + result.seconds, 0),
      timedOut: steps.some((result) => result.timedOut),
    };
  };
  return {
    root,
    project,
    step,
    stepAsync,
    build,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Written by the build and allowed: the export and the caches (all ignored by git). */
export const ALLOWED = [
  'out/',
  '.cache/',
  '.content/',
  '.contentlayer/',
  '.next/',
  'public/content-assets/',
  'next-env.d.ts',
  'tsconfig.tsbuildinfo',
];

/** Every file and folder under `dir`, relative to it, with size and modification time (node_modules by name). */
export function listing(dir: string, withStats = false): Set<string> {
  const entries = new Set<string>();
  const pending = [''];
  while (pending.length > 0) {
    const relative = pending.pop()!;
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      let line = entry.isDirectory() ? `${child}/` : child;
      if (withStats && entry.isFile()) {
        const stats = statSync(path.join(dir, child));
        line += `\t${stats.size}\t${stats.mtimeMs}`;
      }
      entries.add(line);
      if (entry.isDirectory() && child !== 'project/node_modules' && child !== 'node_modules')
        pending.push(child);
    }
  }
  return entries;
}
