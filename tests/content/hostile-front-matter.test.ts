/** Hostile front matter (issue 12, items 7 and 9): problems with a line, never a throw. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFrontMatter } from '../../lib/content/front-matter';

const HEAD = 'title: T\ndate: 2024-01-01\n';

describe('hostile YAML', () => {
  it('reports a "billion laughs" alias bomb at the line of its first alias', () => {
    const names = 'abcdefghij';
    const levels = Array.from(
      { length: 9 },
      (_, i) => `${names[i + 1]}: &${names[i + 1]} [${Array(9).fill(`*${names[i]}`).join(',')}]`,
    );
    const yaml = `${HEAD}a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n${levels.join('\n')}\n`;
    const started = performance.now();
    const { problems } = parseFrontMatter(yaml);
    assert.ok(performance.now() - started < 2_000);
    assert.deepEqual(problems, [
      {
        line: 5,
        field: 'front matter',
        message:
          'uses YAML aliases (*name) too many times, which could expand without bound; write the values out',
      },
    ]);
  });

  it('reports flow collections and indentation nested too deeply', () => {
    for (const yaml of [
      `${HEAD}x: ${'['.repeat(5_000)}${']'.repeat(5_000)}\n`,
      `${HEAD}${Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')}\n`,
    ]) {
      const { problems } = parseFrontMatter(yaml);
      assert.ok(problems.length > 0);
      assert.ok(
        problems.every((problem) => problem.field === 'front matter' && problem.line >= 4),
        JSON.stringify(problems),
      );
      assert.ok(
        problems.some((problem) => problem.message === 'is nested too deeply to read; flatten it'),
      );
    }
  });
});

describe('control characters', () => {
  it('refuses them in the title, excerpt, categories and slug, naming the character and the line', () => {
    const yaml =
      'title: "Bell \\a here"\ndate: 2024-01-01\ncategories: [aws, "x\\u0085y"]\ncategory: "\\u007f"\nexcerpt: "nul \\0"\nslug: "a\\nb"\n';
    assert.deepEqual(parseFrontMatter(yaml).problems, [
      { line: 2, field: 'title', message: 'contains the control character U+0007; remove it' },
      { line: 4, field: 'categories', message: 'contains the control character U+0085; remove it' },
      { line: 5, field: 'category', message: 'contains the control character U+007F; remove it' },
      { line: 6, field: 'excerpt', message: 'contains the control character U+0000; remove it' },
      { line: 7, field: 'slug', message: 'contains the control character U+000A; remove it' },
    ]);
  });

  it('allows tabs, and the line breaks of block scalars in titles and excerpts', () => {
    const yaml =
      'title: "Tab\\there"\ndate: 2024-01-01\nexcerpt: >\n  Folded\n  text.\ncategories: aws devops\n';
    const { data, problems } = parseFrontMatter(yaml);
    assert.deepEqual(problems, []);
    assert.equal(data.excerpt, 'Folded text.\n');
  });
});
