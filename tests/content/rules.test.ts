import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  categorySlug,
  isDraft,
  parsePostDate,
  permalinkProblem,
  postCategories,
  postAuthors,
  postTags,
  postSlug,
  readingMinutes,
} from '../../lib/content/rules';

describe('parsePostDate', () => {
  it('reads a plain day as midnight UTC', () => {
    assert.deepEqual(parsePostDate('2024-11-15'), {
      day: '2024-11-15',
      iso: '2024-11-15T00:00:00Z',
      epochMs: Date.UTC(2024, 10, 15),
    });
  });

  it("reads Jekyll's date with time and offset, keeping the author's day", () => {
    const date = parsePostDate('2023-06-01 14:30:00 +0200');
    assert.equal(date.day, '2023-06-01');
    assert.equal(date.iso, '2023-06-01T14:30:00+02:00');
    assert.equal(date.epochMs, Date.UTC(2023, 5, 1, 12, 30));
  });

  it('keeps the written day even when UTC is already the next day', () => {
    const date = parsePostDate('2023-06-01 23:30:00 -0500');
    assert.equal(date.day, '2023-06-01');
    assert.equal(new Date(date.epochMs).toISOString(), '2023-06-02T04:30:00.000Z');
  });

  it('reads ISO 8601 with Z, with an offset and with fractions', () => {
    assert.equal(parsePostDate('2021-12-31T23:30:00Z').epochMs, Date.UTC(2021, 11, 31, 23, 30));
    assert.equal(parsePostDate('2022-01-20T09:15:00-05:00').iso, '2022-01-20T09:15:00-05:00');
    assert.equal(
      parsePostDate('2022-01-20T09:15:00.250Z').epochMs,
      Date.UTC(2022, 0, 20, 9, 15, 0, 250),
    );
    assert.equal(parsePostDate('2022-01-20 09:15').iso, '2022-01-20T09:15:00Z');
  });

  it('orders dates with offsets by their instant', () => {
    assert.ok(
      parsePostDate('2023-06-01 10:00:00 +0200').epochMs <
        parsePostDate('2023-06-01 09:00:00 +0000').epochMs,
    );
  });

  for (const impossible of [
    '2024-13-45',
    '2024-00-10',
    '2023-02-29',
    '2024-04-31',
    '2024-01-01 25:00:00',
    '2024-01-01 10:61',
  ]) {
    it(`rejects the impossible date ${impossible}`, () => {
      assert.throws(() => parsePostDate(impossible), /impossible|no month/);
    });
  }

  it('accepts 29 February in a leap year', () => {
    assert.equal(parsePostDate('2024-02-29').day, '2024-02-29');
  });

  for (const garbage of ['yesterday', '15/11/2024', '', '2024-11-15 at noon']) {
    it(`rejects "${garbage}" as not a date`, () => {
      assert.throws(() => parsePostDate(garbage), /is not a date/);
    });
  }
});

describe('postSlug', () => {
  it('drops the extension and the Jekyll date prefix', () => {
    assert.equal(
      postSlug('2024-11-15-aws-architecture-best-practices-for-2024.md'),
      'aws-architecture-best-practices-for-2024',
    );
    assert.equal(postSlug('nested/dir/2019-5-2-short-date.md'), 'short-date');
    assert.equal(postSlug('no-date-prefix.md'), 'no-date-prefix');
  });

  it('prefers the slug in front matter', () => {
    assert.equal(postSlug('2024-01-01-anything.md', 'chosen-slug'), 'chosen-slug');
    assert.equal(postSlug('2024-01-01-anything.md', '  /trimmed/ '), 'trimmed');
    assert.equal(postSlug('2024-01-01-anything.md', ''), 'anything');
  });

  it('rejects a slug that cannot be a URL segment, saying why', () => {
    assert.throws(
      () => postSlug('a.md', 'two words'),
      /"two words" has U\+0020; a slug is letters, digits/,
    );
    assert.throws(() => postSlug('a.md', 'a/b'), /has "\/"/);
    assert.throws(() => postSlug('a.md', '..'), /is a folder name of its own/);
    assert.throws(() => postSlug('a.md', '.hidden'), /starts with "\."/);
    assert.throws(() => postSlug('a.md', '100%'), /has "%"/);
    assert.throws(() => postSlug('a.md', 'a\u0000b'), /"a\?b" has U\+0000/);
    assert.throws(
      () => postSlug('a.md', 'x'.repeat(300)),
      /300 characters long in a URL, more than 150/,
    );
    assert.throws(() => postSlug('a.md', 'é'.repeat(30)), /180 characters long in a URL/);
  });

  it('rejects a file name that gives an unusable slug, and says to rename it or add a slug', () => {
    assert.throws(
      () => postSlug('2024-01-01-a%zz.md'),
      /the file name gives the slug "a%zz", which has "%"; a slug is .*; rename the file or add a "slug" field/,
    );
    assert.throws(() => postSlug('2024-01-01-a#b.md'), /has "#"/);
    assert.throws(() => postSlug('2024-01-01-a?b.md'), /has "\?"/);
    assert.throws(() => postSlug('2024-01-01-a\nb.md'), /"a\?b", which has U\+000A/);
    assert.equal(postSlug('2024-01-01-a%zz.md', 'fine'), 'fine');
  });

  it('keeps letters of any script, digits, "-", "_", "." and "~"', () => {
    assert.equal(postSlug('2019-07-14-ça-marche.markdown'), 'ça-marche');
    assert.equal(postSlug('a.md', 'v1.2_notes~draft'), 'v1.2_notes~draft');
    assert.equal(postSlug('a.md', 'ウェブ'), 'ウェブ');
  });

  it('rejects a file name that leaves nothing', () => {
    assert.throws(() => postSlug('2024-01-01-.md'), /leaves no slug/);
  });
});

describe('categorySlug', () => {
  it('lowercases, strips accents and joins runs of other characters with one hyphen', () => {
    assert.equal(categorySlug('DevOps'), 'devops');
    assert.equal(categorySlug('Cloud Computing'), 'cloud-computing');
    assert.equal(categorySlug('Café Ops'), 'cafe-ops');
    assert.equal(categorySlug('  C++ & Rust!! '), 'c-rust');
    assert.equal(categorySlug('Über--Straße'), 'uber-straße');
    assert.equal(categorySlug('Node.js 20'), 'node-js-20');
  });

  it('makes DevOps and devops one category', () => {
    assert.equal(categorySlug('DevOps'), categorySlug('devops'));
  });
});

describe('postCategories', () => {
  it('reads a YAML list', () => {
    assert.deepEqual(postCategories(['aws', 'DevOps'], undefined), [
      { name: 'aws', slug: 'aws' },
      { name: 'DevOps', slug: 'devops' },
    ]);
  });

  it('reads a space-separated string as Jekyll does', () => {
    assert.deepEqual(
      postCategories('aws devops', undefined).map((c) => c.slug),
      ['aws', 'devops'],
    );
  });

  it('reads `category` as one name with spaces', () => {
    assert.deepEqual(postCategories(undefined, 'Cloud Computing'), [
      { name: 'Cloud Computing', slug: 'cloud-computing' },
    ]);
  });

  it('merges both fields and drops duplicates by slug', () => {
    assert.deepEqual(
      postCategories(['DevOps', 'devops'], 'DEVOPS').map((c) => c.name),
      ['DevOps'],
    );
  });

  it('accepts neither field, and an empty list', () => {
    assert.deepEqual(postCategories(undefined, undefined), []);
    assert.deepEqual(postCategories([], null), []);
  });

  it('rejects categories that are not names', () => {
    assert.throws(() => postCategories({ a: 1 }, undefined), /must be a list/);
    assert.throws(() => postCategories([['nested']], undefined), /must be a name/);
    assert.throws(() => postCategories(undefined, ['a']), /must be one name/);
  });
});

describe('postTags', () => {
  it("reads a YAML list and a space-separated string, matched by the categories' slug rule", () => {
    assert.deepEqual(postTags(['Node.js', 'Café', 'node-js'], undefined), [
      { name: 'Node.js', slug: 'node-js' },
      { name: 'Café', slug: 'cafe' },
    ]);
    assert.deepEqual(
      postTags('aws  lambda\tcost', undefined).map((tag) => tag.slug),
      ['aws', 'lambda', 'cost'],
    );
  });

  it('reads `tag` as one name, and then ignores `tags`, as Jekyll does', () => {
    assert.deepEqual(postTags(['a', 'b'], 'Machine Learning'), [
      { name: 'Machine Learning', slug: 'machine-learning' },
    ]);
    assert.deepEqual(postTags(undefined, undefined), []);
    assert.deepEqual(postTags(null, null), []);
  });

  it('names the field that is not a name', () => {
    assert.throws(() => postTags({ a: 1 }, undefined), /"tags" must be a list/);
    assert.throws(() => postTags([{ a: 1 }], undefined), /every entry of "tags"/);
    assert.throws(() => postTags(undefined, ['a']), /"tag" must be one name/);
  });
});

describe('postAuthors', () => {
  it('reads `authors` then `author`: keys or names, one or a list, deduplicated by slug', () => {
    assert.deepEqual(postAuthors(['ada', 'Sam Lee'], 'ADA'), [
      { name: 'ada', slug: 'ada' },
      { name: 'Sam Lee', slug: 'sam-lee' },
    ]);
    assert.deepEqual(postAuthors(undefined, ['Zoë', 'Bo']), [
      { name: 'Zoë', slug: 'zoe' },
      { name: 'Bo', slug: 'bo' },
    ]);
    assert.deepEqual(postAuthors(null, undefined), []);
  });

  it("reads jekyll-seo-tag's object with a name, or with only a twitter user name", () => {
    assert.deepEqual(postAuthors(undefined, { name: 'Jane Doe', twitter: 'jane' }), [
      { name: 'Jane Doe', slug: 'jane-doe' },
    ]);
    assert.deepEqual(postAuthors(undefined, { twitter: 'janedoe' }), [
      { name: 'janedoe', slug: 'janedoe' },
    ]);
  });

  it('refuses what is not a name, a control character and a name too long to show', () => {
    assert.throws(() => postAuthors(undefined, { url: 'https://x' }), /must be a name/);
    // Short in characters, too long in a URL: `/authors/<540 characters>/`.
    assert.throws(() => postAuthors('字'.repeat(60), undefined), /540 characters long in a URL/);
    assert.throws(() => postAuthors([['nested']], undefined), /must be a name/);
    assert.throws(() => postAuthors('Ada\u0007', undefined), /control character/);
    assert.throws(() => postAuthors('x'.repeat(101), undefined), /more than 100/);
  });
});

describe('isDraft', () => {
  it('treats published: false and draft: true as drafts', () => {
    assert.equal(isDraft({ published: false }), true);
    assert.equal(isDraft({ draft: true }), true);
    assert.equal(isDraft({}), false);
    assert.equal(isDraft({ published: true, draft: false }), false);
  });
});

describe('readingMinutes', () => {
  it('is at least one minute and grows with the words', () => {
    assert.equal(readingMinutes(''), 1);
    assert.equal(readingMinutes('word '.repeat(220 * 5)), 5);
  });
});

describe('permalinkProblem', () => {
  it('accepts old paths as Jekyll wrote them', () => {
    for (const path of ['/2019/05/20/moved-post.html', '/old-url/', '/blog/ça-marche', '/a b/'])
      assert.equal(permalinkProblem(path), null, path);
  });

  it('refuses what is not a path of the export, saying why', () => {
    const cases: [string, RegExp][] = [
      ['javascript:alert(1)', /a URL with a scheme/],
      ['https://evil.example/', /a URL with a scheme/],
      ['old/', /must start with "\/"/],
      ['//evil.example/x', /another host/],
      ['/a/../../etc/passwd', /"\." or "\.\." segments/],
      ['/a/./b', /"\." or "\.\." segments/],
      ['/a\u0000b', /control character U\+0000/],
      ['/:categories/:title/', /pattern/],
      ['/a?b=1', /pattern or has a query/],
      ['/a\\b', /may not contain/],
      ['/a%2e%2e/', /may not contain/],
      ['/a//b', /empty segment/],
      ['/.git/config', /starting with "\."/],
      [`/${'x'.repeat(201)}/`, /segment of 201 bytes, more than 200/],
      [`/${'abc/'.repeat(120)}`, /more than 400/],
    ];
    for (const [path, expected] of cases)
      assert.match(permalinkProblem(path) ?? 'accepted', expected, JSON.stringify(path));
  });
});
