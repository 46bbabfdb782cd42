/**
 * The differential harness itself (tests/helpers/jekyll-diff.ts), on hand-made exports: a comparison that
 * cannot fail proves nothing, so each rule is shown passing on a faithful export and failing on one that
 * breaks it. The last part builds the fixture site with real Jekyll (skipped when it is not installed) and
 * checks what the harness records against what the fixture's files say.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import {
  buildWithJekyll,
  compareWithExport,
  compareWords,
  findJekyll,
  formatReport,
  metaRefreshTarget,
  parseHtml,
  readExportedPage,
  resolveInExport,
  resolveStaticPath,
  visibleText,
  type JekyllDocument,
  type JekyllManifest,
} from '../helpers/jekyll-diff';

const folders: string[] = [];
after(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});
function tempDir(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'jekyll-diff-test-'));
  folders.push(folder);
  return folder;
}
function write(root: string, file: string, text: string) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

/** A post page shaped as ours (app/posts/[slug]/page.tsx): article, header with h1 and time, prose div. */
const postPage = (
  title: string,
  day: string,
  body: string,
) => `<!DOCTYPE html><html><head><title>${title}</title></head><body>
<header><a href="/">Site</a><nav><a href="/archive/">Archive</a></nav></header>
<main><article class="relative" data-pagefind-body=""><header class="mb-8"><h1 class="text-3xl">${title}</h1>
<div class="mt-4"><time dateTime="${day}">Some day</time><span>3 mins read</span></div></header>
<details><summary>Contents</summary><nav><a href="#x">Heading</a></nav></details>
<div class="prose prose-blog">${body}</div><nav>Previous post</nav></article></main>
<footer>Footer words</footer></body></html>`;
const redirectPage = (to: string) =>
  `<!doctype html><html><head><meta http-equiv="refresh" content="0; url=${to}"></head><body><a href="${to}">moved</a></body></html>`;

const jekyllPost = (overrides: Partial<JekyllDocument>): JekyllDocument => ({
  url: '/x/',
  outputPath: 'x/index.html',
  relativePath: '_posts/x.md',
  title: 'X',
  date: '2024-01-01T00:00:00-05:00',
  day: '2024-01-01',
  categories: [],
  redirectFrom: [],
  redirectTo: null,
  permalink: null,
  html: '<p>x</p>',
  ...overrides,
});
const manifestOf = (
  posts: JekyllDocument[],
  extra: Partial<JekyllManifest> = {},
): JekyllManifest => ({
  siteDir: '/site',
  jekyllVersion: '4.3.1',
  timezone: 'America/New_York',
  url: 'https://example.org',
  baseurl: '',
  posts,
  pages: [],
  staticFiles: [],
  outputFiles: [],
  overrides: [],
  log: '',
  wallSeconds: 0,
  cpuSeconds: 0,
  ...extra,
});

describe('compareWords', () => {
  it('is 1 for the same words however they are spaced, and 0 for no word in common', () => {
    assert.equal(compareWords('a  b\n c', ' a b c ').similarity, 1);
    assert.equal(compareWords('', '').similarity, 1);
    assert.equal(compareWords('a b', 'c d').similarity, 0);
  });

  it('is 2·LCS/(a+b) and shows the changed words with context', () => {
    const jekyll = 'one two three four five six seven eight nine ten';
    const ours = 'one two three FOUR five six seven eight nine ten extra';
    const result = compareWords(jekyll, ours);
    // LCS 9 of 10 and 11 words.
    assert.equal(result.similarity, (2 * 9) / 21);
    assert.match(result.diff, /\[-four-\] \{\+FOUR\+\}/);
    assert.match(result.diff, /\{\+extra\+\}$/);
  });

  it('tells typographic quotes from straight ones', () => {
    const result = compareWords('it’s “quoted”', 'it\'s "quoted"');
    assert.equal(result.similarity, 0);
  });

  it('falls back to an exact LCS when the texts are far apart', () => {
    const a = Array.from({ length: 3000 }, (_, index) => `a${index}`).join(' ');
    const b = Array.from({ length: 3000 }, (_, index) => `b${index}`).join(' ');
    const result = compareWords(`${a} same`, `${b} same`);
    assert.equal(result.similarity, 2 / 6002);
    assert.match(result.diff, /more than 2000 words differ/);
  });
});

describe('reading HTML', () => {
  it('joins inline markup, separates blocks, decodes references and skips our code-block furniture', () => {
    const tree = parseHtml(
      '<p>It&rsquo;s <em>b</em>old&#8230;</p><p>next&nbsp;one</p><figure><figcaption data-pagefind-ignore=""><span>ts</span><button>Copy</button></figcaption><pre><code>let x = 1 &lt; 2;</code></pre></figure><img src="a.png" alt="A diagram"><br/>end',
    );
    assert.deepEqual(visibleText(tree).split(/\s+/).filter(Boolean), [
      'It’s',
      'bold…',
      'next',
      'one',
      'let',
      'x',
      '=',
      '1',
      '<',
      '2;',
      'A',
      'diagram',
      'end',
    ]);
  });

  it('reads title, day and body of our post page, not a heading of the body', () => {
    const page = readExportedPage(
      postPage('The title', '2024-03-01', '<h1>Body heading</h1><p>Body</p>'),
    )!;
    assert.equal(page.title, 'The title');
    assert.equal(page.day, '2024-03-01');
    assert.equal(visibleText(page.body!).trim().replace(/\s+/g, ' '), 'Body heading Body');
  });

  it('reads a meta refresh target in its usual spellings', () => {
    assert.equal(metaRefreshTarget(redirectPage('/posts/a/')), '/posts/a/');
    assert.equal(
      metaRefreshTarget(`<meta content="0;URL='https://x.org/b/'" http-equiv="Refresh">`),
      'https://x.org/b/',
    );
    assert.equal(metaRefreshTarget('<p>no refresh</p>'), null);
  });
});

describe('resolving URLs as a static host does', () => {
  const out = tempDir();
  write(out, 'a/b.html', 'b');
  write(out, 'c/index.html', 'c');
  write(out, 'd.html', 'd');
  write(out, 'space dir/e/index.html', redirectPage('/c/'));
  write(out, 'loop/index.html', redirectPage('/loop2/'));
  write(out, 'loop2/index.html', redirectPage('/loop3/'));
  write(out, 'loop3/index.html', redirectPage('/c/'));

  it('serves /a/b.html, /a/ and /a as a host would', () => {
    assert.equal(resolveStaticPath(out, '/a/b.html'), path.join(out, 'a/b.html'));
    assert.equal(resolveStaticPath(out, '/c/'), path.join(out, 'c/index.html'));
    assert.equal(resolveStaticPath(out, '/c'), path.join(out, 'c/index.html'));
    assert.equal(resolveStaticPath(out, '/d'), path.join(out, 'd.html'));
    assert.equal(resolveStaticPath(out, '/a/b/'), null);
    assert.equal(resolveStaticPath(out, '/../etc/passwd'), null);
  });

  it('follows redirects, decoded paths included, and gives up after two', () => {
    assert.deepEqual(resolveInExport(out, '/space dir/e/').hops, ['/space dir/e/', '/c/']);
    const loop = resolveInExport(out, '/loop/');
    assert.match(loop.problem ?? '', /more than 2 redirects/);
  });

  it('strips the base path from redirect targets', () => {
    const based = tempDir();
    write(based, 'old/index.html', redirectPage('/blog/new/'));
    write(based, 'new/index.html', 'new');
    const result = resolveInExport(based, '/old/', '/blog');
    assert.equal(result.problem, null);
    assert.deepEqual(result.hops, ['/old/', '/new/']);
    assert.match(resolveInExport(based, '/old/', '/other').problem ?? '', /leaves the base path/);
  });
});

describe('compareWithExport on a hand-made export', () => {
  const runbooksBody = (anchored: string, absolute: string) =>
    `<p>A runbook is read under <a href="${anchored}">the worst</a> <a href="${absolute}">conditions</a>, see <a href="/img/diagram.png">the diagram</a>, <a href="/drafts/">a link the author broke</a> and <a href="https://elsewhere.example/x">elsewhere</a>.</p>`;
  const body =
    '<p>Retries are the <em>first</em> tool everyone reaches for when a dependency is flaky.</p><h2 id="the-problem">The problem</h2><p>Stack two layers and the factor becomes nine.</p>';
  const posts = [
    jekyllPost({
      url: '/reliability/2023/08/retry-budgets/',
      outputPath: 'reliability/2023/08/retry-budgets/index.html',
      relativePath: '_posts/2023-08-21-retry-budgets.md',
      title: 'Retry budgets',
      day: '2023-08-21',
      redirectFrom: ['/2019/retries.html'],
      html: body,
    }),
    jekyllPost({
      url: '/blog/developer experience/2023/09/runbooks/',
      outputPath: 'blog/developer experience/2023/09/runbooks/index.html',
      relativePath: 'blog/_posts/2023-09-14-runbooks.md',
      title: 'Runbooks',
      day: '2023-09-14',
      html: runbooksBody(
        '/reliability/2023/08/retry-budgets/#the-problem',
        'https://example.org/reliability/2023/08/retry-budgets/',
      ),
    }),
  ];
  const manifest = manifestOf(posts, {
    staticFiles: ['/img/diagram.png'],
    outputFiles: [...posts.map((post) => post.outputPath), 'img/diagram.png'],
  });

  function faithfulExport(): string {
    const out = tempDir();
    write(out, 'posts/retry-budgets/index.html', postPage('Retry budgets', '2023-08-21', body));
    write(
      out,
      'reliability/2023/08/retry-budgets/index.html',
      redirectPage('/posts/retry-budgets/'),
    );
    write(out, '2019/retries.html', redirectPage('/posts/retry-budgets/'));
    write(
      out,
      'posts/runbooks/index.html',
      postPage(
        'Runbooks',
        '2023-09-14',
        runbooksBody(
          '/posts/retry-budgets/#the-problem',
          'https://example.org/posts/retry-budgets/',
        ),
      ),
    );
    write(
      out,
      'blog/developer experience/2023/09/runbooks/index.html',
      redirectPage('/posts/runbooks/'),
    );
    write(out, 'img/diagram.png', 'png');
    return out;
  }

  it('passes a faithful export', () => {
    const report = compareWithExport(manifest, faithfulExport());
    assert.deepEqual(report.failures, [], formatReport(report));
    assert.equal(report.posts.length, 3);
    assert.equal(report.medianSimilarity, 1);
    assert.deepEqual(report.posts[0]!.hops, [
      '/reliability/2023/08/retry-budgets/',
      '/posts/retry-budgets/',
    ]);
  });

  it('fails, naming the post, each way an export can be wrong', () => {
    const out = faithfulExport();
    // Body: a word changed and straight quotes; title, day; a heading id; a redirect_from URL; a static file.
    write(
      out,
      'posts/retry-budgets/index.html',
      postPage(
        'Retry Budgets',
        '2023-08-22',
        body
          .replace('everyone', 'anyone')
          .replace('id="the-problem"', 'id="problem"')
          .replace('nine.</p>', 'nine.{: .note}</p>'),
      ),
    );
    rmSync(path.join(out, '2019/retries.html'));
    rmSync(path.join(out, 'img/diagram.png'));
    // Both posts' Jekyll URLs land on one page.
    write(
      out,
      'blog/developer experience/2023/09/runbooks/index.html',
      redirectPage('/posts/retry-budgets/'),
    );
    const report = compareWithExport(manifest, out);
    const text = formatReport(report);
    const [retry, oldUrl, runbooks] = report.posts;
    assert.equal(retry!.titleEqual, false, text);
    assert.equal(retry!.dayEqual, false, text);
    assert.ok(retry!.similarity < 0.99, text);
    assert.match(retry!.diff, /\[-everyone-\] \{\+anyone\+\}/);
    assert.deepEqual(retry!.missingIds, ['the-problem']);
    assert.deepEqual(retry!.leakedSyntax, ['nine.{:']);
    assert.equal(oldUrl!.resolved, null);
    assert.match(oldUrl!.failures.join('\n'), /no file in the export serves \/2019\/retries\.html/);
    assert.match(
      runbooks!.failures.join('\n'),
      /the page of _posts\/2023-08-21-retry-budgets\.md too/,
    );
    assert.deepEqual(report.missingStaticFiles, ['/img/diagram.png']);
    assert.match(text, /^FAIL .*retry-budgets/m);
    assert.match(text, /diff: .*\[-everyone-\]/);
  });

  it('fails links of our body that are broken, take a redirect hop, or name a missing anchor', () => {
    const out = faithfulExport();
    write(
      out,
      'posts/runbooks/index.html',
      postPage(
        'Runbooks',
        '2023-09-14',
        runbooksBody(
          '/posts/retry-budgets/#problem',
          'https://example.org/reliability/2023/08/retry-budgets/',
        ).replace('/img/diagram.png', '/img/missing.png'),
      ),
    );
    const runbooks = compareWithExport(manifest, out).posts.find((post) =>
      post.url.includes('runbooks'),
    )!;
    assert.deepEqual(runbooks.brokenLinks, [
      'link /posts/retry-budgets/#problem: /posts/retry-budgets/ has no element with id "problem"',
      "link https://example.org/reliability/2023/08/retry-budgets/: a redirect page (to /posts/retry-budgets/), not the page's own URL",
      'link /img/missing.png: no file serves /img/missing.png',
    ]);
    assert.equal(runbooks.similarity, 1);
  });

  it('fails a URL that lands on a page that is no post', () => {
    const out = faithfulExport();
    write(out, 'reliability/2023/08/retry-budgets/index.html', redirectPage('/'));
    write(
      out,
      'index.html',
      '<html><body><main><h1>Home</h1><ul><li>a post</li></ul></main></body></html>',
    );
    const report = compareWithExport(manifest, out);
    assert.match(report.posts[0]!.failures.join('\n'), /\/ is not a post page/);
  });

  it('wants the URLs of a moved post (redirect_to) to lead to its target, on the site or off it', () => {
    const moved = [
      jekyllPost({ url: '/old-guide/', redirectTo: '/posts/retry-budgets/' }),
      jekyllPost({
        url: '/cv/',
        relativePath: '_posts/cv.md',
        redirectFrom: ['/resume/'],
        redirectTo: 'https://cv.example/ana',
      }),
    ];
    const movedManifest = manifestOf([...posts, ...moved], {
      staticFiles: ['/img/diagram.png'],
    });
    const out = faithfulExport();
    write(out, 'old-guide/index.html', redirectPage('/reliability/2023/08/retry-budgets/'));
    write(out, 'cv/index.html', redirectPage('https://cv.example/ana'));
    write(out, 'resume/index.html', redirectPage('https://cv.example/ana'));
    const report = compareWithExport(movedManifest, out);
    assert.deepEqual(report.failures, [], formatReport(report));
    assert.equal(report.posts.filter((post) => post.via === 'redirect_to').length, 3);

    write(out, 'old-guide/index.html', redirectPage('/posts/runbooks/'));
    write(out, 'resume/index.html', postPage('CV', '2024-01-01', '<p>x</p>'));
    assert.deepEqual(
      compareWithExport(movedManifest, out).failures.map((failure) => failure.split(':')[0]),
      ['/old-guide/', '/resume/'],
    );
  });
});

const jekyll = findJekyll();
const FIXTURE = path.resolve('e2e/fixtures/jekyll-site');

describe(
  'buildWithJekyll on the fixture site',
  { skip: jekyll ? false : 'jekyll is not installed' },
  () => {
    it('records every post as Jekyll builds it: URLs from the permalink, folders, time zone and front matter', async () => {
      const manifest = await buildWithJekyll(FIXTURE);
      const byPath = new Map(manifest.posts.map((post) => [post.relativePath, post]));
      const post = (relativePath: string) => {
        const found = byPath.get(relativePath);
        assert.ok(found, `${relativePath} not built; built: ${[...byPath.keys()].join(', ')}`);
        return found;
      };
      assert.equal(manifest.posts.length, 20);
      assert.equal(manifest.timezone, 'America/New_York');
      // 22:30 at -07:00 is 01:30 the next day in New York: April, not March.
      assert.equal(
        post('_posts/2023-03-31-the-case-for-boring-deploys.md').url,
        '/operations/2023/04/the-case-for-boring-deploys/',
      );
      // Seconds and no offset: YAML reads it as UTC, so 02:00 is the evening before in New York.
      const lateNight = post('_posts/2023-07-01-notes-from-a-late-night-incident.md');
      assert.equal(lateNight.day, '2023-06-30');
      assert.equal(
        lateNight.url,
        '/operations/incidents/2023/06/notes-from-a-late-night-incident/',
      );
      // Folder categories first, then the post's, then the default's; the URL lowercases them.
      assert.deepEqual(post('notes/tech/_posts/2024-03-05-feature-flags-are-debt.md').categories, [
        'notes',
        'tech',
        'practices',
        'Journal',
      ]);
      assert.equal(
        post('blog/_posts/2023-09-14-writing-runbooks-for-the-3am-reader.md').url,
        '/blog/developer experience/2023/09/writing-runbooks-for-the-3am-reader/',
      );
      assert.equal(post('_posts/2022-12-01-reading-flame-graphs.md').title, 'Reading Flame Graphs');
      assert.equal(post('_posts/2023-05-09-on-naming-things.md').url, '/2023/05/on-naming-things/');
      assert.equal(
        post('_posts/2023-06-12-structured-logging-in-practice.md').url,
        '/guides/structured-logging/',
      );
      assert.deepEqual(post('_posts/2023-08-21-retry-budgets.md').redirectFrom, [
        '/2019/retries.html',
        '/notes/retry-budgets/',
      ]);
      // Liquid renders inside code, {% raw %} protects it.
      const naming = post('_posts/2023-05-09-on-naming-things.md').html;
      assert.match(naming, /<code[^>]*>Field Notes on Software<\/code>/);
      assert.match(naming, /\{\{ page\.date \| date: "%Y" \}\}/);
      assert.deepEqual(
        manifest.pages.map((page) => page.url),
        ['/about/', '/projects/', '/resume/'],
      );
      assert.equal(
        post('_posts/2023-01-09-a-style-guide-for-logs.md').redirectTo,
        '/guides/structured-logging/',
      );
      assert.deepEqual(manifest.staticFiles, [
        '/downloads/sample.txt',
        '/guides/structured-logging/pipeline.png',
        '/img/diagram.png',
      ]);
      assert.ok(!manifest.posts.some((entry) => entry.relativePath.startsWith('_drafts/')));
      assert.ok(manifest.wallSeconds > 0 && manifest.cpuSeconds > 0);
    });
  },
);

describe(
  'buildWithJekyll on a site made for other machines',
  { skip: jekyll ? false : 'jekyll is not installed' },
  () => {
    it("builds a site whose theme, plugins, Gemfile and plugins' tags are not installed here, and says what it did", async () => {
      const site = tempDir();
      write(
        site,
        '_config.yml',
        'title: Elsewhere\ntheme: no-such-theme\nplugins:\n  - jekyll-no-such-plugin\n  - jekyll-feed\npaginate: 5\n',
      );
      write(
        site,
        'Gemfile',
        'source "https://rubygems.org"\ngem "no-such-theme"\ngem "jekyll-no-such-plugin"\n',
      );
      write(site, '_layouts/post.html', '{% no_such_layout_tag %}{{ content }}');
      write(site, 'assets/main.scss', '---\n---\n@import "no-such-theme";\n');
      write(
        site,
        '_posts/2024-01-02-embeds.md',
        '---\ntitle: Embeds\nlayout: post\n---\n\nBefore {% gist 1234 %} and {% spoiler %}hidden{% endspoiler %} after.\n',
      );
      const manifest = await buildWithJekyll(site);
      assert.equal(manifest.posts.length, 1);
      assert.match(manifest.posts[0]!.html, /<p>Before\s+and\s+after\.<\/p>/);
      const notes = manifest.overrides.join('\n');
      assert.match(notes, /plugins not installed here, dropped: jekyll-no-such-plugin/);
      assert.match(notes, /theme "no-such-theme" not installed here, dropped/);
      assert.match(
        notes,
        /\{% gist %\} \(a plugin's tag, not installed here\) rendered as nothing/,
      );
      assert.match(notes, /\{% spoiler %\}/);
      assert.deepEqual(
        manifest.outputFiles.filter((file) => file.endsWith('.css')),
        [],
      );
    });
  },
);
