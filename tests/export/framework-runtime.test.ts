import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isRscPayloadFile, withoutFrameworkRuntime } from '../../lib/export/framework-runtime';

// The shape of an exported page's head and tail (Next 16, Turbopack), base path /blog.
const PAGE = `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>
<link rel="stylesheet" href="/blog/_next/static/chunks/2iufm2hb88wfv.css" data-precedence="next"/>
<link rel="preload" as="script" fetchPriority="low" href="/blog/_next/static/chunks/310vm2bl3xxpt.js"/>
<script src="/blog/_next/static/chunks/0hmi82opgdicz.js" async=""></script>
<script>(function(){var r=document.documentElement})()</script>
<script src="/blog/site.js" defer=""></script>
<script src="/blog/_next/static/chunks/0cz1d0mv5g_q7.js" noModule=""></script>
</head><body><main><p>Text about self.__next_f and TURBOPACK, as a post may write.</p></main>
<script type="application/ld+json">{"@type":"BlogPosting"}</script>
<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":[]})</script>
<script>(self.__next_f=self.__next_f||[]).push([0])</script><script>self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n"])</script>
</body></html>`;

describe('pages without the framework runtime', () => {
  const stripped = withoutFrameworkRuntime(PAGE, '/blog', 'out/x/index.html');

  it("removes Next's scripts, script preloads, RSC payload and chunk loader", () => {
    assert.doesNotMatch(stripped, /_next\/static\/chunks\/[^"]*\.js/);
    assert.doesNotMatch(stripped, /<script>\(?self\.__next_f/);
    assert.doesNotMatch(stripped, /globalThis\["TURBOPACK"\]/);
  });

  it('keeps the stylesheet, the theme script, site.js, JSON-LD and the text', () => {
    assert.match(
      stripped,
      /<link rel="stylesheet" href="\/blog\/_next\/static\/chunks\/2iufm2hb88wfv\.css"/,
    );
    assert.match(
      stripped,
      /<script>\(function\(\)\{var r=document\.documentElement\}\)\(\)<\/script>/,
    );
    assert.match(stripped, /<script src="\/blog\/site\.js" defer=""><\/script>/);
    assert.match(stripped, /application\/ld\+json/);
    assert.match(stripped, /Text about self\.__next_f and TURBOPACK, as a post may write\./);
  });

  it('refuses a page whose content is streamed in by scripts', () => {
    assert.throws(
      () =>
        withoutFrameworkRuntime(
          '<div hidden id="S:0"></div><script>$RC("B:0","S:0")</script>',
          '',
          'out/a.html',
        ),
      /out\/a\.html: streams content/,
    );
  });

  it('knows the RSC payload files, and not robots.txt', () => {
    for (const file of [
      'index.txt',
      'posts/x/index.txt',
      '__next._full.txt',
      'posts/x/__next.posts.$d$slug.__PAGE__.txt',
    ])
      assert.ok(isRscPayloadFile(file), file);
    for (const file of ['robots.txt', 'content-assets/notes.txt', 'posts/x/index.html'])
      assert.ok(!isRscPayloadFile(file), file);
  });
});
