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

  it("reads jekyll-redirect-from's redirect_to: a site path or an http(s) URL, the first of a list", () => {
    const target = (value: unknown) => {
      const { fields, errors } = derivePostFields(
        { title: 'T', date: '2024-01-01', redirect_to: value },
        facts,
        { sourcePath: 'x.md' },
      );
      return fields ? fields.redirectTo : errors.map((error) => error.message).join();
    };
    assert.equal(target(undefined), '');
    assert.equal(target('/new-place/'), '/new-place/');
    assert.equal(
      target(['https://elsewhere.example/x', '/ignored/']),
      'https://elsewhere.example/x',
    );
    for (const bad of ['new-place', '//elsewhere.example/x', 'javascript:alert(1)', 5, '/a b/'])
      assert.match(String(target(bad)), /^x\.md: redirect_to: must be the path/);
  });

  it("reads jekyll-seo-tag's image: a site path, a URL, or a map with a path; refuses anything else", () => {
    const image = (value: unknown) => {
      const { fields, errors } = derivePostFields(
        { title: 'T', date: '2024-01-01', image: value },
        facts,
        { sourcePath: 'x.md' },
      );
      return fields ? fields.shareImage : errors.map((error) => error.message).join();
    };
    assert.equal(image(undefined), '');
    assert.equal(image('/img/card.png'), '/img/card.png');
    assert.equal(image('img/card.png'), '/img/card.png');
    assert.equal(
      image({ path: 'https://cdn.example/c.png', height: 630 }),
      'https://cdn.example/c.png',
    );
    assert.match(String(image(5)), /^x\.md: image: must be an image path or URL/);
    assert.match(String(image({ alt: 'no path' })), /^x\.md: image: must be an image path or URL/);
    assert.match(
      String(image('javascript:alert(1)')),
      /is neither a path of the site nor an http\(s\) URL/,
    );
    assert.match(String(image('//cdn.example/c.png')), /is neither a path/);
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
