import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildRedirects,
  jekyllDefaultPermalink,
  redirectFile,
  redirectHtml,
  type RedirectSource,
} from '../../lib/export/redirects';

const post = (overrides: Partial<RedirectSource> & { slug: string }): RedirectSource => ({
  url: `/posts/${overrides.slug}/`,
  sourcePath: `content/posts/2019-05-20-${overrides.slug}.md`,
  day: '2019-05-20',
  categoryNames: [],
  ...overrides,
});

describe('redirects for old URLs', () => {
  it('writes one for each front-matter permalink, to the post URL', () => {
    const redirects = buildRedirects(
      [
        post({ slug: 'moved-post', permalink: '/devops/2019/05/20/moved-post.html' }),
        post({ slug: 'other', permalink: '/old/other/' }),
      ],
      { jekyllRedirects: false },
    );
    assert.deepEqual(redirects, [
      {
        from: '/devops/2019/05/20/moved-post.html',
        to: '/posts/moved-post/',
        sourcePath: 'content/posts/2019-05-20-moved-post.md',
      },
      { from: '/old/other/', to: '/posts/other/', sourcePath: 'content/posts/2019-05-20-other.md' },
    ]);
  });

  it("builds Jekyll's default permalink: categories lowercased and joined, then the date and the title", () => {
    assert.equal(
      jekyllDefaultPermalink(post({ slug: 'moved-post', categoryNames: ['DevOps', 'AWS'] })),
      '/devops/aws/2019/05/20/moved-post.html',
    );
    assert.equal(
      jekyllDefaultPermalink(
        post({ slug: 'x', categoryNames: ['Cloud Computing', 'cloud computing'] }),
      ),
      '/cloud computing/2019/05/20/x.html',
    );
    assert.equal(jekyllDefaultPermalink(post({ slug: 'plain' })), '/2019/05/20/plain.html');
  });

  it('cleans a Jekyll URL as Jekyll does, so a category of "../" stays inside the site', () => {
    assert.equal(
      jekyllDefaultPermalink(post({ slug: 'x', categoryNames: ['../../../../tmp/evil'] })),
      '/tmp/evil/2019/05/20/x.html',
    );
    assert.equal(
      jekyllDefaultPermalink(post({ slug: 'x', categoryNames: ['./a', '..'] })),
      '/a/2019/05/20/x.html',
    );
    const redirects = buildRedirects(
      [post({ slug: 'x', categoryNames: ['../../../../../../../../tmp/evil'] })],
      { jekyllRedirects: true },
    );
    assert.deepEqual(
      redirects.map((r) => r.from),
      ['/tmp/evil/2019/05/20/x.html'],
    );
    assert.deepEqual(
      buildRedirects([post({ slug: 'x', categoryNames: ['a\u0000b'] })], { jekyllRedirects: true }),
      [],
      'no redirect from a path with a control character',
    );
  });

  it('refuses a permalink that is no path of the export, naming the file', () => {
    for (const permalink of ['javascript:alert(1)', '/a/../../b', '//evil.example/', '/a\u0000b']) {
      assert.throws(
        () => buildRedirects([post({ slug: 'a', permalink })], { jekyllRedirects: false }),
        /2019-05-20-a\.md: permalink: /,
        permalink,
      );
    }
  });

  it('adds the Jekyll URLs only when jekyllRedirects is on', () => {
    const posts = [post({ slug: 'a', categoryNames: ['aws'] })];
    assert.deepEqual(buildRedirects(posts, { jekyllRedirects: false }), []);
    assert.deepEqual(
      buildRedirects(posts, { jekyllRedirects: true }).map((r) => r.from),
      ['/aws/2019/05/20/a.html'],
    );
  });

  it('fails on two posts claiming one old URL, naming the file', () => {
    assert.throws(
      () =>
        buildRedirects(
          [
            post({ slug: 'a', permalink: '/same.html' }),
            post({ slug: 'b', permalink: '/same.html' }),
          ],
          { jekyllRedirects: false },
        ),
      /2019-05-20-b\.md: permalink: "\/same\.html" is also the old URL of content\/posts\/2019-05-20-a\.md/,
    );
  });

  it('refuses a permalink that is another post, a pattern, relative or climbing', () => {
    assert.throws(
      () =>
        buildRedirects([post({ slug: 'a', permalink: '/posts/b/' }), post({ slug: 'b' })], {
          jekyllRedirects: false,
        }),
      /is the URL of another post/,
    );
    assert.throws(
      () =>
        buildRedirects([post({ slug: 'a', permalink: '/:categories/:title.html' })], {
          jekyllRedirects: false,
        }),
      /is a pattern/,
    );
    assert.throws(
      () =>
        buildRedirects([post({ slug: 'a', permalink: 'relative.html' })], {
          jekyllRedirects: false,
        }),
      /must start with/,
    );
    assert.throws(
      () =>
        buildRedirects([post({ slug: 'a', permalink: '/../etc/x.html' })], {
          jekyllRedirects: false,
        }),
      /may not contain/,
    );
  });

  it("ignores a permalink equal to the post's own URL", () => {
    assert.deepEqual(
      buildRedirects([post({ slug: 'a', permalink: '/posts/a/' })], { jekyllRedirects: false }),
      [],
    );
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
