/**
 * The hostile corpus (issue 12), generated here: what an attacker or a careless author would write. Each
 * case ends in a clear `file:line: field: message` from the check, or builds safely, in bounded time; and
 * the build writes nothing outside out/ and the project's caches. The project is copied into a temporary
 * root first (tests/helpers/project-copy.ts), so the listing of that root before and after the build shows
 * every file the build created, and the build cannot touch this checkout.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ALLOWED, copyProject, listing } from '../helpers/project-copy';
import { SaxesParser } from 'saxes';

const copy = copyProject('blog-hostile');
const { root, project, step, build } = copy;
after(() => copy.remove());

/** The text of every <title> of an XML document, read by a strict XML parser (which throws on ill-formed XML). */
function xmlTitles(xml: string): string[] {
  const parser = new SaxesParser({ xmlns: false });
  const titles: string[] = [];
  let inTitle = false;
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    inTitle = tag.name === 'title';
    if (inTitle) titles.push('');
  });
  parser.on('closetag', () => (inTitle = false));
  const addText = (text: string) => {
    if (inTitle) titles[titles.length - 1] += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.write(xml).close();
  return titles;
}

const post = (frontMatter: string, body = 'Body text.') => `---\n${frontMatter}\n---\n\n${body}\n`;
const write = (dir: string, name: string, text: string | Buffer) => {
  mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  writeFileSync(path.join(dir, name), text);
};
// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe('npm run check on a hostile corpus', { timeout: 300_000 }, () => {
  const content = path.join(root, 'check-content');
  const nested = (depth: number) => `${'- '.repeat(depth)}deep\n`;
  const files: Record<string, string> = {
    // 3. permalinks that would take over paths of the export, or are no path at all
    '2024-01-01-takes-search.md': post(
      'title: T\ndate: 2024-01-01\npermalink: /pagefind/pagefind.js',
    ),
    '2024-01-02-takes-image.md': post('title: T\ndate: 2024-01-02\npermalink: /share-image.png'),
    '2024-01-03-takes-feed.md': post('title: T\ndate: 2024-01-03\npermalink: /feed.xml'),
    '2024-01-04-script.md': post('title: T\ndate: 2024-01-04\npermalink: "javascript:alert(1)"'),
    '2024-01-05-climbs.md': post('title: T\ndate: 2024-01-05\npermalink: /a/../../etc/passwd'),
    '2024-01-06-nul-permalink.md': post('title: T\ndate: 2024-01-06\npermalink: "/a\\0b"'),
    '2024-01-07-long-permalink.md': post(
      `title: T\ndate: 2024-01-07\npermalink: /${'x'.repeat(300)}/`,
    ),
    // 8. slugs and file names that cannot be a URL segment
    '2024-02-01-dots.md': post('title: T\ndate: 2024-02-01\nslug: ".."'),
    '2024-02-02-percent.md': post('title: T\ndate: 2024-02-02\nslug: "100%"'),
    '2024-02-03-a%zz.md': post('title: T\ndate: 2024-02-03'),
    '2024-02-04-nul-slug.md': post('title: T\ndate: 2024-02-04\nslug: "a\\0b"'),
    '2024-02-05-long-slug.md': post(`title: T\ndate: 2024-02-05\nslug: ${'s'.repeat(300)}`),
    '2024-02-06-a#b.md': post('title: T\ndate: 2024-02-06'),
    '2024-02-07-a?b.md': post('title: T\ndate: 2024-02-07'),
    '2024-02-08-new\nline.md': post('title: T\ndate: 2024-02-08'),
    // 6. unbounded Liquid
    '2024-03-01-liquid-loop.md': post(
      'title: T\ndate: 2024-03-01',
      'Intro.\n\n{% for i in (1..100000000) %}x{% endfor %}\n',
    ),
    // 7. deep nesting and a YAML alias bomb
    '2024-04-01-nested-2000.md': post('title: T\ndate: 2024-04-01', `Intro.\n\n${nested(2000)}`),
    '2024-04-02-nested-50000.md': post('title: T\ndate: 2024-04-02', `Intro.\n\n${nested(50_000)}`),
    '2024-04-04-nested-liquid.md': post(
      'title: T\ndate: 2024-04-04',
      `Intro {{ site.title }}.\n\n${nested(50_000)}`,
    ),
    '2024-04-03-alias-bomb.md': post(
      [
        'title: T',
        'date: 2024-04-03',
        'a: &a ["x","x","x","x","x","x","x","x","x"]',
        ...'bcdefghi'
          .split('')
          .map(
            (name, at) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[at]}`).join(',')}]`,
          ),
      ].join('\n'),
    ),
    // 9. a control character in a title
    '2024-05-01-bell.md': post('title: "Ring \\a the bell"\ndate: 2024-05-01'),
  };

  let output = '';
  let status: number | null = null;
  let seconds = 0;
  before(() => {
    for (const [name, text] of Object.entries(files)) write(content, name, text);
    write(
      path.join(root, 'elsewhere'),
      '2024-06-01-linked.md',
      post('title: Linked\ndate: 2024-06-01'),
    );
    symlinkSync(
      path.join(root, 'elsewhere/2024-06-01-linked.md'),
      path.join(content, '2024-06-01-linked.md'),
    );
    ({ output, status, seconds } = step(
      'scripts/content.ts',
      ['--check'],
      { CONTENT_DIR: content },
      120_000,
    ));
  });

  it('stops, in bounded time, without a stack trace', () => {
    assert.equal(status, 1, output);
    assert.ok(seconds < 120, `took ${seconds} s`);
    assert.doesNotMatch(output, /\n\s+at .+:\d+:\d+\)?\n/, 'no stack trace');
  });

  const expectations: [string, RegExp][] = [
    [
      '2024-01-01-takes-search.md',
      /:4: permalink: "\/pagefind\/pagefind\.js" is inside \/pagefind\//,
    ],
    [
      '2024-01-02-takes-image.md',
      /:4: permalink: "\/share-image\.png" is a path the site already has/,
    ],
    ['2024-01-03-takes-feed.md', /:4: permalink: "\/feed\.xml" is a path the site already has/],
    ['2024-01-04-script.md', /:4: permalink: "javascript:alert\(1\)" is a URL with a scheme/],
    ['2024-01-05-climbs.md', /:4: permalink: .* "\." or "\.\." segments/],
    ['2024-01-06-nul-permalink.md', /:4: permalink: .*control character U\+0000/],
    ['2024-01-07-long-permalink.md', /:4: permalink: .*segment of 300 bytes, more than 200/],
    ['2024-02-01-dots.md', /:4: slug: .*"\.\." is a folder name of its own/],
    ['2024-02-02-percent.md', /:4: slug: .*"100%" has "%"/],
    ['2024-02-03-a%zz.md', /:\d+: slug: the file name gives the slug "a%zz", which has "%"/],
    ['2024-02-04-nul-slug.md', /:4: slug: .*U\+0000/],
    ['2024-02-05-long-slug.md', /:4: slug: .*300 characters long in a URL, more than 150/],
    ['2024-02-06-a#b.md', /:\d+: slug: the file name gives the slug "a#b", which has "#"/],
    ['2024-02-07-a?b.md', /:\d+: slug: the file name gives the slug "a\?b", which has "\?"/],
    [
      '2024-02-08-new\nline.md',
      /:\d+: slug: the file name gives the slug "new\?line", which has U\+000A/,
    ],
    ['2024-03-01-liquid-loop.md', /:8: liquid: /],
    ['2024-04-01-nested-2000.md', /:8: body: /],
    ['2024-04-02-nested-50000.md', /:8: body: /],
    ['2024-04-04-nested-liquid.md', /:8: body: /],
    ['2024-04-03-alias-bomb.md', /:\d+: front matter: /],
    ['2024-05-01-bell.md', /:2: title: .*U\+0007/],
    ['2024-06-01-linked.md', /:1: file: is a symbolic link to .*outside the folder/],
  ];
  for (const [file, expected] of expectations) {
    it(`${JSON.stringify(file)} is named with its line`, () => {
      // Problems name a file with its control characters escaped (lib/build/problems.ts).
      const shown = path
        .join(content, file)
        .replace(/\p{Cc}/gu, (character) => JSON.stringify(character).slice(1, -1));
      const lines = output.split('\n').filter((line) => line.includes(shown));
      assert.ok(
        lines.some((line) => expected.test(line)),
        `expected ${expected} among:\n${lines.join('\n') || output}`,
      );
    });
  }
});

describe('npm run check refuses bad settings, naming the variable', { timeout: 120_000 }, () => {
  const content = path.join(root, 'settings-content');
  before(() => write(content, '2024-01-01-fine.md', post('title: Fine\ndate: 2024-01-01')));
  const cases: [Record<string, string>, RegExp][] = [
    [{ POSTS_PER_PAGE: '-1' }, /POSTS_PER_PAGE/],
    [{ SITE_URL: 'www.example.com' }, /SITE_URL/],
    [{ BASE_PATH: '"/><script>alert(1)</script>' }, /BASE_PATH/],
    [{ BASE_PATH: '/a b' }, /BASE_PATH/],
    [{ CONTENT_DIR: 'public/content-assets/posts' }, /CONTENT_DIR/],
    [{ CONTENT_DIR: '.' }, /CONTENT_DIR/],
  ];
  for (const [settings, expected] of cases) {
    it(JSON.stringify(settings), () => {
      if (settings.CONTENT_DIR)
        write(
          path.join(project, settings.CONTENT_DIR),
          '2024-01-01-fine.md',
          post('title: Fine\ndate: 2024-01-01'),
        );
      const { status, output } = step(
        'scripts/content.ts',
        ['--check'],
        { CONTENT_DIR: content, ...settings },
        60_000,
      );
      assert.equal(status, 1, output);
      assert.match(output, expected);
      assert.doesNotMatch(output, /\n\s+at .+:\d+:\d+\)?\n/, 'no stack trace');
      if (settings.CONTENT_DIR)
        rmSync(path.join(project, settings.CONTENT_DIR, '2024-01-01-fine.md'));
    });
  }
});

describe('a hostile corpus that builds, safely', { timeout: 600_000 }, () => {
  const content = path.join(root, 'content');
  const escapeName = `hostile-${randomBytes(6).toString('hex')}`;
  const longLine = `const x = [${Array.from({ length: 2500 }, (_, at) => `"s${at}"`).join(',')}];`;
  let result: ReturnType<typeof build>;
  let created: string[] = [];
  before(() => {
    // 1. a category that climbs out of out/ in Jekyll's old URL
    write(
      content,
      '2024-01-01-escape.md',
      post(`title: Escape\ndate: 2024-01-01\ncategories: ["${'../'.repeat(12)}tmp/${escapeName}"]`),
    );
    // 10. titles that write a body marker, and markup
    // 9. and a control character in the body, which XML forbids in the full-text feeds
    write(
      content,
      '2024-01-02-forged.md',
      post(
        `title: '[post-body:6869] data-post-body="6869" <b>bold</b>'\ndate: 2024-01-02\nexcerpt: '[post-body:6869] <i>x</i>'`,
        'A bell \u0007 rings ]]> twice ]]>.',
      ),
    );
    // 5. one 20 KB line of JavaScript
    write(
      content,
      '2024-01-03-long-line.md',
      post('title: Long line\ndate: 2024-01-03', `Intro.\n\n\`\`\`js\n${longLine}\n\`\`\`\n`),
    );
    // 4. only what published posts link to is published
    write(
      content,
      '2024-01-04-assets.md',
      post(
        'title: Assets\ndate: 2024-01-04',
        '![diagram](img/diagram.png)\n\n[notes](files/notes.txt)\n',
      ),
    );
    write(
      content,
      '2024-01-05-draft.md',
      post(
        'title: Draft\ndate: 2024-01-05\ndraft: true',
        '![only the draft](img/draft-only.png)\n',
      ),
    );
    write(content, 'img/diagram.png', PNG);
    write(content, 'img/draft-only.png', PNG);
    write(content, 'img/unused.png', PNG);
    write(content, 'files/notes.txt', 'notes');
    write(content, '.private/tax-return.pdf', '%PDF-1.4 private');
    write(content, '.git/config', '[core]');
    write(content, '2024-01-04-assets.md~', 'an editor backup');
    const before = listing(root);
    result = build({ CONTENT_DIR: content, JEKYLL_REDIRECTS: '1' });
    created = [...listing(root)].filter((entry) => !before.has(entry));
  });

  it('builds, in bounded time', () => {
    assert.equal(result.status, 0, result.output);
    assert.equal(result.timedOut, false);
  });

  it('creates no file outside out/ and the caches, in the root or in /tmp', () => {
    // tsx, which runs the build's TypeScript, keeps its compile cache in the temp folder (tsx-<uid>/).
    const outside = created.filter(
      (entry) =>
        !ALLOWED.some((allowed) => entry.startsWith(`project/${allowed}`)) &&
        !/^tmp\/tsx-\d+\//.test(entry),
    );
    assert.deepEqual(outside, []);
    assert.equal(existsSync(path.join('/tmp', escapeName)), false);
  });

  it("keeps Jekyll's old URL of the climbing category inside the export", () => {
    const redirect = path.join(project, 'out/tmp', escapeName, '2024/01/01/escape.html');
    assert.match(readFileSync(redirect, 'utf8'), /url=\/posts\/escape\//);
    assert.doesNotMatch(readFileSync(path.join(project, 'out/_redirects'), 'utf8'), /\.\./);
  });

  it('shows a forged body marker as the text it is, in the page and the feeds', () => {
    const page = readFileSync(path.join(project, 'out/posts/forged/index.html'), 'utf8');
    assert.match(
      page,
      />\[post-body:6869\] data-post-body=(&quot;|")6869(&quot;|") &lt;b&gt;bold&lt;\/b&gt;</,
    );
    const forged = '[post-body:6869] data-post-body="6869" <b>bold</b>';
    for (const feed of ['feed.xml', 'atom.xml'])
      assert.ok(
        xmlTitles(readFileSync(path.join(project, 'out', feed), 'utf8')).includes(forged),
        feed,
      );
    const feed = JSON.parse(readFileSync(path.join(project, 'out/feed.json'), 'utf8')) as {
      items: { title: string }[];
    };
    assert.ok(feed.items.some((item) => item.title === forged));
  });

  it('shows an over-long code line as plain text, with a warning naming the line', () => {
    assert.match(result.output, /2024-01-03-long-line\.md:(8|9): [^\n]*warning: /);
    const page = readFileSync(path.join(project, 'out/posts/long-line/index.html'), 'utf8');
    assert.ok(page.includes('s2499'), 'the code is on the page');
  });

  it('publishes only the files published posts link to: no dot file, backup, unused or draft-only file', () => {
    const published = [...listing(path.join(project, 'out/content-assets'))].sort();
    assert.deepEqual(published, ['files/', 'files/notes.txt', 'img/', 'img/diagram.png']);
    const all = [...listing(path.join(project, 'out'))];
    assert.deepEqual(
      all.filter((entry) => /(^|\/)\.|tax-return|draft-only|unused|~$/.test(entry)),
      [],
    );
  });
});

describe('a blog without categories or tags', { timeout: 600_000 }, () => {
  const content = path.join(root, 'plain');
  it('builds, with a categories page, a tags page and no placeholder', () => {
    write(content, '2024-01-01-plain.md', post('title: Plain\ndate: 2024-01-01'));
    const result = build({ CONTENT_DIR: content });
    assert.equal(result.status, 0, result.output);
    for (const taxonomy of ['categories', 'tags']) {
      assert.deepEqual(readdirSync(path.join(project, 'out', taxonomy)), ['index.html']);
      assert.match(
        readFileSync(path.join(project, 'out', taxonomy, 'index.html'), 'utf8'),
        new RegExp(`<h1[^>]*>${taxonomy === 'tags' ? 'Tags' : 'Categories'}</h1>.*>0 ${taxonomy}<`),
      );
    }
    assert.doesNotMatch(
      readFileSync(path.join(project, 'out/sitemap.xml'), 'utf8'),
      /(categories|tags)\/_\/|\/authors\//,
    );
    // One author: no author pages at all, not even the index.
    assert.equal(existsSync(path.join(project, 'out/authors')), false);
  });

  it('leaves no half-finished out/ when an export step fails', () => {
    // The last next build again (kept, so this is quick), then every staged body gone: the step that puts
    // bodies into pages fails after the redirects were written, half-way through the export.
    assert.match(
      step('scripts/next-export.ts', [], { CONTENT_DIR: content }).output,
      /next build: skipped/,
    );
    assert.ok(existsSync(path.join(project, 'out/index.html')));
    rmSync(path.join(project, '.content/html'), { recursive: true, force: true });
    const result = step('scripts/post-export.ts', [], { CONTENT_DIR: content });
    assert.equal(result.status, 1, result.output);
    assert.match(result.output, /No export was kept/);
    assert.equal(existsSync(path.join(project, 'out')), false);
    assert.equal(existsSync(path.join(project, '.cache/export-in-progress')), false);
  });
});
