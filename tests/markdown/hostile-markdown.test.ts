/**
 * Hostile post bodies (issue 12, items 5 and 7): every case ends, in bounded time, in HTML or in a
 * problem at a line of the body, and a body job never throws.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runBodyJob, type BodyJob, type BodyJobResult } from '../../lib/content/body-jobs';
import { getHighlighter, MAX_HIGHLIGHT_LINE } from '../../lib/markdown/highlight';
import { MAX_EMPHASIS_MARKS, MAX_NESTING } from '../../lib/markdown/parse';
import { markdownPlainText } from '../../lib/markdown/plain-text';
import { DEFAULT_DIALECT, JEKYLL_DIALECT, type MarkdownDialect } from '../../lib/markdown/dialect';

/** A hostile case must finish well within this, measured after the highlighter has loaded. */
const BOUND_MS = 3_000;

async function timedJob(
  body: string,
  html = true,
  dialect: MarkdownDialect = DEFAULT_DIALECT,
): Promise<BodyJobResult> {
  await getHighlighter();
  const started = performance.now();
  const result = await runBodyJob({
    body,
    relativePath: 'hostile.md',
    dialect,
    facts: true,
    html,
  });
  const elapsed = performance.now() - started;
  assert.ok(elapsed < BOUND_MS, `took ${elapsed.toFixed(0)} ms`);
  return result;
}

const errorsOf = (result: BodyJobResult) =>
  (result.problems ?? []).filter((problem) => problem.severity === 'error');

describe('code blocks too large to highlight', () => {
  it('shows a block with one 20,000-character line unhighlighted, with a warning at its line', async () => {
    const result = await timedJob(`Intro.\n\n\`\`\`js\n${'a'.repeat(20_000)}\n\`\`\`\n`);
    assert.deepEqual(
      result.problems?.map(({ line, field, severity }) => [line, field, severity]),
      [[3, 'code block', 'warning']],
    );
    assert.match(
      result.problems?.[0]?.message ?? '',
      /line 1 of the block has 20000 characters, more than the 1000/,
    );
    // The markup of an unhighlighted block: the figure, the code bar, Shiki's plain <pre>, no token colours.
    assert.match(
      result.html ?? '',
      /<figure class="code-block" data-language="js"><figcaption class="code-bar"[^]*<pre class="shiki /,
    );
    assert.doesNotMatch(result.html ?? '', /<span style="--shiki-light:/);
  });

  it('escapes the text of a block shown unhighlighted', async () => {
    const result = await timedJob(
      `\`\`\`html\n<script>alert(1)</script>${' '.repeat(MAX_HIGHLIGHT_LINE)}\n\`\`\`\n`,
    );
    assert.equal(result.problems?.length, 1);
    assert.doesNotMatch(result.html ?? '', /<script>/);
    assert.match(result.html ?? '', /&#x3C;script>alert\(1\)&#x3C;\/script>/);
  });

  it('stops highlighting when the blocks of a body exceed its budget, naming each block left plain', async () => {
    await timedJob('```ts\nconst warm = 1;\n```\n'); // the grammar's first use compiles its patterns
    const block = `\`\`\`ts\n${`${'a'.repeat(MAX_HIGHLIGHT_LINE)}\n`.repeat(5)}\`\`\`\n\n`;
    const result = await timedJob(block.repeat(40));
    const warned = result.problems ?? [];
    assert.ok(warned.length > 0 && warned.length < 40, `${warned.length} warnings`);
    assert.ok(
      warned.every(
        (problem) => problem.severity === 'warning' && /too large in all/.test(problem.message),
      ),
    );
    // Each warning is at the opening fence of its block (8 lines a block).
    assert.ok(
      warned.every((problem) => (problem.line - 1) % 8 === 0),
      JSON.stringify(warned.map((problem) => problem.line)),
    );
  });

  it('still highlights ordinary code', async () => {
    const result = await timedJob('```js\nconst a = 1;\n```\n');
    assert.equal(result.problems, undefined);
    assert.match(
      result.html ?? '',
      /<span style="--shiki-light:#[0-9A-F]{6};--shiki-dark:#[0-9A-F]{6}">const<\/span>/i,
    );
  });
});

describe('deep nesting', () => {
  const cases: [string, string, number][] = [
    ['2,000 list markers on one line', `${'- '.repeat(2_000)}x\n`, 1],
    ['50,000 list markers on one line', `${'- '.repeat(50_000)}x\n`, 1],
    ['50,000 quote markers', `${'> '.repeat(50_000)}x\n`, 1],
    ['numbered items inside quotes', `${'> 1. '.repeat(5_000)}x\n`, 1],
    [
      'an indented list 150 levels deep',
      Array.from({ length: 150 }, (_, level) => `${'  '.repeat(level)}- x`).join('\n'),
      101,
    ],
    ['nested links', `Text\n\n${'['.repeat(5_000)}x${'](u)'.repeat(5_000)}\n`, 3],
    ['nested images', `${'!['.repeat(5_000)}x${'](u)'.repeat(5_000)}\n`, 1],
    ['nested emphasis', `${'*a '.repeat(20_000)}x${' a*'.repeat(20_000)}\n`, 1],
    ['a run of 16,000 stars', `${'**'.repeat(8_000)}x${'**'.repeat(8_000)}\n`, 1],
    ['16,000 closing underscores in a paragraph', `${'a_ '.repeat(16_000)}\n`, 1],
    [
      'emphasis nested 150 deep by itself',
      `${Array.from({ length: 150 }, (_, i) => (i % 2 ? '_a ' : '*a ')).join('')}x${Array.from({ length: 150 }, (_, i) => (i % 2 ? ' a*' : ' a_')).join('')}\n`,
      1,
    ],
  ];
  for (const [name, body, line] of cases)
    for (const dialect of [DEFAULT_DIALECT, JEKYLL_DIALECT]) {
      it(`refuses ${name} with an error at line ${line} (${dialect.kramdown ? 'kramdown' : 'GFM'})`, async () => {
        const result = await timedJob(body, true, dialect);
        assert.deepEqual(
          errorsOf(result).map(({ line: at, field }) => [at, field]),
          [[line, 'body']],
        );
        assert.doesNotMatch(errorsOf(result)[0]!.message, /\n|at .*\.ts/);
        assert.equal(result.html, undefined);
        assert.equal(result.facts?.excerpt, '');
      });
    }

  it(`renders nesting up to ${MAX_NESTING} levels`, async () => {
    const quotes = await timedJob(`${'> '.repeat(MAX_NESTING)}deep\n`);
    assert.equal(quotes.problems, undefined);
    assert.equal(quotes.html?.match(/<blockquote>/g)?.length, MAX_NESTING);
    const list = Array.from(
      { length: MAX_NESTING / 2 },
      (_, level) => `${'  '.repeat(level)}- item ${level}`,
    ).join('\n');
    assert.equal((await timedJob(list)).problems, undefined);
    assert.match(markdownPlainText(list), /^item 0 item 1 .* item 49$/);
  });

  it('joins unclosed HTML blocks (kramdown) in bounded time, however many there are', async () => {
    const result = await timedJob('<div>\n\ntext\n\n'.repeat(2_000), true, JEKYLL_DIALECT);
    assert.equal(errorsOf(result).length, 0);
  });

  it('cuts HTML blocks at their closing tags (kramdown) in bounded time, however many alternate with text', async () => {
    const body = '<div>x</div>\ntext\n'.repeat(2_000);
    const result = await timedJob(body, true, JEKYLL_DIALECT);
    assert.equal(errorsOf(result).length, 0);
    assert.ok((result.html ?? '').includes('<p>text'));
  });

  it('does not count marks in fenced code, or across the rows of a table', async () => {
    const code = `\`\`\`python\n${'snake_case_name = other_name * 2\n'.repeat(1_000)}\`\`\`\n`;
    const table = `| name | value |\n| --- | --- |\n${'| a_b_c | *d* |\n'.repeat(1_000)}`;
    for (const body of [code, table]) assert.equal(errorsOf(await timedJob(body, false)).length, 0);
    assert.ok(MAX_EMPHASIS_MARKS < 3 * 1_000);
  });

  it('refuses a fenced block hidden in a quote that the quote already ended', async () => {
    const body = `> \`\`\`\n> code\n\n${'- '.repeat(3_000)}x\n${'a_ '.repeat(3_000)}\n`;
    assert.equal(errorsOf(await timedJob(body)).length, 1);
  });
});

describe('a body job never throws', () => {
  it('reports an exception as a problem of the body, without its stack', async () => {
    const result = await runBodyJob({
      body: undefined as unknown as string,
      relativePath: 'x.md',
      dialect: DEFAULT_DIALECT,
      facts: true,
      html: true,
    });
    assert.equal(errorsOf(result).length, 1);
    assert.match(errorsOf(result)[0]!.message, /^could not be read \(TypeError: [^\n]*\)$/);
  });

  it('has the worker write its results for a hostile job', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'hostile-worker-'));
    try {
      const jobs: BodyJob[] = [
        {
          body: `${'- '.repeat(5_000)}x\n`,
          relativePath: 'a.md',
          dialect: DEFAULT_DIALECT,
          facts: true,
          html: true,
        },
        {
          body: 'Fine.\n',
          relativePath: 'b.md',
          dialect: JEKYLL_DIALECT,
          facts: true,
          html: false,
        },
      ];
      writeFileSync(path.join(folder, 'in.json'), JSON.stringify(jobs));
      const run = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          'scripts/content-worker.ts',
          path.join(folder, 'in.json'),
          path.join(folder, 'out.json'),
        ],
        {
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
      assert.equal(run.status, 0, run.stderr);
      const results = JSON.parse(
        readFileSync(path.join(folder, 'out.json'), 'utf8'),
      ) as BodyJobResult[];
      assert.equal(results[0]?.problems?.[0]?.severity, 'error');
      assert.equal(results[1]?.facts?.excerpt, 'Fine.');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
