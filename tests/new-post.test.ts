import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { parse } from 'yaml';
import { parsePostDate, postSlug } from '../lib/content-rules';

const folder = mkdtempSync(path.join(tmpdir(), 'blog-new-'));
after(() => rmSync(folder, { recursive: true, force: true }));

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/new-post.mjs', ...args], { env: { ...process.env, CONTENT_DIR: folder }, encoding: 'utf8' });

describe('npm run new', () => {
  it("writes a post named by today's date and the title's slug, with front matter ready to fill in", () => {
    const result = run('Zero-Downtime Déploiements: Part 2', '--category', 'aws', '--category', 'Cloud Computing');
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
});
