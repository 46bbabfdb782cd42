import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { parse } from 'yaml';
import { parsePostDate, postSlug } from '../../lib/content/rules';

const folder = mkdtempSync(path.join(tmpdir(), 'blog-new-'));
after(() => rmSync(folder, { recursive: true, force: true }));

const runIn = (contentDir: string, ...args: string[]) =>
  spawnSync(process.execPath, ['scripts/new-post.mjs', ...args], {
    env: { ...process.env, CONTENT_DIR: contentDir },
    encoding: 'utf8',
  });
const run = (...args: string[]) => runIn(folder, ...args);

describe('npm run new', () => {
  it("writes a post named by today's date and the title's slug, with front matter ready to fill in", () => {
    const result = run(
      'Zero-Downtime Déploiements: Part 2',
      '--category',
      'aws',
      '--category',
      'Cloud Computing',
    );
    assert.equal(result.status, 0, result.stderr);
    const today = new Date().toISOString().slice(0, 10);
    const name = `${today}-zero-downtime-deploiements-part-2.md`;
    assert.deepEqual(readdirSync(folder), [name]);
    const text = readFileSync(path.join(folder, name), 'utf8');
    const frontMatter = parse(text.split('---')[1] ?? '') as Record<string, unknown>;
    assert.equal(frontMatter.title, 'Zero-Downtime Déploiements: Part 2');
    assert.equal(frontMatter.date, today);
    assert.deepEqual(frontMatter.categories, ['aws', 'Cloud Computing']);
    assert.equal(frontMatter.layout, 'post');
    // What it writes passes the content rules.
    assert.equal(parsePostDate(String(frontMatter.date)).day, today);
    assert.equal(postSlug(name), 'zero-downtime-deploiements-part-2');
  });

  it('refuses to overwrite, or to reuse a slug', () => {
    const again = run('Zero-Downtime Déploiements: Part 2');
    assert.notEqual(again.status, 0);
    assert.match(again.stderr, /already exists/);
    const otherDay = run('Zero downtime deploiements part 2', '--date', '2020-01-01');
    assert.notEqual(otherDay.status, 0);
    assert.match(otherDay.stderr, /already has the slug/);
    assert.equal(readdirSync(folder).length, 1);
  });

  it('needs a title', () => {
    const result = run();
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /give the post a title/);
  });

  it('cuts the slug of a very long title to 80 characters at a hyphen, keeping the whole title', () => {
    const longFolder = mkdtempSync(path.join(tmpdir(), 'blog-new-long-'));
    after(() => rmSync(longFolder, { recursive: true, force: true }));
    const title = Array.from({ length: 80 }, (_, index) => `word${index}`)
      .join(' ')
      .slice(0, 400);
    assert.equal(title.length, 400);
    const result = runIn(longFolder, title, '--date', '2024-01-01');
    assert.equal(result.status, 0, result.stderr);
    const [name] = readdirSync(longFolder);
    assert.ok(name);
    const slug = postSlug(name);
    assert.ok(slug.length <= 80, slug);
    assert.equal(
      slug,
      'word0-word1-word2-word3-word4-word5-word6-word7-word8-word9-word10-word11-word12',
    );
    const frontMatter = parse(
      readFileSync(path.join(longFolder, name), 'utf8').split('---')[1] ?? '',
    ) as Record<string, unknown>;
    assert.equal(frontMatter.title, title);

    const oneWord = runIn(longFolder, 'x'.repeat(400), '--date', '2024-01-01');
    assert.equal(oneWord.status, 0, oneWord.stderr);
    assert.ok(
      readdirSync(longFolder).includes(`2024-01-01-${'x'.repeat(80)}.md`),
      readdirSync(longFolder).join(', '),
    );
  });

  it('reports a file-system error as one "new:" line, without a stack trace', () => {
    const blocked = mkdtempSync(path.join(tmpdir(), 'blog-new-blocked-'));
    after(() => rmSync(blocked, { recursive: true, force: true }));
    writeFileSync(path.join(blocked, 'a-file'), '');
    const result = runIn(path.join(blocked, 'a-file', 'posts'), 'A title');
    assert.equal(result.status, 1);
    assert.match(
      result.stderr,
      /^new: cannot create the folder .*a-file\/posts: ENOTDIR: not a directory, mkdir '.*'\n$/,
    );
  });
});
