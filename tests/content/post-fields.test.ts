import assert from 'node:assert/strict';
import { DEFAULT_DIALECT } from '../../lib/markdown/dialect';
import { describe, it } from 'node:test';
import { computeBodyFacts, derivePostFields, distinctSlugs } from '../../lib/content/post-fields';

describe('derived fields of a post', () => {
  const facts = computeBodyFacts('First paragraph.', undefined, DEFAULT_DIALECT);

  // The one place the rule is written: the post index downstream never sees a post without fields.
  it('refuses an empty title, naming the file, and derives no fields', () => {
    const { fields, errors } = derivePostFields({ title: '  ', date: '2024-01-01' }, facts, {
      sourcePath: 'content/posts/x.md',
    });
    assert.equal(fields, null);
    assert.deepEqual(
      errors.map((error) => error.message),
      ['content/posts/x.md: title: must not be empty'],
    );
  });

  it('takes the excerpt from the body when front matter has none', () => {
    const { fields } = derivePostFields({ title: 'T', date: '2024-01-01' }, facts, {
      sourcePath: 'content/posts/x.md',
    });
    assert.equal(fields?.summary, 'First paragraph.');
    assert.equal(fields?.hasOwnExcerpt, false);
  });
});

describe('posts that share a slug', () => {
  const header = (sourcePath: string, day: string, postSlug = 'notes') => ({
    sourcePath,
    postSlug,
    publishedAt: { epochMs: Date.parse(day), day, iso: `${day}T00:00:00Z` },
  });

  it('are all published: the earliest keeps the slug, each later one gets its day, warned naming both', () => {
    const { slugs, warnings } = distinctSlugs([
      header('b.md', '2024-02-01'),
      header('a.md', '2023-01-01'),
      header('c.md', '2024-02-01'),
      header('d.md', '2024-02-02', 'notes-2024-02-01'),
      header('e.md', '2020-01-01', 'alone'),
    ]);
    assert.deepEqual(
      [...slugs],
      [
        ['b.md', 'notes-2024-02-01-2'],
        ['c.md', 'notes-2024-02-01-3'],
      ],
    );
    assert.deepEqual(
      warnings.map((warning) => warning.message),
      [
        'b.md: slug: "notes" is also the slug of a.md, published earlier; this post is published as "notes-2024-02-01-2"',
        'c.md: slug: "notes" is also the slug of a.md, published earlier; this post is published as "notes-2024-02-01-3"',
      ],
    );
  });
});
