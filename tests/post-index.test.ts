import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePostDate, postCategories } from '../lib/content-rules';
import { buildPostIndex, type SourcePost } from '../lib/post-index';

function source(overrides: Partial<SourcePost> & { postSlug: string; date?: string; cats?: string[] }): SourcePost {
  const { date = '2024-01-01', cats = [], ...rest } = overrides;
  return {
    title: `Title of ${overrides.postSlug}`,
    sourcePath: `content/posts/${overrides.postSlug}.md`,
    publishedAt: parsePostDate(date),
    updatedAt: null,
    categoryRefs: postCategories(cats, undefined),
    summary: 'summary',
    readingMinutes: 1,
    isDraft: false,
    headings: [],
    body: { html: '<p>body</p>' },
    ...rest,
  };
}

const options = { showDrafts: false, categoryLabels: {} };

describe('buildPostIndex', () => {
  it('lists posts newest first, by instant', () => {
    const index = buildPostIndex(
      [
        source({ postSlug: 'old', date: '2020-01-01' }),
        source({ postSlug: 'new', date: '2024-06-01 10:00:00 +0200' }),
        source({ postSlug: 'newest', date: '2024-06-01 09:00:00 +0000' }),
      ],
      options,
    );
    assert.deepEqual(index.posts.map((p) => p.slug), ['newest', 'new', 'old']);
    assert.equal(index.posts[0]?.url, '/posts/newest/');
  });

  it('leaves drafts out of every list and lookup unless drafts are shown', () => {
    const sources = [
      source({ postSlug: 'public', cats: ['aws'] }),
      source({ postSlug: 'secret', isDraft: true, cats: ['aws', 'serverless'] }),
    ];
    const index = buildPostIndex(sources, options);
    assert.deepEqual(index.posts.map((p) => p.slug), ['public']);
    assert.equal(index.postBySlug.get('secret'), undefined);
    assert.deepEqual(index.categories.map((c) => c.slug), ['aws']);
    assert.deepEqual(index.categoryBySlug.get('aws')?.posts.map((p) => p.slug), ['public']);
    assert.equal(index.categoryBySlug.get('serverless'), undefined);

    const withDrafts = buildPostIndex(sources, { ...options, showDrafts: true });
    assert.equal(withDrafts.postBySlug.get('secret')?.isDraft, true);
  });

  it('groups categories by slug, named as the newest post spells them', () => {
    const index = buildPostIndex(
      [
        source({ postSlug: 'a', date: '2020-01-01', cats: ['devops'] }),
        source({ postSlug: 'b', date: '2023-01-01', cats: ['DevOps'] }),
      ],
      options,
    );
    assert.equal(index.categories.length, 1);
    assert.equal(index.categories[0]?.name, 'DevOps');
    assert.deepEqual(index.categories[0]?.posts.map((p) => p.slug), ['b', 'a']);
    // Every post shows the one display name.
    assert.equal(index.postBySlug.get('a')?.categories[0]?.name, 'DevOps');
  });

  it('lets the site config label a category', () => {
    const index = buildPostIndex([source({ postSlug: 'a', cats: ['aws'] })], { ...options, categoryLabels: { aws: 'AWS' } });
    assert.equal(index.categories[0]?.name, 'AWS');
    assert.equal(index.categories[0]?.url, '/categories/aws/');
  });

  it('fails on two posts with one slug, naming both files', () => {
    assert.throws(
      () =>
        buildPostIndex(
          [
            source({ postSlug: 'same', sourcePath: 'content/posts/2020-01-01-same.md' }),
            source({ postSlug: 'same', sourcePath: 'content/posts/2021-01-01-other.md' }),
          ],
          options,
        ),
      (error: Error) =>
        error.message.includes('content/posts/2021-01-01-other.md') &&
        error.message.includes('content/posts/2020-01-01-same.md') &&
        error.message.includes('slug'),
    );
  });

  it('fails on an empty title, naming the file', () => {
    assert.throws(() => buildPostIndex([source({ postSlug: 'x', title: '  ' })], options), /content\/posts\/x\.md: title: must not be empty/);
  });

  it('sorts categories by name', () => {
    const index = buildPostIndex([source({ postSlug: 'a', cats: ['zeta', 'Alpha', 'beta'] })], options);
    assert.deepEqual(index.categories.map((c) => c.name), ['Alpha', 'beta', 'zeta']);
  });
});
