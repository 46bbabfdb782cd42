import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  feedBodyToken as feedToken,
  newBodyNonce,
  pageBodyMarker as pageMarker,
  spliceBodies as splice,
  spliceFormat,
  type PostBodyHtml,
} from '../../lib/export/post-bodies';

// One build's nonce, as scripts/next-export.ts makes it.
const NONCE = newBodyNonce();
const pageBodyMarker = (slug: string) => pageMarker(slug, NONCE);
const feedBodyToken = (slug: string) => feedToken(slug, NONCE);
const spliceBodies = (
  text: string,
  format: 'html' | 'xml' | 'json',
  bodyOf: (slug: string) => PostBodyHtml | undefined,
  file: string,
) => splice(text, format, bodyOf, file, NONCE);

// A slug with characters that HTML, XML and JSON would each escape.
const SLUG = 'q&a-"quotes"-<tags>-café';
const BODY: PostBodyHtml = {
  pageHtml: '<p>Body with <a href="/blog/posts/x/">a link</a> and a CDATA end ]]> in code.</p>',
  feedHtml:
    '<p>Body with <a href="https://example.com/blog/posts/x/">a link</a> and a CDATA end ]]> in code.</p>',
};
const bodyOf = (slug: string) => (slug === SLUG ? BODY : undefined);

describe('post bodies put in after next build', () => {
  it('fills the prose element a page marks, and drops the marker', () => {
    const page = `<article><div class="prose" data-post-body="${pageBodyMarker(SLUG)}"></div><nav>next</nav></article>`;
    assert.equal(
      spliceBodies(page, 'html', bodyOf, 'out/p.html'),
      `<article><div class="prose">${BODY.pageHtml}</div><nav>next</nav></article>`,
    );
  });

  it('fills a feed token inside CDATA, splitting a "]]>" so the XML stays well formed', () => {
    const rss = `<item><content:encoded><![CDATA[${feedBodyToken(SLUG)}]]></content:encoded></item>`;
    const spliced = spliceBodies(rss, 'xml', bodyOf, 'out/feed.xml');
    assert.equal(
      spliced.replaceAll(']]]]><![CDATA[>', ']]>'),
      `<item><content:encoded><![CDATA[${BODY.feedHtml}]]></content:encoded></item>`,
    );
    assert.equal(spliced.match(/\]\]>/g)?.length, 2, 'one split CDATA end and the real one');
  });

  it('drops characters XML forbids from a body put into an XML feed', () => {
    const rss = `<item><content:encoded><![CDATA[${feedBodyToken(SLUG)}]]></content:encoded></item>`;
    const spliced = spliceBodies(
      rss,
      'xml',
      () => ({ pageHtml: '', feedHtml: '<p>bell\u0007 and \u0001 nul\u0000</p>' }),
      'out/feed.xml',
    );
    assert.equal(
      spliced,
      '<item><content:encoded><![CDATA[<p>bell and  nul</p>]]></content:encoded></item>',
    );
  });

  it('fills a feed token inside a JSON string, escaped', () => {
    const json = JSON.stringify({ items: [{ content_html: feedBodyToken(SLUG) }] });
    const spliced = JSON.parse(spliceBodies(json, 'json', bodyOf, 'out/feed.json')) as {
      items: { content_html: string }[];
    };
    assert.equal(spliced.items[0]!.content_html, BODY.feedHtml);
  });

  it('names the file for a marker of no published post, and for a marker it cannot fill', () => {
    const page = `<div class="prose" data-post-body="${pageBodyMarker('draft')}"></div>`;
    assert.throws(
      () => spliceBodies(page, 'html', bodyOf, 'out/d.html'),
      /out\/d\.html: marks the body of "draft", which is not a published post/,
    );
    const changedShape = `<div data-post-body="${pageBodyMarker(SLUG)}"><span></span></div>`;
    assert.throws(
      () => spliceBodies(changedShape, 'html', bodyOf, 'out/e.html'),
      /out\/e\.html: a post body marker was left unfilled/,
    );
  });

  it('leaves files without markers alone, even when a body mentions the markers', () => {
    const text = '<p>Unrelated page</p>';
    assert.equal(spliceBodies(text, 'html', bodyOf, 'out/u.html'), text);
    const talkative: PostBodyHtml = {
      pageHtml: '<code>data-post-body="" and [post-body:00]</code>',
      feedHtml: '',
    };
    const page = `<div class="prose" data-post-body="${pageBodyMarker(SLUG)}"></div>`;
    assert.match(
      spliceBodies(page, 'html', () => talkative, 'out/t.html'),
      /<code>data-post-body/,
    );
  });

  it("cannot be forged by a title, excerpt or body that writes a marker without the build's nonce", () => {
    // What a hostile title would put into a feed's <title> or a page's text, next to a real marker.
    const forged = [
      `[post-body:${Buffer.from(SLUG).toString('hex')}]`,
      feedToken(SLUG, newBodyNonce()),
      `data-post-body="${pageMarker(SLUG, newBodyNonce())}"`,
    ];
    for (const text of forged) {
      const rss = `<item><title>${text}</title><content:encoded><![CDATA[${feedBodyToken(SLUG)}]]></content:encoded></item>`;
      const spliced = spliceBodies(rss, 'xml', bodyOf, 'out/feed.xml');
      assert.ok(spliced.includes(`<title>${text}</title>`), 'the forged marker stays text');
      assert.ok(
        spliced.includes(BODY.feedHtml.replaceAll(']]>', ']]]]><![CDATA[>')),
        'the real marker is filled',
      );
    }
    assert.equal(newBodyNonce() === newBodyNonce(), false, 'each build has its own nonce');
    assert.match(newBodyNonce(), /^[0-9a-f]{32}$/);
  });

  it('reads markers only from pages, XML and JSON files', () => {
    assert.deepEqual(
      ['a/index.html', 'feed.xml', 'feed.json', 'site.js', 'share.png'].map(spliceFormat),
      ['html', 'xml', 'json', undefined, undefined],
    );
  });
});
