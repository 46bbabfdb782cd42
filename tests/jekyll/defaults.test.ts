import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { frontMatterDefaults } from '../../lib/jekyll/defaults';

describe('frontMatterDefaults', () => {
  const sets = [
    { scope: { path: '' }, values: { layout: 'default', author: 'ana', seo: { type: 'article' } } },
    { scope: { path: '', type: 'posts' }, values: { layout: 'post' } },
    { scope: { path: 'notes' }, values: { category: 'Journal', seo: { locale: 'en' } } },
    { scope: { path: 'notes', type: 'post' }, values: { layout: 'note' } },
    { scope: { path: 'blog/*/_posts' }, values: { globbed: true } },
    { scope: { path: '', type: 'pages' }, values: { layout: 'page' } },
  ];

  it('applies every matching set, the longer path and then the typed set winning, hashes merged', () => {
    assert.deepEqual(frontMatterDefaults(sets, 'notes/_posts/2024-01-01-a.md', 'posts'), {
      layout: 'note',
      author: 'ana',
      seo: { type: 'article', locale: 'en' },
      category: 'Journal',
    });
  });

  it('matches types, drafts as posts, and globs', () => {
    assert.equal(frontMatterDefaults(sets, '_posts/2024-01-01-a.md', 'posts').layout, 'post');
    assert.equal(frontMatterDefaults(sets, '_drafts/a.md', 'drafts').layout, 'post');
    assert.equal(frontMatterDefaults(sets, 'about.md', 'pages').layout, 'page');
    assert.equal(frontMatterDefaults(sets, 'blog/x/_posts/2024-01-01-a.md', 'posts').globbed, true);
    assert.equal(
      frontMatterDefaults(sets, 'blog/_posts/2024-01-01-a.md', 'posts').globbed,
      undefined,
    );
  });

  it('matches a scope path as a prefix of the file path, as Jekyll does', () => {
    assert.equal(
      frontMatterDefaults(sets, 'notes-old/_posts/2024-01-01-a.md', 'posts').category,
      'Journal',
    );
  });
});
