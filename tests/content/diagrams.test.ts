import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { drawBodyDiagrams, findChromium, NO_BROWSER_MESSAGE } from '../../lib/content/diagrams';
import { diagramId, withDrawings, withoutDrawings } from '../../lib/markdown/diagrams';

const FLOW = 'flowchart LR\n  Write[Write a post] --> Build{npm run build}';
const BROKEN = 'flowchart LR\n  A --> ((';
const mark = (source: string) =>
  `<figure class="diagram" data-diagram="${diagramId(source)}"><details class="diagram-source"><summary>Diagram source</summary><pre><code>…</code></pre></details></figure>`;
const body = (...sources: string[]) => ({
  html: sources.map(mark).join('\n'),
  diagrams: sources.map((source, index) => ({
    id: diagramId(source),
    source,
    line: 10 * (index + 1),
  })),
});
const NO_BROWSER = { CHROMIUM_PATH: '/nonexistent/chromium' };

describe('drawing Mermaid diagrams', () => {
  const cache = mkdtempSync(path.join(tmpdir(), 'diagrams-'));
  after(() => rmSync(cache, { recursive: true, force: true }));

  it('puts both drawings before the source and removes the mark; leaves a figure it has no drawing for', () => {
    const drawings = new Map([
      [diagramId(FLOW), { light: '<svg id="l"></svg>', dark: '<svg id="d"></svg>' }],
    ]);
    assert.equal(
      withDrawings(`${mark(FLOW)}${mark(BROKEN)}`, drawings),
      `<figure class="diagram"><div class="diagram-light" aria-hidden="true" data-pagefind-ignore=""><svg id="l"></svg></div><div class="diagram-dark" aria-hidden="true" data-pagefind-ignore=""><svg id="d"></svg></div><details class="diagram-source"><summary>Diagram source</summary><pre><code>…</code></pre></details></figure>${mark(BROKEN)}`,
    );
  });

  it('without a browser, every diagram is a problem at its line saying what to install', async () => {
    const [drawn] = await drawBodyDiagrams([body(FLOW)], cache, NO_BROWSER);
    assert.deepEqual(drawn!.problems, [{ line: 10, message: NO_BROWSER_MESSAGE }]);
    assert.match(
      NO_BROWSER_MESSAGE,
      /apt-get install chromium.*npx playwright install chromium.*CHROMIUM_PATH/,
    );
    assert.equal(drawn!.html, mark(FLOW));
    assert.deepEqual(readdirSync(cache), []);
  });

  it('draws with the real Chromium, light and dark, each with its own ids; a source Mermaid cannot read is a problem', async (context) => {
    if (!(await findChromium())) {
      if (process.env.CI) assert.fail('CI has Chromium (.ci/run installs it)');
      context.skip('no Chromium on this machine');
      return;
    }
    const [first, second] = await drawBodyDiagrams([body(FLOW), body(FLOW, BROKEN)], cache);
    const id = diagramId(FLOW);
    assert.deepEqual(first!.problems, []);
    assert.match(
      first!.html,
      new RegExp(
        `<div class="diagram-light" aria-hidden="true" data-pagefind-ignore=""><svg[^>]* id="diagram-${id}-light"`,
      ),
    );
    assert.match(
      first!.html,
      new RegExp(
        `<div class="diagram-dark" aria-hidden="true" data-pagefind-ignore=""><svg[^>]* id="diagram-${id}-dark"`,
      ),
    );
    // The labels are SVG text (no HTML in foreignObject), and no script came with the drawing.
    assert.match(
      first!.html,
      /<text[^>]*>(<tspan[^>]*>)+Write<\/tspan><tspan[^>]*> a<\/tspan><tspan[^>]*> post</,
    );
    assert.doesNotMatch(first!.html, /<foreignObject|<script/i);
    assert.notEqual(
      first!.html.match(/<div class="diagram-light".*?<\/div>/s)![0].replace(/light/g, ''),
      first!.html.match(/<div class="diagram-dark".*?<\/div>/s)![0].replace(/dark/g, ''),
      'the dark drawing has other colours',
    );
    // Feeds carry the source alone.
    assert.equal(withoutDrawings(first!.html), mark(FLOW).replace(` data-diagram="${id}"`, ''));
    assert.equal(second!.problems.length, 1);
    assert.equal(second!.problems[0]!.line, 20);
    assert.match(second!.problems[0]!.message, /^Mermaid: .*(Parse error|error)/i);
    // The drawn diagram was cached once; the broken one was not.
    assert.equal(readdirSync(cache).length, 1);
    // From the cache, no browser is needed.
    const [again] = await drawBodyDiagrams([body(FLOW)], cache, NO_BROWSER);
    assert.equal(again!.html, first!.html);
    assert.ok(existsSync(cache));
  });
});
