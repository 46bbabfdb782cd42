/**
 * Rebuilds as authors run them: `npm run build` three times over a small folder
 * of posts. Editing a post's text reuses the last `next build` and still puts the
 * new text into the page and the feed; editing its title runs `next build` again.
 * A stale page here would be the worst kind of bug: a build that passes and
 * publishes the old text. Builds in a copy of the project (tests/helpers/project-copy.ts).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { copyProject } from '../helpers/project-copy';

const folder = mkdtempSync(path.join(tmpdir(), 'blog-rebuild-'));
after(() => rmSync(folder, { recursive: true, force: true }));

const post = (title: string, day: string, body: string) =>
  `---\nlayout: post\ntitle: "${title}"\ndate: ${day}\ncategories: [testing]\nexcerpt: "About ${title}."\n---\n\n${body}\n`;
const write = (name: string, text: string) => writeFileSync(path.join(folder, name), text);

// Builds write out/, .content/ and .cache/: in a copy of the project, never this checkout.
const copy = copyProject('blog-rebuild-project');
after(() => copy.remove());

function build(): string {
  const result = copy.build({ CONTENT_DIR: folder });
  assert.equal(result.status, 0, result.output);
  return result.output;
}

const page = (file: string) => readFileSync(path.join(copy.project, 'out', file), 'utf8');

describe('rebuilding after an edit', { timeout: 300_000 }, () => {
  write('2024-03-01-older.md', post('Older post', '2024-03-01', 'The older text.'));
  write(
    '2024-03-02-newest.md',
    post('Newest post', '2024-03-02', 'The first text of the newest post.'),
  );

  it('builds the posts from scratch', () => {
    rmSync(path.join(copy.project, '.cache/next-export'), { recursive: true, force: true });
    const output = build();
    assert.match(output, /Generated 2 documents/);
    assert.match(output, /next build: done/);
    assert.match(page('posts/newest/index.html'), /The first text of the newest post\./);
  });

  it('reuses next build after a text edit, and shows the new text on the page and in the feeds', () => {
    write(
      '2024-03-02-newest.md',
      post(
        'Newest post',
        '2024-03-02',
        'The edited text of the newest post, with <em>markup</em>.',
      ),
    );
    const output = build();
    // The body is in no staged document: contentlayer has nothing new to type.
    assert.match(output, /contentlayer: skipped/);
    assert.match(output, /next build: skipped/);
    const html = page('posts/newest/index.html');
    assert.match(html, /The edited text of the newest post, with <em>markup<\/em>\./);
    assert.doesNotMatch(html, /first text|data-post-body/);
    assert.match(
      page('feed.xml'),
      /<!\[CDATA\[<p>The edited text of the newest post, with <em>markup<\/em>\.<\/p>/,
    );
    const json = JSON.parse(page('feed.json')) as { items: { id: string; content_html: string }[] };
    assert.match(
      json.items.find((item) => item.id.endsWith('/posts/newest/'))!.content_html,
      /The edited text/,
    );
    assert.match(page('categories/testing/atom.xml'), /The edited text/);
  });

  it('runs next build again after a title edit, and lists the new title', () => {
    write('2024-03-01-older.md', post('Older post, retitled', '2024-03-01', 'The older text.'));
    const output = build();
    assert.doesNotMatch(output, /contentlayer: skipped/);
    assert.match(output, /next build: done/);
    assert.match(page('index.html'), /Older post, retitled/);
    assert.match(page('posts/older/index.html'), /The older text\./);
    assert.match(page('posts/newest/index.html'), /The edited text/);
  });

  it('runs contentlayer again after contentlayer dev changed its data, even for the same documents', () => {
    // dev regenerates the data from what it staged; a build from the documents of the last build must not trust it.
    const keyFile = path.join(copy.project, '.cache/contentlayer-key');
    assert.ok(existsSync(keyFile));
    const dev = copy.step('scripts/contentlayer.mjs', ['dev'], { CONTENT_DIR: folder }, 3_000);
    assert.ok(dev.timedOut, 'contentlayer dev keeps watching');
    assert.ok(!existsSync(keyFile), 'contentlayer dev forgot the key of the last build');
    const output = build();
    assert.doesNotMatch(output, /contentlayer: skipped/);
  });
});
