import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  checkLinks as checkLinkProblems,
  type CheckedPost,
  type SiteFiles,
} from '../../lib/content/link-check';
import { postLinks } from '../../lib/markdown/links';
import { formatProblem } from '../../lib/build/problems';

// A site with one public file and one file beside the posts, in a folder of its own.
const root = mkdtempSync(path.join(tmpdir(), 'link-check-'));
const touch = (file: string) => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, '');
};
touch(path.join(root, 'public/images/logo.svg'));
touch(path.join(root, 'content/2024/diagram.png'));
touch(path.join(root, 'secret.txt'));
const site: SiteFiles = {
  pages: new Set(['/', '/posts/a/', '/posts/b/', '/categories/aws/', '/feed.xml']),
  publicDir: path.join(root, 'public'),
  contentDir: path.join(root, 'content'),
};
const checkLinks = (posts: CheckedPost[], files: SiteFiles) =>
  checkLinkProblems(posts, files).map(formatProblem);

function post(
  slug: string,
  markdown: string,
  relativePath = `2024/2024-01-01-${slug}.md`,
): CheckedPost {
  return {
    sourcePath: `content/posts/${relativePath}`,
    relativePath,
    url: `/posts/${slug}/`,
    lineOffset: 5,
    ...postLinks(markdown),
  };
}

describe('checkLinks', () => {
  it('accepts links to pages, files, images beside the post, anchors and the outside world', () => {
    const a = post(
      'a',
      [
        '## Setup',
        '',
        '[b](/posts/b/) [b again](/posts/b) [b setup](/posts/b/#install) [here](#setup) [cat](/categories/aws/)',
        '[feed](/feed.xml) ![logo](/images/logo.svg) ![d](./diagram.png) [ext](https://x.test/) [mail](mailto:a@b.c)',
        '<a href="/posts/b/">raw</a> <span id="raw-anchor"></span> [raw](#raw-anchor)',
      ].join('\n'),
    );
    const b = post('b', '## Install\n\nText.');
    assert.deepEqual(checkLinks([a, b], site), []);
  });

  it('reports every broken link and missing image with the file and line', () => {
    const a = post(
      'a',
      [
        '# Title',
        '',
        '[gone](/posts/gone/)',
        '![missing](./nope.png) ![also](/images/nope.svg)',
        '[bad anchor](#nowhere) [other](/posts/b/#nowhere)',
        '<a href="/old/page.html">raw</a>',
      ].join('\n'),
    );
    const b = post('b', 'Text.');
    assert.deepEqual(checkLinks([a, b], site), [
      'content/posts/2024/2024-01-01-a.md:8: broken link: "/posts/gone/": no page or file of the site has this path',
      'content/posts/2024/2024-01-01-a.md:9: missing image: "./nope.png": no such file beside the post',
      'content/posts/2024/2024-01-01-a.md:9: missing image: "/images/nope.svg": no page or file of the site has this path',
      'content/posts/2024/2024-01-01-a.md:10: broken link: "#nowhere": no heading or element with id "nowhere" in /posts/a/',
      'content/posts/2024/2024-01-01-a.md:10: broken link: "/posts/b/#nowhere": no heading or element with id "nowhere" in /posts/b/',
      'content/posts/2024/2024-01-01-a.md:11: broken link: "/old/page.html": no page or file of the site has this path',
    ]);
  });

  it('refuses relative paths that leave the content folder', () => {
    const a = post('a', '[up](../../../etc/passwd)');
    assert.match(checkLinks([a], site)[0] ?? '', /points outside the content folder/);
  });

  it("warns that javascript: links do not run under the site's Content-Security-Policy", () => {
    const a = post('a', '[run](javascript:alert(1)) <a href="JavaScript:void(0)">x</a>');
    assert.deepEqual(checkLinks([a], site), [
      'content/posts/2024/2024-01-01-a.md:6: link: warning: "javascript:alert(1)": a javascript: URL does not run: the site\'s Content-Security-Policy blocks it; use a <script> or a real link',
      'content/posts/2024/2024-01-01-a.md:6: link: warning: "JavaScript:void(0)": a javascript: URL does not run: the site\'s Content-Security-Policy blocks it; use a <script> or a real link',
    ]);
  });

  it('finds inline event handlers in raw HTML, with their line', () => {
    const { handlers } = postLinks(
      'Text.\n\n<div>\n<button type="button" onclick="go()">Go</button>\n<img src="x.png" alt="" onerror="x()">\n</div>\n\nA line about one=two and <b>bold</b>.',
    );
    assert.deepEqual(handlers, [
      { attribute: 'onclick', line: 4 },
      { attribute: 'onerror', line: 5 },
    ]);
  });

  it('resolves root-relative paths inside the site, never on the build machine', () => {
    // Both files exist on this machine, outside public/: neither is a file of the site.
    const a = post(
      'a',
      `[passwd](/../../../../../../etc/passwd) [secret](/../secret.txt) ![up](/%2e%2e/secret.txt) [logo](/x/../images/logo.svg)`,
    );
    assert.deepEqual(checkLinks([a], site), [
      'content/posts/2024/2024-01-01-a.md:6: broken link: "/../../../../../../etc/passwd": no page or file of the site has this path',
      'content/posts/2024/2024-01-01-a.md:6: broken link: "/../secret.txt": no page or file of the site has this path',
      'content/posts/2024/2024-01-01-a.md:6: missing image: "/%2e%2e/secret.txt": no page or file of the site has this path',
    ]);
  });
});
