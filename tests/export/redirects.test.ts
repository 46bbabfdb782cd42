import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildRedirects,
  redirectFile,
  redirectHtml,
  type RedirectSource,
} from '../../lib/export/redirects';

const post = ({
  slug,
  permalink,
  ...overrides
}: Partial<RedirectSource> & { slug: string; permalink?: string }): RedirectSource => ({
  url: `/posts/${slug}/`,
  sourcePath: `content/posts/2019-05-20-${slug}.md`,
  oldUrls: permalink === undefined ? [] : [permalink],
  jekyllUrl: '',
  ...overrides,
});

describe('redirects for old URLs', () => {
  it('writes one for each front-matter permalink, to the post URL', () => {
    const redirects = buildRedirects([
      post({ slug: 'moved-post', permalink: '/devops/2019/05/20/moved-post.html' }),
      post({ slug: 'other', permalink: '/old/other/' }),
    ]);
    assert.deepEqual(redirects, [
      {
        from: '/devops/2019/05/20/moved-post.html',
        to: '/posts/moved-post/',
        sourcePath: 'content/posts/2019-05-20-moved-post.md',
        explicit: true,
      },
      {
        from: '/old/other/',
        to: '/posts/other/',
        sourcePath: 'content/posts/2019-05-20-other.md',
        explicit: true,
      },
    ]);
  });

  it("keeps a post's Jekyll URL unless it is a path already taken, and never from a path with a control character", () => {
    assert.deepEqual(
      buildRedirects([
        post({ slug: 'a', jekyllUrl: '/aws/2019/05/20/a.html' }),
        post({ slug: 'b', jekyllUrl: '/aws/2019/05/20/a.html' }),
        post({ slug: 'c', jekyllUrl: '/posts/a/' }),
        post({ slug: 'd', jekyllUrl: '/a\u0000b.html' }),
      ]).map((redirect) => [redirect.from, redirect.to, redirect.explicit]),
      [['/aws/2019/05/20/a.html', '/posts/a/', false]],
    );
  });

  it("gives an author's old URL precedence over another post's computed Jekyll URL", () => {
    assert.deepEqual(
      buildRedirects([
        post({ slug: 'a', jekyllUrl: '/old.html' }),
        post({ slug: 'b', permalink: '/old.html' }),
      ]).map((redirect) => [redirect.from, redirect.to]),
      [['/old.html', '/posts/b/']],
    );
  });

  it('refuses a permalink that is no path of the export, naming the file', () => {
    for (const permalink of ['javascript:alert(1)', '/a/../../b', '//evil.example/', '/a\u0000b']) {
      assert.throws(
        () => buildRedirects([post({ slug: 'a', permalink })]),
        /2019-05-20-a\.md: permalink: /,
        permalink,
      );
    }
  });

  it('fails on two posts claiming one old URL, naming the file', () => {
    assert.throws(
      () =>
        buildRedirects([
          post({ slug: 'a', permalink: '/same.html' }),
          post({ slug: 'b', permalink: '/same.html' }),
        ]),
      /2019-05-20-b\.md: permalink: "\/same\.html" is also the old URL of content\/posts\/2019-05-20-a\.md/,
    );
  });

  it('refuses a permalink that is another post, a pattern, relative or climbing', () => {
    assert.throws(
      () => buildRedirects([post({ slug: 'a', permalink: '/posts/b/' }), post({ slug: 'b' })]),
      /is the URL of another post/,
    );
    assert.throws(
      () => buildRedirects([post({ slug: 'a', permalink: '/:categories/:title.html' })]),
      /is a pattern/,
    );
    assert.throws(
      () => buildRedirects([post({ slug: 'a', permalink: 'relative.html' })]),
      /must start with/,
    );
    assert.throws(
      () => buildRedirects([post({ slug: 'a', permalink: '/../etc/x.html' })]),
      /may not contain/,
    );
  });

  it('leads the old URLs of a moved post to its target, straight to the post when the target is an old URL', () => {
    const redirects = buildRedirects([
      post({ slug: 'logging', jekyllUrl: '/guides/logging/' }),
      // Moved to the other post's Jekyll URL: that URL stays the other post's redirect.
      post({
        slug: 'style',
        url: '/guides/logging/',
        moved: true,
        jekyllUrl: '/ops/style/',
        oldUrls: ['/style/'],
      }),
      post({ slug: 'cv', url: 'https://cv.example/ana/', moved: true, jekyllUrl: '/cv/' }),
    ]);
    assert.deepEqual(
      redirects.map(({ from, to }) => [from, to]),
      [
        ['/cv/', 'https://cv.example/ana/'],
        ['/guides/logging/', '/posts/logging/'],
        ['/ops/style/', '/posts/logging/'],
        ['/style/', '/posts/logging/'],
      ],
    );
  });

  it("ignores a permalink equal to the post's own URL", () => {
    assert.deepEqual(buildRedirects([post({ slug: 'a', permalink: '/posts/a/' })]), []);
  });

  it('puts a path ending in / into its index.html', () => {
    assert.equal(
      redirectFile('/devops/2019/05/20/moved-post.html'),
      '/devops/2019/05/20/moved-post.html',
    );
    assert.equal(redirectFile('/old/other/'), '/old/other/index.html');
    assert.equal(redirectFile('/old/other'), '/old/other/index.html');
  });

  it('writes a page that refreshes at once, names its canonical URL, links plainly and is not indexed', () => {
    const html = redirectHtml(
      '/blog/posts/a/',
      'https://example.com/blog/posts/a/',
      'Site & Co',
      '/blog/icon.svg',
    );
    assert.match(html, /<meta http-equiv="refresh" content="0; url=\/blog\/posts\/a\/">/);
    assert.match(html, /<link rel="canonical" href="https:\/\/example.com\/blog\/posts\/a\/">/);
    assert.match(html, /<meta name="robots" content="noindex, follow">/);
    assert.match(html, /<a href="\/blog\/posts\/a\/">/);
    assert.match(html, /Site &#38; Co/);
    assert.match(html, /<link rel="icon" href="\/blog\/icon.svg"/);
  });
});
