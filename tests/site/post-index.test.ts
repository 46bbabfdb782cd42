import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePostDate, postAuthors, postCategories, postTags } from '../../lib/content/rules';
import { buildPostIndex, type SourcePost } from '../../lib/site/post-index';

function source(
  overrides: Partial<SourcePost> & {
    postSlug: string;
    date?: string;
    cats?: string[];
    tags?: string[];
  },
): SourcePost {
  const { date = '2024-01-01', cats = [], tags = [], ...rest } = overrides;
  return {
    title: `Title of ${overrides.postSlug}`,
    sourcePath: `content/posts/${overrides.postSlug}.md`,
    publishedAt: parsePostDate(date),
    updatedAt: null,
    categoryRefs: postCategories(cats, undefined),
    tagRefs: postTags(tags, undefined),
    summary: 'summary',
    readingMinutes: 1,
    isDraft: false,
    headings: [],
    html: '<p>body</p>',
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
    assert.deepEqual(
      index.posts.map((p) => p.slug),
      ['newest', 'new', 'old'],
    );
    assert.equal(index.posts[0]?.url, '/posts/newest/');
  });

  it('leaves drafts out of every list and lookup unless drafts are shown', () => {
    const sources = [
      source({ postSlug: 'public', cats: ['aws'] }),
      source({ postSlug: 'secret', isDraft: true, cats: ['aws', 'serverless'] }),
    ];
    const index = buildPostIndex(sources, options);
    assert.deepEqual(
      index.posts.map((p) => p.slug),
      ['public'],
    );
    assert.equal(index.postBySlug.get('secret'), undefined);
    assert.deepEqual(
      index.categories.map((c) => c.slug),
      ['aws'],
    );
    assert.deepEqual(
      index.categoryBySlug.get('aws')?.posts.map((p) => p.slug),
      ['public'],
    );
    assert.equal(index.categoryBySlug.get('serverless'), undefined);

    const withDrafts = buildPostIndex(sources, { ...options, showDrafts: true });
    assert.equal(withDrafts.postBySlug.get('secret')?.isDraft, true);
  });

  it('leaves posts dated after the build out, unless future posts are shown', () => {
    const now = Date.UTC(2025, 0, 1);
    const sources = [
      source({ postSlug: 'past', date: '2024-12-31', cats: ['aws'] }),
      source({ postSlug: 'future', date: '2025-01-01 00:00:01 +0000', cats: ['later'] }),
    ];
    const index = buildPostIndex(sources, { ...options, now });
    assert.deepEqual(
      index.posts.map((p) => p.slug),
      ['past'],
    );
    assert.equal(index.categoryBySlug.get('later'), undefined);
    const withFuture = buildPostIndex(sources, { ...options, now, showFuture: true });
    assert.deepEqual(
      withFuture.posts.map((p) => [p.slug, p.isFuture]),
      [
        ['future', true],
        ['past', false],
      ],
    );
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
    assert.deepEqual(
      index.categories[0]?.posts.map((p) => p.slug),
      ['b', 'a'],
    );
    // Every post shows the one display name.
    assert.equal(index.postBySlug.get('a')?.categories[0]?.name, 'DevOps');
  });

  it('lets the site config label a category', () => {
    const index = buildPostIndex([source({ postSlug: 'a', cats: ['aws'] })], {
      ...options,
      categoryLabels: { aws: 'AWS' },
    });
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

  it('links each post to the one published before and after it', () => {
    const index = buildPostIndex(
      [
        source({ postSlug: 'a', date: '2020-01-01' }),
        source({ postSlug: 'b', date: '2021-01-01' }),
        source({ postSlug: 'c', date: '2022-01-01' }),
      ],
      options,
    );
    const b = index.postBySlug.get('b');
    assert.equal(b?.previous?.slug, 'a');
    assert.equal(b?.next?.slug, 'c');
    assert.equal(index.postBySlug.get('a')?.previous, null);
    assert.equal(index.postBySlug.get('c')?.next, null);
  });

  it('finds related posts by most shared categories, then newest', () => {
    const index = buildPostIndex(
      [
        source({ postSlug: 'me', date: '2020-06-01', cats: ['aws', 'devops', 'security'] }),
        source({ postSlug: 'one-old', date: '2019-01-01', cats: ['aws'] }),
        source({ postSlug: 'one-new', date: '2024-01-01', cats: ['security'] }),
        source({ postSlug: 'two-old', date: '2018-01-01', cats: ['aws', 'devops'] }),
        source({
          postSlug: 'three',
          date: '2017-01-01',
          cats: ['security', 'devops', 'aws', 'extra'],
        }),
        source({ postSlug: 'two-new', date: '2023-01-01', cats: ['devops', 'security'] }),
        source({ postSlug: 'none', date: '2025-01-01', cats: ['react'] }),
      ],
      options,
    );
    assert.deepEqual(
      index.postBySlug.get('me')?.related.map((p) => p.slug),
      ['three', 'two-new', 'two-old'],
    );
    assert.deepEqual(index.postBySlug.get('none')?.related, []);
    assert.deepEqual(
      index.postBySlug.get('one-old')?.related.map((p) => p.slug),
      ['me', 'two-old', 'three'],
    );
  });

  it('matches a brute-force ranking on a larger random corpus', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    // Three categories and three tags, one of them spelled like a category: a shared category and a shared
    // tag count one each, and a category "a" is not the tag "a".
    const categoryNames = ['a', 'b', 'c'];
    const tagNames = ['a', 'x', 'y'];
    const sources = Array.from({ length: 300 }, (_, i) =>
      source({
        postSlug: `p${i}`,
        date: `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
        cats: categoryNames.filter(() => random() < 0.35),
        tags: tagNames.filter(() => random() < 0.35),
      }),
    );
    const index = buildPostIndex(sources, options);
    const posts = index.posts;
    const termsOf = (post: (typeof posts)[number]) => [
      ...post.categories.map((c) => `category ${c.slug}`),
      ...post.tags.map((t) => `tag ${t.slug}`),
    ];
    for (const post of posts) {
      const mine = new Set(termsOf(post));
      const expected = posts
        .map((other, position) => ({
          other,
          position,
          shared: termsOf(other).filter((term) => mine.has(term)).length,
        }))
        .filter(({ other, shared }) => other.slug !== post.slug && shared > 0)
        .sort((x, y) => y.shared - x.shared || x.position - y.position)
        .slice(0, 3)
        .map(({ other }) => other.slug);
      assert.deepEqual(
        index.postBySlug.get(post.slug)?.related.map((p) => p.slug),
        expected,
        post.slug,
      );
    }
  });

  it('weighs shared tags as shared categories: one each', () => {
    const index = buildPostIndex(
      [
        source({ postSlug: 'me', date: '2020-06-01', cats: ['aws'], tags: ['lambda', 'cost'] }),
        source({ postSlug: 'category-only', date: '2024-01-01', cats: ['aws'] }),
        source({ postSlug: 'both', date: '2019-01-01', cats: ['aws'], tags: ['cost'] }),
        source({ postSlug: 'two-tags', date: '2018-01-01', tags: ['cost', 'lambda'] }),
        // The tag "aws" is not the category "aws".
        source({ postSlug: 'tag-named-aws', date: '2025-01-01', tags: ['aws'] }),
      ],
      options,
    );
    assert.deepEqual(
      index.postBySlug.get('me')?.related.map((p) => p.slug),
      ['both', 'two-tags', 'category-only'],
    );
  });

  it('groups posts by tag, named as the newest post spells it or as the site config says', () => {
    const index = buildPostIndex(
      [
        source({ postSlug: 'old', date: '2020-01-01', tags: ['javascript', 'Node.js'] }),
        source({ postSlug: 'new', date: '2024-01-01', tags: ['JavaScript'] }),
        source({ postSlug: 'draft', date: '2024-02-01', tags: ['drafts-only'], isDraft: true }),
      ],
      { ...options, tagLabels: { 'node-js': 'Node' } },
    );
    assert.deepEqual(
      index.tags.map((tag) => [tag.name, tag.url, tag.posts.map((post) => post.slug)]),
      [
        ['JavaScript', '/tags/javascript/', ['new', 'old']],
        ['Node', '/tags/node-js/', ['old']],
      ],
    );
    assert.equal(index.tagBySlug.get('drafts-only'), undefined);
    assert.deepEqual(
      index.postBySlug.get('old')?.tags.map((tag) => tag.name),
      ['JavaScript', 'Node'],
    );
    // Tags and categories are separate: a tag is no category.
    assert.deepEqual(index.categories, []);
  });

  it('groups the archive by year, newest first', () => {
    const index = buildPostIndex(
      [
        source({ postSlug: 'a', date: '2020-03-01' }),
        source({ postSlug: 'b', date: '2021-01-01' }),
        source({ postSlug: 'c', date: '2020-09-01' }),
      ],
      options,
    );
    assert.deepEqual(
      index.years.map((y) => [y.year, y.posts.map((p) => p.slug)]),
      [
        [2021, ['b']],
        [2020, ['c', 'a']],
      ],
    );
  });

  it('adds the base path to root-relative links in post bodies', () => {
    const index = buildPostIndex([source({ postSlug: 'a', html: '<a href="/posts/b/">b</a>' })], {
      ...options,
      basePath: '/blog',
    });
    assert.equal(index.postBySlug.get('a')?.html, '<a href="/blog/posts/b/">b</a>');
  });

  it('sorts categories by name', () => {
    const index = buildPostIndex(
      [source({ postSlug: 'a', cats: ['zeta', 'Alpha', 'beta'] })],
      options,
    );
    assert.deepEqual(
      index.categories.map((c) => c.name),
      ['Alpha', 'beta', 'zeta'],
    );
  });

  describe('authors', () => {
    const siteAuthor = { name: 'Site Owner', url: 'https://example.com' };
    const written = (postSlug: string, authors: string[]) =>
      source({ postSlug, authorRefs: postAuthors(authors, undefined) });

    it('has no authors on a blog whose posts have one, written or not', () => {
      const index = buildPostIndex([written('a', ['Site Owner']), source({ postSlug: 'b' })], {
        ...options,
        siteAuthor,
      });
      assert.deepEqual(index.authors, []);
      assert.equal(index.authorBySlug.size, 0);
      // Every post still knows its author (feeds and structured data may name it).
      assert.deepEqual(
        index.posts.map((post) => post.authors.map((author) => author.slug)),
        [['site-owner'], ['site-owner']],
      );
    });

    it("groups posts by author, the site's author standing for posts that name none", () => {
      const index = buildPostIndex(
        [
          written('a', ['ada', 'Sam Lee']),
          { ...written('b', ['ada']), publishedAt: parsePostDate('2024-02-01') },
          source({ postSlug: 'c' }),
        ],
        {
          ...options,
          siteAuthor,
          authorProfiles: [{ slug: 'ada', name: 'Ada Okafor', bio: 'Writes.', links: [] }],
        },
      );
      assert.deepEqual(
        index.authors.map((author) => [
          author.name,
          author.url,
          author.posts.map((post) => post.slug),
        ]),
        [
          ['Ada Okafor', '/authors/ada/', ['b', 'a']],
          ['Sam Lee', '/authors/sam-lee/', ['a']],
          ['Site Owner', '/authors/site-owner/', ['c']],
        ],
      );
      assert.equal(index.authorBySlug.get('ada')?.profile.bio, 'Writes.');
      // A name no profile describes is shown as written; the site's author links to its URL.
      assert.deepEqual(index.authorBySlug.get('sam-lee')?.profile, {
        slug: 'sam-lee',
        name: 'Sam Lee',
        links: [],
      });
      assert.deepEqual(index.authorBySlug.get('site-owner')?.profile.links, [
        { label: 'Website', url: 'https://example.com' },
      ]);
      assert.deepEqual(
        index.postBySlug.get('a')?.authors.map((author) => author.name),
        ['Ada Okafor', 'Sam Lee'],
      );
    });

    it("takes a profile of the site author's name for the site author: one person is one author", () => {
      const index = buildPostIndex([written('a', ['jane']), source({ postSlug: 'b' })], {
        ...options,
        siteAuthor: { name: 'Jane Doe' },
        authorProfiles: [{ slug: 'jane', name: 'Jane Doe', links: [] }],
      });
      assert.deepEqual(index.authors, []);
      assert.deepEqual(
        index.posts.map((post) => post.authors.map((author) => [author.slug, author.name])),
        [[['jane', 'Jane Doe']], [['jane', 'Jane Doe']]],
      );
    });

    it('reads names, not Object.prototype: an author or a category called "constructor"', () => {
      const index = buildPostIndex(
        [
          {
            ...written('a', ['constructor']),
            categoryRefs: postCategories(['constructor'], undefined),
          },
          source({ postSlug: 'b' }),
        ],
        { ...options, siteAuthor },
      );
      assert.equal(index.authorBySlug.get('constructor')?.name, 'constructor');
      assert.equal(index.categoryBySlug.get('constructor')?.name, 'constructor');
    });

    it('counts only published posts: a draft by a second author makes no author page', () => {
      const index = buildPostIndex(
        [source({ postSlug: 'a' }), { ...written('b', ['ada']), isDraft: true }],
        { ...options, siteAuthor },
      );
      assert.deepEqual(index.authors, []);
    });
  });
});
