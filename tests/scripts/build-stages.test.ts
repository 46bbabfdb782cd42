/**
 * The list of build stages (scripts/stages.mjs) and its runner: `npm run build` runs the list, and the runner
 * stops at the first step that fails, with that step's exit status, as the `&&` chain it replaced did.
 */
import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { BUILD_STAGES, runSteps, timedSteps } from '../../scripts/stages.mjs';

// A project of three tiny scripts, each noting that it ran; node_modules is this checkout's, for tsx.
const root = mkdtempSync(path.join(tmpdir(), 'blog-stages-'));
after(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(path.join(root, 'scripts'));
symlinkSync(path.resolve('node_modules'), path.join(root, 'node_modules'));
writeFileSync(path.join(root, 'package.json'), '{ "type": "module" }\n');
const ranLog = path.join(root, 'ran.txt');
const script = (name: string, body: string) =>
  writeFileSync(
    path.join(root, 'scripts', name),
    `import { appendFileSync } from 'node:fs';\nappendFileSync('ran.txt', ['${name}', ...process.argv.slice(2)].join(' ') + '\\n');\n${body}\n`,
  );
// An enum: TypeScript that Node's own type stripping refuses, so only tsx runs it.
script('first.ts', 'enum Ran { Yes }\nvoid Ran.Yes;');
script('second.mjs', '');
script('fails.mjs', 'process.exit(3);');
script('killed.mjs', "process.kill(process.pid, 'SIGTERM');");
const step = (file: string, ...args: string[]) => ({
  name: file,
  label: file,
  script: `scripts/${file}`,
  args,
});
const ran = () => (existsSync(ranLog) ? readFileSync(ranLog, 'utf8').trim().split('\n') : []);

describe('the build runner', () => {
  it('runs every step in order, TypeScript through tsx, with its arguments', () => {
    rmSync(ranLog, { force: true });
    assert.equal(runSteps([step('first.ts', '--stage'), step('second.mjs', 'build')], { root }), 0);
    assert.deepEqual(ran(), ['first.ts --stage', 'second.mjs build']);
  });

  it('stops at the first step that fails, with its exit status', () => {
    rmSync(ranLog, { force: true });
    assert.equal(runSteps([step('first.ts'), step('fails.mjs'), step('second.mjs')], { root }), 3);
    assert.deepEqual(ran(), ['first.ts', 'fails.mjs']);
  });

  it('reports a step ended by a signal as a shell does (128 + its number), and stops', () => {
    rmSync(ranLog, { force: true });
    assert.equal(runSteps([step('killed.mjs'), step('second.mjs')], { root }), 128 + 15);
    assert.deepEqual(ran(), ['killed.mjs']);
  });
});

describe('the list of build stages', () => {
  const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as {
    scripts: Record<string, string>;
  };

  it('is what `npm run build` runs: content, next-export, post-export, each script present', () => {
    assert.equal(packageJson.scripts.build, 'node scripts/build.mjs');
    assert.deepEqual(
      BUILD_STAGES.map((stage) => stage.name),
      ['content', 'next-export', 'post-export'],
    );
    for (const stage of [...BUILD_STAGES, ...timedSteps()])
      assert.ok(existsSync(stage.script), stage.script);
  });

  it('runs the content stage as `npm run content` does, which authors run on its own', () => {
    const content = BUILD_STAGES[0]!;
    assert.equal(packageJson.scripts.content, ['tsx', content.script, ...content.args].join(' '));
  });

  it('times the content stage as its two parts and the others whole', () => {
    assert.deepEqual(
      timedSteps().map((step) => [step.script, ...step.args].join(' ')),
      [
        'scripts/content.ts --stage',
        'scripts/contentlayer.mjs build',
        'scripts/next-export.ts',
        'scripts/post-export.ts',
      ],
    );
  });
});
