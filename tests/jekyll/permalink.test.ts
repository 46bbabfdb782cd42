/**
 * URLs as Jekyll 4.3.1 gives them. The first table is jekyllrb.com/docs/permalinks/ ("Permalink style
 * examples" and "Built-in formats"); every other expected value was produced by a real `jekyll build`
 * through scripts/jekyll-url-probe.ts. URLs are decoded (the file's path under _site).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJekyllDate } from '../../lib/jekyll/dates';
import {
  jekyllFolderCategories,
  jekyllOutputPath,
  jekyllPageUrl,
  jekyllPostCategories,
  jekyllPostUrl,
  jekyllSlugify,
  jekyllTitleFromSlug,
  type JekyllPostUrlInput,
} from '../../lib/jekyll/permalink';

/** A post as a Jekyll site holds it: file path in the site, front matter fields, site settings. */
function urlOf(
  relativePath: string,
  options: {
    sitePermalink?: string;
    permalink?: string;
    categories?: unknown;
    category?: unknown;
    slug?: string;
    date?: string;
    plainDate?: boolean;
    timeZone?: string;
  } = {},
): string {
  const fileName = relativePath.slice(relativePath.lastIndexOf('/') + 1);
  const [, fileDate, fileSlug, extension] = /^(\d{2,4}-\d{1,2}-\d{1,2})-(.*)(\.[^.]+)$/.exec(
    fileName,
  )!;
  const input: JekyllPostUrlInput = {
    sitePermalink: options.sitePermalink,
    postPermalink: options.permalink,
    categories: jekyllPostCategories({
      folderCategories: jekyllFolderCategories(relativePath),
      categories: options.categories,
      category: options.category,
    }),
    fileSlug: fileSlug!,
    frontMatterSlug: options.slug,
    date: parseJekyllDate(options.date ?? fileDate!, options.timeZone, {
      yamlPlainScalar: options.plainDate,
    }),
    sourceExtension: extension!,
    collection: 'posts',
    relativePath,
  };
  return jekyllPostUrl(input);
}

describe("Jekyll's documented examples (post /2009-04-29-slap-chop.md)", () => {
  const documented: [setting: string | undefined, url: string][] = [
    [undefined, '/2009/04/29/slap-chop.html'],
    ['date', '/2009/04/29/slap-chop.html'],
    ['pretty', '/2009/04/29/slap-chop/'],
    ['ordinal', '/2009/119/slap-chop.html'],
    ['weekdate', '/2009/W18/Wed/slap-chop.html'],
    ['none', '/slap-chop.html'],
    ['/:month-:day-:year/:title.html', '/04-29-2009/slap-chop.html'],
    ['/blog/:year/:month/:day/:title/', '/blog/2009/04/29/slap-chop/'],
    ['/:year/:month/:title', '/2009/04/slap-chop'],
    ['/:categories/:year/:month/:day/:title:output_ext', '/2009/04/29/slap-chop.html'],
  ];
  for (const [setting, url] of documented)
    it(`permalink: ${setting ?? '(none)'} → ${url}`, () =>
      assert.equal(urlOf('_posts/2009-04-29-slap-chop.md', { sitePermalink: setting }), url));

  it('an extensionless URL is written with .html (the docs: "extensionless permalinks")', () =>
    assert.equal(jekyllOutputPath('/2009/04/slap-chop', '.html'), '/2009/04/slap-chop.html'));
  it('a URL ending in "/" is written as index.html', () =>
    assert.equal(
      jekyllOutputPath('/2009/04/29/slap-chop/', '.html'),
      '/2009/04/29/slap-chop/index.html',
    ));
});

describe('styles with categories, checked with Jekyll', () => {
  const styles: [style: string, slapChop: string, newYear: string, oldYear: string][] = [
    ['pretty', '/2009/04/29/slap-chop/', '/cats/x/2021/01/01/new-year/', '/2020/12/31/old-year/'],
    [
      'ordinal',
      '/2009/119/slap-chop.html',
      '/cats/x/2021/001/new-year.html',
      '/2020/366/old-year.html',
    ],
    [
      'weekdate',
      '/2009/W18/Wed/slap-chop.html',
      '/cats/x/2021/W53/Fri/new-year.html',
      '/2020/W53/Thu/old-year.html',
    ],
    ['none', '/slap-chop.html', '/cats/x/new-year.html', '/old-year.html'],
    [
      'date',
      '/2009/04/29/slap-chop.html',
      '/cats/x/2021/01/01/new-year.html',
      '/2020/12/31/old-year.html',
    ],
    // Style names are case-sensitive: "Pretty" is a pattern without placeholders.
    ['Pretty', '/Pretty', '/Pretty', '/Pretty'],
  ];
  for (const [style, slapChop, newYear, oldYear] of styles)
    it(style, () => {
      assert.equal(urlOf('_posts/2009-04-29-slap-chop.md', { sitePermalink: style }), slapChop);
      assert.equal(
        urlOf('Cats/_posts/2021-01-01-new-year.md', { sitePermalink: style, categories: ['X'] }),
        newYear,
      );
      assert.equal(urlOf('_posts/2020-12-31-old-year.md', { sitePermalink: style }), oldYear);
    });
});

describe('every placeholder, checked with Jekyll', () => {
  const everything =
    '/:categories/:year/:short_year/:month/:i_month/:short_month/:long_month/:day/:i_day/:y_day/:w_year/:week/:w_day/:short_day/:long_day/:hour/:minute/:second/:title/:slug/:name/:collection/:path/:slugified_categories:output_ext';
  it('a post with categories and a time (unquoted YAML timestamp: UTC, shown in Kolkata)', () =>
    assert.equal(
      urlOf('_posts/2021-01-03-all-of-them.md', {
        sitePermalink: everything,
        categories: ['Big Cat', 'small'],
        date: '2021-01-03 07:08:09',
        plainDate: true,
        timeZone: 'Asia/Kolkata',
      }),
      '/big cat/small/2021/21/01/1/Jan/January/03/3/003/2020/53/7/Sun/Sunday/12/38/09/all-of-them/all-of-them/2021-01-03-all-of-them/posts/2021-01-03-all-of-them/big-cat/small.html',
    ));
  it('a folder category, a front matter slug, a .markdown file in ISO week 1 of the next year', () =>
    assert.equal(
      urlOf('Nested Dir/_posts/2024-12-30-week-one.markdown', {
        sitePermalink: everything,
        slug: 'The Slug',
        timeZone: 'Asia/Kolkata',
      }),
      '/nested dir/2024/24/12/12/Dec/December/30/30/365/2025/01/1/Mon/Monday/00/00/00/The-Slug/the-slug/2024-12-30-week-one/posts/Nested Dir/2024-12-30-week-one/nested-dir.html',
    ));
  it('a post in a sub-folder of _posts: no category, the folders in :path', () =>
    assert.equal(
      urlOf('_posts/deep/dir/2024-02-29-leap.md', {
        sitePermalink: everything,
        timeZone: 'Asia/Kolkata',
      }),
      '/2024/24/02/2/Feb/February/29/29/060/2024/09/4/Thu/Thursday/00/00/00/leap/leap/2024-02-29-leap/posts/deep/dir/2024-02-29-leap/.html',
    ));
  it('":month_" is :month followed by "_"', () =>
    assert.equal(
      urlOf('_posts/2009-04-29-slap-chop.md', { sitePermalink: '/:month_:day/:title_:slug' }),
      '/04_29/slap-chop_slap-chop',
    ));
  it('time placeholders after a clock change (New York)', () => {
    const pattern = '/:year/:month/:day/:hour/:minute/:second/:title/';
    const timeZone = 'America/New_York';
    assert.equal(
      urlOf('_posts/2024-03-10-dst-gap.md', {
        sitePermalink: pattern,
        timeZone,
        date: '2024-03-10 02:30',
      }),
      '/2024/03/10/03/30/00/dst-gap/',
    );
    assert.equal(
      urlOf('_posts/2024-11-03-dst-overlap.md', {
        sitePermalink: pattern,
        timeZone,
        date: '2024-11-03 01:30',
      }),
      '/2024/11/03/01/30/00/dst-overlap/',
    );
    assert.equal(
      urlOf('_posts/2024-05-04-zulu.md', {
        sitePermalink: pattern,
        timeZone,
        date: '2024-05-04T01:00:00Z',
        plainDate: true,
      }),
      '/2024/05/03/21/00/00/zulu/',
    );
  });
});

describe('titles and slugs in URLs, checked with Jekyll', () => {
  const names: [file: string, url: string][] = [
    ['2024-01-02-Hello-World.md', '/2024/01/02/Hello-World.html'],
    ['2024-01-03-café-crème.md', '/2024/01/03/café-crème.html'],
    ['2024-01-04-c++-tips.md', '/2024/01/04/c++-tips.html'],
    // sanitize_url: ".." becomes "/", so the post lands in a folder.
    ['2024-01-05-wait...what.md', '/2024/01/05/wait/.what.html'],
    ['2024-01-06-trailing-dots...md', '/2024/01/06/trailing-dots.html'],
    ['2024-01-07-spaces in name.md', '/2024/01/07/spaces-in-name.html'],
    ["2024-01-08-under_score & amp's (1).md", "/2024/01/08/under_score-&-amp's-(1).html"],
    ['2024-1-9-short-date.md', '/2024/01/09/short-date.html'],
    ['24-1-10-two-digit-year.md', '/2024/01/10/two-digit-year.html'],
    ['2024-01-11-日本語のタイトル.md', '/2024/01/11/日本語のタイトル.html'],
    ['2024-01-12-iOS-ǆungla-straße.markdown', '/2024/01/12/iOS-ǆungla-straße.html'],
    ['2024-01-13-100%-sure #1?.md', '/2024/01/13/100-sure-1.html'],
    ['2024-01-14-!!!.md', '/2024/01/14/!!!.html'],
    ['2024-01-15-a.b.c.md', '/2024/01/15/a.b.c.html'],
    ['2024-01-17-html-post.html', '/2024/01/17/html-post.html'],
  ];
  for (const [file, url] of names) it(file, () => assert.equal(urlOf(`_posts/${file}`), url));

  it('front matter slug replaces the file slug, case kept by :title', () =>
    assert.equal(
      urlOf('_posts/2024-03-01-file-slug.md', { slug: 'Custom Slug!' }),
      '/2024/03/01/Custom-Slug!.html',
    ));
  it('an empty slug leaves ".html" alone', () =>
    assert.equal(urlOf('_posts/2024-03-02-slug-empty.md', { slug: '' }), '/2024/03/02/.html'));
  it('the front matter date wins over the file name date', () =>
    assert.equal(
      urlOf('_posts/2024-03-03-fm-date-wins.md', { date: '2023-06-01' }),
      '/2023/06/01/fm-date-wins.html',
    ));
});

describe('categories, checked with Jekyll', () => {
  const cases: [file: string, front: { categories?: unknown; category?: unknown }, url: string][] =
    [
      [
        '_posts/2024-02-01-cat-one.md',
        { category: 'Cloud Computing' },
        '/cloud computing/2024/02/01/cat-one.html',
      ],
      [
        '_posts/2024-02-02-cat-string.md',
        { categories: 'aws devops' },
        '/aws/devops/2024/02/02/cat-string.html',
      ],
      [
        '_posts/2024-02-03-cat-dupes.md',
        { categories: ['AWS', 'aws', 'DevOps', 'AWS'] },
        '/aws/devops/2024/02/03/cat-dupes.html',
      ],
      [
        '_posts/2024-02-04-cat-both.md',
        { categories: ['b', 'a'], category: 'c' },
        '/b/a/c/2024/02/04/cat-both.html',
      ],
      [
        '_posts/2024-02-05-cat-special.md',
        { categories: ['C#', '100%', 'a/b', 'x?y', 'Ünïcödé', 'tabs: ok'] },
        '/c#/100%/a/b/x?y/ünïcödé/tabs: ok/2024/02/05/cat-special.html',
      ],
      [
        '_posts/2024-02-06-cat-number.md',
        { categories: [2024, 1.5] },
        '/2024/1.5/2024/02/06/cat-number.html',
      ],
      [
        'Tech/_posts/2024-02-07-folder-cat.md',
        { category: 'tech' },
        '/tech/2024/02/07/folder-cat.html',
      ],
      [
        'blog/Tech News/_posts/2024-02-08-two-folders.md',
        { categories: ['Blog', 'extra'] },
        '/blog/tech news/extra/2024/02/08/two-folders.html',
      ],
      ['my_posts_x/_posts/2024-02-09-odd-folder.md', {}, '/my/2024/02/09/odd-folder.html'],
      [
        '_posts/2024-02-10-cat-dots.md',
        { categories: ['..', '../up', 'v1.0'] },
        '/up/v1.0/2024/02/10/cat-dots.html',
      ],
      ['_posts/2024-02-11-cat-empty.md', { categories: [] }, '/2024/02/11/cat-empty.html'],
      [
        '_posts/2024-02-12-cat-null.md',
        { categories: null, category: null },
        '/2024/02/12/cat-null.html',
      ],
      [
        '_posts/2024-02-15-cat-scheme.md',
        { category: 'tips:c' },
        '/tips:c/2024/02/15/cat-scheme.html',
      ],
      // Ruby lowercases without the final-sigma rule of JavaScript's toLowerCase.
      ['_posts/2024-02-16-cat-greek.md', { category: 'ΟΔΟΣ' }, '/οδοσ/2024/02/16/cat-greek.html'],
      [
        '_posts/2024-02-17-cat-spaces.md',
        { categories: '  a   b ', category: ' padded ' },
        '/a/b/ padded /2024/02/17/cat-spaces.html',
      ],
      [
        '_posts/2024-02-18-cat-turkish.md',
        { categories: ['İstanbul', 'ÄÖÜ', ''] },
        '/i̇stanbul/äöü/2024/02/18/cat-turkish.html',
      ],
      [
        'x/_posts/2024-02-22-cat-host-after-folder.md',
        { category: '//a b' },
        '/x/a b/2024/02/22/cat-host-after-folder.html',
      ],
      [
        '_posts/2024-02-24-cat-hash-colon.md',
        { category: 'c#: tips' },
        '/c#: tips/2024/02/24/cat-hash-colon.html',
      ],
    ];
  for (const [file, front, url] of cases)
    it(`${file} ${JSON.stringify(front)}`, () => assert.equal(urlOf(file, front), url));

  const failing: [front: { category: string }, message: RegExp][] = [
    [{ category: 'Web Dev: Basics' }, /"web dev" before ":" is not a URI scheme/],
    [{ category: '2024: review' }, /"2024" before ":" is not a URI scheme/],
    [{ category: '//a b' }, /is not a host name/],
    [{ category: 'http:' }, /a URI scheme without anything after it/],
    [{ category: 'x://a:b' }, /"b" is not a port number/],
    [{ category: ':x' }, /first segment contains ":"/],
  ];
  for (const [front, message] of failing)
    it(`Jekyll's build fails on the category ${JSON.stringify(front.category)}, so do we`, () =>
      assert.throws(() => urlOf('_posts/2024-02-13-cat.md', front), message));

  it('page.categories: folders, then categories, then category, duplicates out', () => {
    assert.deepEqual(
      jekyllPostCategories({
        folderCategories: ['blog', 'Tech News'],
        categories: 'Blog extra blog',
        category: 'Cloud Computing',
      }),
      ['blog', 'Tech News', 'Blog', 'extra', 'Cloud Computing'],
    );
    assert.deepEqual(jekyllPostCategories({ folderCategories: [], categories: 'a\u00a0b c' }), [
      'a\u00a0b',
      'c',
    ]);
  });
  it('folder categories: the folders above the first "_posts"', () => {
    assert.deepEqual(jekyllFolderCategories('blog/Tech News/_posts/2024-01-01-x.md'), [
      'blog',
      'Tech News',
    ]);
    assert.deepEqual(jekyllFolderCategories('_posts/a/2024-01-01-x.md'), []);
    assert.deepEqual(jekyllFolderCategories('my_posts_x/_posts/2024-01-01-x.md'), ['my']);
  });
});

describe('front matter permalinks, checked with Jekyll', () => {
  const file = '_posts/2024-04-02-pl.md';
  const cases: [permalink: string, url: string, front?: { categories: string[] }][] = [
    ['/blog/:title/', '/blog/pl/'],
    ['/:categories/:slug.html', '/a b/c/pl.html', { categories: ['A B', 'c'] }],
    ['', '/'],
    ['/fixed/path.html', '/fixed/path.html'],
    // A style name means nothing in front matter.
    ['pretty', '/pretty'],
    ['/%C3%A9t%C3%A9/', '/été/'],
    ['no-leading-slash', '/no-leading-slash'],
    // Placeholders are lower case; others stay as written.
    ['/:Title/:YEAR/', '/:Title/:YEAR/'],
    ['/a/../b/./c//d.html', '/a/b/c/d.html'],
    ['/with space/:title/', '/with space/pl/'],
  ];
  for (const [permalink, url, front] of cases)
    it(`${JSON.stringify(permalink)} → ${url}`, () =>
      assert.equal(urlOf(file, { permalink, ...front }), url));

  it('an unknown placeholder fails the build', () =>
    assert.throws(
      () => urlOf(file, { permalink: '/:year/:nope/' }),
      /uses :nope, which Jekyll does not know/,
    ));
  it(':path and :name need the post path', () =>
    assert.throws(
      () =>
        jekyllPostUrl({
          sitePermalink: '/:path/',
          categories: [],
          fileSlug: 'x',
          date: parseJekyllDate('2024-01-01', undefined),
          sourceExtension: '.md',
        }),
      /needs the post's path/,
    ));
});

describe('jekyllPageUrl, checked with Jekyll', () => {
  const files = [
    'about.md',
    'projects/index.md',
    'docs/setup guide.markdown',
    'contact.html',
    'feed.xml',
    'index.md',
  ];
  const expected: [setting: string | undefined, urls: string[]][] = [
    [
      undefined,
      ['/about.html', '/projects/', '/docs/setup guide.html', '/contact.html', '/feed.xml', '/'],
    ],
    ['pretty', ['/about/', '/projects/', '/docs/setup guide/', '/contact/', '/feed.xml', '/']],
    // weekdate is no page style: its pattern's ending (":output_ext") is not looked at, pages lose .html.
    ['weekdate', ['/about', '/projects/', '/docs/setup guide', '/contact', '/feed.xml', '/']],
    [
      'ordinal',
      ['/about.html', '/projects/', '/docs/setup guide.html', '/contact.html', '/feed.xml', '/'],
    ],
    [
      '/:year/:title/',
      ['/about/', '/projects/', '/docs/setup guide/', '/contact/', '/feed.xml', '/'],
    ],
    ['/:title', ['/about', '/projects/', '/docs/setup guide', '/contact', '/feed.xml', '/']],
    [
      '/:title:output_ext',
      ['/about.html', '/projects/', '/docs/setup guide.html', '/contact.html', '/feed.xml', '/'],
    ],
  ];
  for (const [setting, urls] of expected)
    it(`permalink: ${setting ?? '(none)'}`, () =>
      assert.deepEqual(
        files.map((relativePath) => jekyllPageUrl({ relativePath, sitePermalink: setting })),
        urls,
      ));

  it("a page's own permalink, with :path and :basename filled and other placeholders left", () => {
    assert.equal(
      jekyllPageUrl({
        relativePath: 'about-us.md',
        sitePermalink: undefined,
        pagePermalink: '/about-us/',
      }),
      '/about-us/',
    );
    assert.equal(
      jekyllPageUrl({
        relativePath: 'docs/api.md',
        sitePermalink: undefined,
        pagePermalink: '/:path/:basename.html',
      }),
      '/docs/api.html',
    );
    assert.equal(
      jekyllPageUrl({
        relativePath: 'literal.md',
        sitePermalink: undefined,
        pagePermalink: '/:title/',
      }),
      '/:title/',
    );
  });
  it('trailing dots of the name go', () =>
    assert.equal(jekyllPageUrl({ relativePath: 'dots...md', sitePermalink: 'pretty' }), '/dots/'));
  it('an empty page permalink fails the build', () =>
    assert.throws(
      () =>
        jekyllPageUrl({ relativePath: 'blank.md', sitePermalink: undefined, pagePermalink: '' }),
      /empty permalink/,
    ));
});

describe('jekyllSlugify (Utils.slugify and its documented examples)', () => {
  const cases: [text: string, mode: string | undefined, cased: boolean, slug: string][] = [
    ['The _config.yml file', undefined, false, 'the-config-yml-file'],
    ['The _config.yml file', 'pretty', false, 'the-_config.yml-file'],
    ['The _config.yml file', 'pretty', true, 'The-_config.yml-file'],
    ['The _config.yml file', 'ascii', false, 'the-config-yml-file'],
    ['The _config.yml file', 'latin', false, 'the-config-yml-file'],
    ['The _config.yml file?', 'raw', false, 'the-_config.yml-file?'],
    ['  Leading   and trailing  ', 'raw', false, 'leading-and-trailing'],
    ['--two-hyphens--', 'raw', false, '-two-hyphens-'],
    ['Ærøskøbing Straße 日本', 'latin', false, 'aeroskobing-strasse'],
    ['Ærøskøbing Straße', 'ascii', false, 'r-sk-bing-stra-e'],
    ['Café Crème', 'default', true, 'Café-Crème'],
    ['Keep THIS', 'none', false, 'keep this'],
    ['Keep THIS', 'none', true, 'Keep THIS'],
    ['ΟΔΟΣ', 'default', false, 'οδοσ'],
  ];
  for (const [text, mode, cased, slug] of cases)
    it(`${JSON.stringify(text)} ${mode ?? '(default)'}${cased ? ' cased' : ''} → ${slug}`, () =>
      assert.equal(jekyllSlugify(text, mode, cased), slug));
});

describe('jekyllTitleFromSlug (Utils.titleize_slug, as Jekyll titled the probe posts)', () => {
  const cases: [slug: string, title: string][] = [
    ['slap-chop', 'Slap Chop'],
    ['Hello-World', 'Hello World'],
    ['iOS-ǆungla-straße', 'Ios ǅungla Straße'],
    ['ΟΔΟΣ-σ', 'Οδοσ Σ'],
    ['spaces in name', 'Spaces in name'],
    ['wait...what', 'Wait...what'],
    ['trailing-dots..', 'Trailing Dots'],
    ['a--b-', 'A  B'],
    ['ßa-ﬁx', 'Ssa Fix'],
    ['!!!', '!!!'],
  ];
  for (const [slug, title] of cases)
    it(`${slug} → ${title}`, () => assert.equal(jekyllTitleFromSlug(slug), title));
});
