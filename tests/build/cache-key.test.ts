/**
 * The one cache key (lib/build/cache-key.ts): each cached output is keyed by the code its module reaches through
 * its imports, the lock file and the Node version. Changing one kind of input changes the keys of exactly the
 * outputs that depend on it, on a copy of the real code.
 */
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { cacheKey, CACHED_OUTPUTS, fingerprintOf, importGraph } from '../../lib/build/cache-key';

const root = mkdtempSync(path.join(tmpdir(), 'blog-cache-key-'));
after(() => rmSync(root, { recursive: true, force: true }));

describe('the import graph', () => {
  it('follows relative, "@/" and dynamic imports of project files, and no package', () => {
    const tree = path.join(root, 'graph');
    mkdirSync(path.join(tree, 'lib/sub'), { recursive: true });
    writeFileSync(
      path.join(tree, 'lib/a.ts'),
      "import { b } from './sub/b';\nimport type { T } from '@/lib/t';\nimport React from 'react';\nexport const a = () => import('./lazy');\n",
    );
    writeFileSync(
      path.join(tree, 'lib/sub/b.ts'),
      "export { c } from '../c';\nimport 'node:fs';\n",
    );
    writeFileSync(path.join(tree, 'lib/c.tsx'), 'export const c = 1;\n');
    writeFileSync(path.join(tree, 'lib/t.ts'), 'export type T = number;\n');
    writeFileSync(path.join(tree, 'lib/lazy.ts'), 'export const lazy = 1;\n');
    writeFileSync(path.join(tree, 'lib/unrelated.ts'), "import { a } from './a';\n");
    assert.deepEqual(importGraph(['lib/a.ts'], tree), [
      'lib/a.ts',
      'lib/c.tsx',
      'lib/lazy.ts',
      'lib/sub/b.ts',
      'lib/t.ts',
    ]);
  });

  it('reaches the code each real output is made by, and not the others', () => {
    const facts = importGraph(CACHED_OUTPUTS.bodyFacts);
    const html = importGraph(CACHED_OUTPUTS.postHtml);
    const image = importGraph(CACHED_OUTPUTS.shareImage);
    for (const file of [
      'lib/markdown/headings.ts',
      'lib/markdown/plain-text.ts',
      'lib/markdown/links.ts',
      'lib/markdown/parse.ts',
      'lib/content/rules.ts',
    ])
      assert.ok(facts.includes(file), file);
    for (const file of [
      'lib/markdown/highlight.ts',
      'lib/markdown/images.ts',
      'lib/markdown/pipeline.ts',
      'lib/markdown/parse.ts',
      'site.config.ts',
    ])
      assert.ok(html.includes(file), file);
    assert.ok(
      image.includes('lib/export/share-image-drawing.tsx') && image.includes('site.config.ts'),
    );
    assert.ok(
      !facts.includes('lib/export/share-image-drawing.tsx') &&
        !image.some((file) => file.startsWith('lib/markdown/')),
    );
  });
});

describe('what a change of input rebuilds', () => {
  // A copy of the code and the lock file; each change is made to it, and every key is compared with the last.
  const project = path.join(root, 'project');
  for (const item of ['lib', 'site.config.ts', 'package-lock.json'])
    cpSync(item, path.join(project, item), { recursive: true });
  const keys = () =>
    Object.fromEntries(
      Object.entries(CACHED_OUTPUTS).map(([name, entries]) => [
        name,
        fingerprintOf(entries, project),
      ]),
    );
  const changed = (before: Record<string, string>, now: Record<string, string>) =>
    Object.keys(now)
      .filter((name) => now[name] !== before[name])
      .sort();

  it('a heading rule: the body facts and the HTML, not the share images', () => {
    const before = keys();
    appendFileSync(path.join(project, 'lib/markdown/headings.ts'), '\n// a changed rule\n');
    assert.deepEqual(changed(before, keys()), ['bodyFacts']);
    const beforeHighlight = keys();
    appendFileSync(path.join(project, 'lib/markdown/highlight.ts'), '\n// a changed theme\n');
    assert.deepEqual(changed(beforeHighlight, keys()), ['postHtml']);
  });

  it('a drawing constant: the share images only', () => {
    const before = keys();
    appendFileSync(
      path.join(project, 'lib/export/share-image-drawing.tsx'),
      '\nexport const SOME_PADDING = 81;\n',
    );
    assert.deepEqual(changed(before, keys()), ['shareImage']);
  });

  it('the diagram drawing code: the drawings and the post HTML they are put into', () => {
    const before = keys();
    appendFileSync(path.join(project, 'lib/content/diagrams.ts'), '\n// another theme\n');
    assert.deepEqual(changed(before, keys()), ['diagram', 'postHtml']);
  });

  it('the lock file (a dependency upgraded): everything', () => {
    const before = keys();
    appendFileSync(path.join(project, 'package-lock.json'), '\n');
    assert.deepEqual(changed(before, keys()), [
      'bodyFacts',
      'diagram',
      'imageVariant',
      'postHtml',
      'shareImage',
    ]);
  });

  it('the site config: what reads it', () => {
    const before = keys();
    appendFileSync(path.join(project, 'site.config.ts'), '\n// a new title\n');
    assert.deepEqual(changed(before, keys()), ['postHtml', 'shareImage']);
  });

  it('keys one output by its code and each input, unambiguously', () => {
    assert.notEqual(cacheKey('code', 'ab', 'c'), cacheKey('code', 'a', 'bc'));
    assert.notEqual(cacheKey('code', 'a'), cacheKey('other code', 'a'));
    assert.equal(cacheKey('code', 'a', Buffer.from('b')), cacheKey('code', 'a', 'b'));
  });
});
