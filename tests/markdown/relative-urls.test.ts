import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveRelative, resolveRelativeUrls } from '../../lib/markdown/relative-urls';

describe('relative URLs of a Jekyll document, resolved against the URL Jekyll gave it', () => {
  it('resolves as a browser does, from the folder of the URL, keeping query and fragment', () => {
    assert.equal(resolveRelative('pic.png', '/blog/x/'), '/blog/x/pic.png');
    assert.equal(resolveRelative('./pic.png', '/2024/01/02/x.html'), '/2024/01/02/pic.png');
    assert.equal(resolveRelative('../y/#part', '/blog/x/'), '/blog/y/#part');
    assert.equal(resolveRelative('../../../../etc', '/a/'), '/etc');
    assert.equal(resolveRelative('my pic.png?v=2', '/dev ops/x/'), '/dev%20ops/x/my%20pic.png?v=2');
  });

  it('leaves alone what is not relative', () => {
    for (const url of [
      '/img/a.png',
      '//cdn.example/a.png',
      'https://x.example/',
      '#top',
      '?q',
      'mailto:a@b.c',
      'data:image/png;base64,AA',
      '',
    ])
      assert.equal(resolveRelative(url, '/blog/x/'), undefined, url);
  });

  it('rewrites src, href and poster attributes of the HTML, not text', () => {
    assert.equal(
      resolveRelativeUrls(
        '<p><img src="pic.png" alt="a"> <a href="../y/?a=1&#x26;b=2">y</a> <a href="#top">top</a> pic.png</p><video poster="p.jpg" src="/v.mp4"></video>',
        '/blog/x/',
      ),
      '<p><img src="/blog/x/pic.png" alt="a"> <a href="/blog/y/?a=1&#x26;b=2">y</a> <a href="#top">top</a> pic.png</p><video poster="/blog/x/p.jpg" src="/v.mp4"></video>',
    );
  });
});

describe('relative URLs in code', () => {
  it('are text, not attributes: left as written', () => {
    const code =
      '<pre><code>&#x3C;a href="{{ post.url }}">x&#x3C;/a> &lt;img src="a.png"></code></pre>';
    assert.equal(resolveRelativeUrls(code, '/blog/x/'), code);
    assert.equal(
      resolveRelativeUrls("<img alt='a' src='pic.png'>", '/blog/x/'),
      '<img alt=\'a\' src="/blog/x/pic.png">',
    );
  });
});
