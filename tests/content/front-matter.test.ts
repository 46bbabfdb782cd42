import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fieldLine, parseFrontMatter, splitFrontMatter } from '../../lib/content/front-matter';

describe('front matter', () => {
  it('splits at the fences and counts the lines before the body', () => {
    assert.deepEqual(splitFrontMatter('---\ntitle: A\ndate: 2024-01-01\n---\n\nBody\n'), {
      yaml: 'title: A\ndate: 2024-01-01\n',
      body: '\nBody\n',
      bodyLineOffset: 4,
    });
    assert.equal(splitFrontMatter('No front matter'), null);
    assert.equal(splitFrontMatter('---\ntitle: never closed\n'), null);
  });

  it('reads Jekyll dates as the text written, and numbers in text fields as text', () => {
    const { data, problems } = parseFrontMatter(
      'title: 2024\ndate: 2023-06-01 14:30:00 +0200\nslug: 404\n',
    );
    assert.deepEqual(problems, []);
    assert.equal(data.title, '2024');
    assert.equal(data.date, '2023-06-01 14:30:00 +0200');
    assert.equal(data.slug, '404');
  });

  it('reports every problem with the line of its field (line 1 is the opening ---)', () => {
    const { problems } = parseFrontMatter(
      'layout: post\ndraft: maybe\ncategories: [a]\npublished: 1\n',
    );
    // Neither title nor date is required here: the file name gives them (lib/content/post-fields.ts).
    assert.deepEqual(problems, [
      { line: 5, field: 'published', message: 'must be true or false, not 1' },
      { line: 3, field: 'draft', message: 'must be true or false, not "maybe"' },
    ]);
  });

  it("puts a Jekyll site's defaults under the file's own fields and checks them too", () => {
    const { data, problems } = parseFrontMatter('title: Own\nseo: { type: own }\n', {
      title: 'Default',
      layout: 'post',
      seo: { type: 'article', locale: 'en' },
      published: 'sometimes',
    });
    assert.deepEqual(data.seo, { type: 'own', locale: 'en' });
    assert.equal(data.title, 'Own');
    assert.equal(data.layout, 'post');
    assert.deepEqual(problems, [
      {
        line: 4,
        field: 'published',
        message: 'must be true or false, not "sometimes" (a front-matter default of _config.yml)',
      },
    ]);
  });

  it('reports YAML errors, tabs and duplicate fields with their line', () => {
    assert.deepEqual(
      parseFrontMatter('title: A\ndate: 2024-01-01\ncategories:\n\t- aws\n').problems.map((p) => [
        p.line,
        p.field,
      ]),
      [[5, 'front matter']],
    );
    assert.match(
      parseFrontMatter('title: A\ntitle: B\ndate: 2024-01-01\n').problems[0]?.message ?? '',
      /unique/i,
    );
    assert.equal(
      parseFrontMatter('- just\n- a list\n').problems[0]?.message,
      'must be a list of "field: value" lines',
    );
  });

  it('finds the line of a field for problems found later', () => {
    assert.equal(fieldLine('title: A\ndate: x\n', 'date'), 3);
    assert.equal(fieldLine('title: A\n', 'slug'), 3);
  });
});
