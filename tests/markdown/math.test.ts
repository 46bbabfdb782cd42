import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runBodyJob } from '../../lib/content/body-jobs';
import { DEFAULT_DIALECT, JEKYLL_DIALECT } from '../../lib/markdown/dialect';
import { renderMarkdown } from '../../lib/markdown/render';

const job = (body: string, dialect = DEFAULT_DIALECT) =>
  runBodyJob({ body, dialect, relativePath: 'post.md', facts: true, html: true });

describe('math', () => {
  it('renders $…$ and $$…$$ to MathML at build time, the TeX kept as an annotation', async () => {
    const { html } = await renderMarkdown('Inline $a^2$.\n\n$$\n\\frac{1}{2}\n$$\n', 'post.md');
    assert.match(html, /<p>Inline <math><semantics><msup><mi>a<\/mi><mn>2<\/mn><\/msup>/);
    assert.match(html, /<annotation encoding="application\/x-tex">a\^2<\/annotation>/);
    assert.match(html, /<math display="block"[^>]*><semantics><mfrac>/);
    assert.doesNotMatch(html, /<script/);
  });

  it('leaves dollars that GitHub reads as text as text: prices, and spaces inside', async () => {
    const { html } = await renderMarkdown(
      'It costs $5 and $10. Or $ x $ and $y $. But $$ z $$ is math.\n',
      'post.md',
    );
    assert.match(html, /It costs \$5 and \$10\. Or \$ x \$ and \$y \$\. But <math>/);
    assert.equal(html.match(/<math/g)?.length, 1);
  });

  it('reports a TeX error as a problem of the body at its line, and marks the body as having math', async () => {
    const result = await job('Fine $x$.\n\n$$\na +\n\\nope\n$$\n\nAnd $\\frac{1}{$ too.\n');
    assert.equal(result.facts?.hasMath, true);
    assert.deepEqual(result.problems, [
      {
        line: 5,
        field: 'math',
        severity: 'error',
        message: 'TeX: Unsupported function name: \\nope',
      },
      {
        line: 8,
        field: 'math',
        severity: 'error',
        message: "TeX: Unexpected end of input in a macro argument, expected '}'",
      },
    ]);
    // No HTML for a body with an error: the build stops on it, never shows an error box.
    assert.equal(result.html, undefined);
  });

  it('refuses TeX too long to render in bounded time', async () => {
    const result = await job(`$$\n${'x+'.repeat(6000)}x\n$$\n`);
    assert.match(result.problems?.[0]?.message ?? '', /more than 10000; split it/);
  });

  it("renders a Jekyll site's kramdown math too; a formula it cannot read is a warning, left as TeX", async () => {
    const result = await job('$$x^2$$\n\nAnd $$\\nope$$ inline.\n', JEKYLL_DIALECT);
    assert.equal(result.facts?.hasMath, true);
    assert.match(result.html ?? '', /<math display="block"[^>]*><semantics><msup>/);
    assert.match(result.html ?? '', /And \\\(\\nope\\\) inline/);
    assert.deepEqual(result.problems, [
      {
        line: 3,
        field: 'math',
        severity: 'warning',
        message: 'TeX: Unsupported function name: \\nope',
      },
    ]);
  });
});

describe('callouts', () => {
  it("turn GitHub's alerts into notes titled by their kind; other quotes stay quotes", async () => {
    const { html } = await renderMarkdown(
      '> [!CAUTION]\n> Gone for good.\n\n> [!tip]\n> Lower case works.\n\n> [!NOTE] text on the marker line\n\n> A quote.\n',
      'post.md',
    );
    assert.match(
      html,
      /<div class="callout callout-caution" role="note">\n<p class="callout-title">Caution<\/p>\n<p>Gone for good\.<\/p>\n<\/div>/,
    );
    assert.match(
      html,
      /<div class="callout callout-tip" role="note">\n<p class="callout-title">Tip<\/p>/,
    );
    assert.equal(html.match(/<blockquote>/g)?.length, 2);
  });
});
