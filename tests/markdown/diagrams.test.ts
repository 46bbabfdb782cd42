import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runBodyJob } from '../../lib/content/body-jobs';
import { diagramId } from '../../lib/markdown/diagrams';
import { DEFAULT_DIALECT, JEKYLL_DIALECT } from '../../lib/markdown/dialect';

const FLOW = 'flowchart LR\n  A[Write] --> B{Build}\n  B --> C[out/]';

describe('Mermaid blocks in the pipeline', () => {
  for (const [name, dialect, fence] of [
    ['GFM', DEFAULT_DIALECT, '```'],
    ['kramdown', JEKYLL_DIALECT, '~~~'],
  ] as const) {
    it(`become a marked figure that keeps the source as text, recorded with its line (${name})`, async () => {
      const body = `Intro.\n\n${fence}mermaid\n${FLOW}\n${fence}\n\n${fence}js\nlet a = 1;\n${fence}\n`;
      const result = await runBodyJob({
        body,
        dialect,
        relativePath: 'post.md',
        facts: true,
        html: true,
      });
      assert.deepEqual(result.diagrams, [{ id: diagramId(FLOW), source: FLOW, line: 3 }]);
      assert.match(
        result.html!,
        new RegExp(
          `<figure class="diagram" data-diagram="${diagramId(FLOW)}"><details class="diagram-source"><summary>Diagram source</summary><pre data-verbatim=""><code>flowchart LR\\n  A\\[Write\\] --> B\\{Build\\}\\n  B --> C\\[out/\\]</code></pre></details></figure>`,
        ),
      );
      // Other code is highlighted as before; the diagram's source is not.
      assert.equal(result.html!.match(/class="code-block/g)?.length, 1);
    });
  }

  it('gives the same source the same id, and another source another', () => {
    assert.equal(diagramId(FLOW), diagramId(FLOW));
    assert.notEqual(diagramId(FLOW), diagramId(`${FLOW} `));
    assert.match(diagramId(FLOW), /^[0-9a-f]{16}$/);
  });

  it('records nothing for a body without diagrams', async () => {
    const result = await runBodyJob({
      body: 'Plain.\n',
      dialect: DEFAULT_DIALECT,
      relativePath: 'post.md',
      facts: false,
      html: true,
    });
    assert.equal(result.diagrams, undefined);
  });
});
