/**
 * The content step as authors meet it: `npm run content` (contentlayer, then the
 * cross-post check) over a folder of posts, in a copy of the project. Bad input must stop it with a message
 * that names the file and the field; good input must lose no post.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { copyProject } from '../helpers/project-copy';

const folders: string[] = [];
after(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function corpus(files: Record<string, string>): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'blog-content-'));
  folders.push(folder);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text);
  return folder;
}

// The content step writes .content/ and .contentlayer/: in a copy of the project, never this checkout.
const copy = copyProject('blog-content-step');
after(() => copy.remove());
const generatedIndex = path.join(copy.project, '.contentlayer/generated/Post/_index.json');

/** `npm run content` (or `npm run check`) over a folder of posts, in the copy. */
function runContentStep(
  folder: string,
  script: 'content' | 'check' = 'content',
  env: Record<string, string> = {},
) {
  return copy.step('scripts/content.ts', script === 'check' ? ['--check'] : [], {
    CONTENT_DIR: folder,
    ...env,
  });
}

const post = (frontMatter: string, body = 'Body text.') => `---\n${frontMatter}\n---\n\n${body}\n`;

describe('the content step', () => {
  it('fails on each bad post, naming every file and what is wrong', () => {
    const folder = corpus({
      '2024-01-01-no-title.md': post('date: 2024-01-01\ntitle: ""'),
      '2024-01-02-impossible-date.md': post('title: Impossible\ndate: 2024-13-45'),
      'no-date-in-name.md': post('title: Dateless'),
      '2024-01-07-dated-by-its-name.md': post('categories: [a]'),
      '2024-01-04-broken-yaml.md': post('title: [unclosed\ndate: 2024-01-04'),
      '2024-01-05-wrong-type.md': post('title: Typed\ndate: 2024-01-05\npublished: "nope"'),
      '2024-01-06-fine.md': post('title: Fine\ndate: 2024-01-06'),
    });
    const { status, output } = runContentStep(folder);
    assert.notEqual(status, 0, output);
    // file:line: field: message, where line is the field's line (the front matter starts on line 2).
    assert.match(output, /2024-01-01-no-title\.md:3: title: must not be empty/);
    assert.match(output, /2024-01-02-impossible-date\.md:3: date: "2024-13-45" has no month 13/);
    // A post without a date has the date of its file name, and its title from the name: as in Jekyll.
    assert.match(output, /no-date-in-name\.md:3: date: is required: the file name has no date/);
    assert.doesNotMatch(output, /2024-01-07-dated-by-its-name/);
    assert.match(output, /2024-01-04-broken-yaml\.md:\d+: front matter: Flow sequence/);
    assert.match(
      output,
      /2024-01-05-wrong-type\.md:4: published: must be true or false, not "nope"/,
    );
    assert.doesNotMatch(output, /2024-01-06-fine/);
  });

  it('publishes two posts with the same slug, warning and naming both files', () => {
    const folder = corpus({
      '2024-01-01-same.md': post('title: One\ndate: 2024-01-01'),
      '2024-02-01-other.md': post('title: Two\ndate: 2024-02-01\nslug: same'),
    });
    const { status, output } = runContentStep(folder, 'check');
    assert.equal(status, 0, output);
    assert.match(
      output,
      /2024-02-01-other\.md:\d+: slug: warning: "same" is also the slug of \S*2024-01-01-same\.md, published earlier; this post is published as "same-2024-02-01"/,
    );
  });

  it('fails on a post file it would otherwise skip, naming it', () => {
    const folder = corpus({
      '2024-01-01-read.md': post('title: Read\ndate: 2024-01-01'),
      '2024-01-02-skipped.html': post('title: Skipped\ndate: 2024-01-02'),
    });
    const { status, output } = runContentStep(folder);
    assert.notEqual(status, 0, output);
    assert.match(
      output,
      /2024-01-02-skipped\.html:1: file: only Markdown posts ending in \.md or \.markdown are read/,
    );
  });

  it('reads .markdown files, a byte order mark, Windows line endings and non-ASCII file names', () => {
    const folder = corpus({
      '2024-01-01-plain.markdown': post('title: Markdown extension\ndate: 2024-01-01'),
      '2024-01-02-bom-crlf.md':
        `\uFEFF${post('title: BOM and CRLF\ndate: 2024-01-02\ncategories: [aws]', 'First line\nsecond line.\n\n## Heading')}`.replace(
          /\n/g,
          '\r\n',
        ),
      '2024-01-03-café-über.md': post('title: Ünïcode file\ndate: 2024-01-03'),
    });
    const { status, output } = runContentStep(folder);
    assert.equal(status, 0, output);
    const generated = JSON.parse(readFileSync(generatedIndex, 'utf8')) as Record<string, unknown>[];
    const bySlug = Object.fromEntries(generated.map((doc) => [doc.postSlug, doc]));
    assert.deepEqual(Object.keys(bySlug).sort(), ['bom-crlf', 'café-über', 'plain']);
    assert.equal(bySlug['plain']?.sourcePath, path.join(folder, '2024-01-01-plain.markdown'));
    assert.equal(bySlug['bom-crlf']?.title, 'BOM and CRLF');
    assert.equal(bySlug['bom-crlf']?.summary, 'First line second line.');
    // Objects are passed through as the content step staged them (contentlayer.config.ts).
    assert.deepEqual(bySlug['bom-crlf']?.headings, [{ depth: 2, text: 'Heading', id: 'heading' }]);
    assert.deepEqual(bySlug['bom-crlf']?.categoryRefs, [{ name: 'aws', slug: 'aws' }]);
    assert.deepEqual(bySlug['bom-crlf']?.publishedAt, {
      epochMs: Date.UTC(2024, 0, 2),
      day: '2024-01-02',
      iso: '2024-01-02T00:00:00Z',
    });
  });

  it('fails on broken internal links, naming the file, the line and the link, all at once', () => {
    const folder = corpus({
      '2024-01-01-target.md': post('title: Target\ndate: 2024-01-01', '## A heading\n\nText.'),
      '2024-01-02-linker.md': post(
        'title: Linker\ndate: 2024-01-02',
        'Fine: [target](/posts/target/#a-heading).\n\nBroken: [nowhere](/posts/nowhere/).\n\n![gone](./gone.png)\n\n[bad](/posts/target/#missing)',
      ),
    });
    const { status, output } = runContentStep(folder);
    assert.notEqual(status, 0, output);
    // The front matter ends on line 4; the body starts with a blank line.
    assert.match(
      output,
      /2024-01-02-linker\.md:8: broken link: "\/posts\/nowhere\/": no page or file of the site has this path/,
    );
    assert.match(
      output,
      /2024-01-02-linker\.md:10: missing image: "\.\/gone\.png": no such file beside the post/,
    );
    assert.match(
      output,
      /2024-01-02-linker\.md:12: broken link: "\/posts\/target\/#missing": no heading or element with id "missing"/,
    );
    assert.doesNotMatch(output, /#a-heading/);
  });

  it('fails on tabs in front matter, naming the file and the line', () => {
    const folder = corpus({
      '2024-01-01-tabs.md':
        '---\ntitle: Tabs\ndate: 2024-01-01\ncategories:\n\t- aws\n---\n\nBody.\n',
    });
    const { status, output } = runContentStep(folder);
    assert.notEqual(status, 0, output);
    assert.match(
      output,
      /2024-01-01-tabs\.md:5: front matter: Tabs are not allowed as indentation/,
    );
  });

  it('builds every valid post, unknown fields and all, and skips none', () => {
    const folder = corpus({
      '2024-01-01-a.md': post(
        'layout: post\ntitle: A\ndate: 2024-01-01\ncomments: true\nauthor: someone\ntags: [x, y]',
      ),
      '2024-01-02-b.md': post('title: B\ndate: 2023-06-01 14:30:00 +0200\ncategories: aws devops'),
      '2024-01-03-c.md': post(
        'title: C\ndate: 2024-01-03T10:00:00Z\ncategory: Cloud Computing\ndraft: true',
      ),
    });
    const { status, output } = runContentStep(folder);
    assert.equal(status, 0, output);
    assert.match(output, /Content OK: 3 posts \(2 published\)/);
    const generated = JSON.parse(readFileSync(generatedIndex, 'utf8')) as unknown[];
    assert.equal(generated.length, 3);
  });

  it('npm run check passes the Jekyll fixture (Liquid, includes, permalinks) and writes nothing', () => {
    const staged = readFileSync(generatedIndex, 'utf8');
    const { status, output } = runContentStep('e2e/fixtures/jekyll/_posts', 'check', {
      BASE_PATH: '/blog',
      JEKYLL_REDIRECTS: '1',
    });
    assert.equal(status, 0, output);
    assert.match(output, /Content OK: 12 posts \(10 published\)/);
    assert.equal(readFileSync(generatedIndex, 'utf8'), staged);
  });

  it("npm run check reports the broken fixture's two problems, and only them, as file:line: message", () => {
    const { status, output } = runContentStep('e2e/fixtures/broken/_posts', 'check');
    assert.notEqual(status, 0, output);
    const problems = output.split('\n').filter((line) => line.startsWith('e2e/'));
    assert.deepEqual(problems, [
      'e2e/fixtures/broken/_posts/2024-01-01-broken-content.md:10: broken link: "/posts/no-such-post/": no page or file of the site has this path',
      'e2e/fixtures/broken/_posts/2024-01-01-broken-content.md:13: liquid: tag {% if site.title %} not closed',
    ]);
    assert.match(output, /2 problems in e2e\/fixtures\/broken\/_posts/);
  });

  it('counts the files of the problems when some are not in the folder of posts (a page)', () => {
    const pages = corpus({ 'about.md': 'An About page without front matter.\n' });
    const { status, output } = runContentStep('e2e/fixtures/broken/_posts', 'check', {
      PAGES_DIR: pages,
    });
    assert.notEqual(status, 0, output);
    assert.match(output, /about\.md:1: front matter: is missing/);
    assert.match(output, /3 problems in 2 files/);
  });

  it('reports Liquid problems of several posts at once, each with its file line', () => {
    const folder = corpus({
      '2024-01-01-unknown-tag.md': post('title: A\ndate: 2024-01-01', 'One.\n\n{% tweet 123 %}'),
      '2024-01-02-missing-include.md': post(
        'title: B\ndate: 2024-01-02',
        '{% include nowhere.html %}',
      ),
      '2024-01-03-fine.md': post(
        'title: C\ndate: 2024-01-03',
        '{{ site.title }} and {% post_url 2024-01-01-unknown-tag %}',
      ),
    });
    const { status, output } = runContentStep(folder, 'check');
    assert.notEqual(status, 0, output);
    // The front matter ends on line 4; the body starts with a blank line.
    assert.match(output, /2024-01-01-unknown-tag\.md:8: liquid: tag "tweet" not found/);
    assert.match(
      output,
      /2024-01-02-missing-include\.md:6: liquid: include: no file "nowhere\.html" in /,
    );
    assert.doesNotMatch(output, /2024-01-03-fine/);
  });
});
