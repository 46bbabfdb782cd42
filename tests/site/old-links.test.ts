import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rewriteOldLinks } from '../../lib/site/old-links';

describe('links to a post by an old URL', () => {
  const site = {
    oldUrls: new Map([
      ['/ops/2023/06/incident/', '/posts/incident/'],
      ['/2019/05/20/café.html', '/posts/cafe/'],
    ]),
    origin: 'https://notes.example.org',
    basePath: '/blog',
  };

  it('go straight to the post: root-relative, with the base path, absolute to the site, fragments kept', () => {
    assert.equal(
      rewriteOldLinks(
        '<a href="/ops/2023/06/incident/#after">a</a> <a href="/blog/ops/2023/06/incident/">b</a> ' +
          '<a href="https://notes.example.org/blog/2019/05/20/caf%C3%A9.html">c</a>',
        site,
      ),
      '<a href="/posts/incident/#after">a</a> <a href="/posts/incident/">b</a> <a href="/posts/cafe/">c</a>',
    );
  });

  it('leave every other link alone', () => {
    const html =
      '<a href="/ops/2023/06/other/">x</a> <a href="https://elsewhere.example/ops/2023/06/incident/">y</a> ' +
      '<a href="//notes.example.org/ops/2023/06/incident/">z</a> <img src="/ops/2023/06/incident/">';
    assert.equal(rewriteOldLinks(html, site), html);
  });
});
