/**
 * What of an author's folder is read, and what is refused out loud: dot files and folders are private,
 * symbolic links are followed only inside the folder, and a folder that cannot be read is reported.
 * Also the one path check every writer uses (lib/build/safe-path.ts).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { listSourceFiles } from '../../lib/build/files';
import { pathInside, pathInsideOrUndefined } from '../../lib/build/safe-path';

const root = mkdtempSync(path.join(tmpdir(), 'blog-files-'));
after(() => rmSync(root, { recursive: true, force: true }));
const touch = (relative: string) => {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, 'x');
  return file;
};

describe('listSourceFiles', () => {
  const content = path.join(root, 'content');
  touch('content/2024-01-01-post.md');
  touch('content/img/diagram.png');
  touch('content/.private/tax-return.pdf');
  touch('content/.env');
  touch('content/img/.DS_Store');
  touch('outside/secret.md');
  touch('content/.hidden/post.md');
  symlinkSync(path.join(content, '2024-01-01-post.md'), path.join(content, 'alias.md'));
  symlinkSync(path.join(root, 'outside/secret.md'), path.join(content, 'leak.md'));
  symlinkSync(path.join(content, '.hidden/post.md'), path.join(content, 'peek.md'));
  symlinkSync(path.join(content, 'img'), path.join(content, 'linked-folder'));
  symlinkSync(path.join(root, 'nowhere'), path.join(content, 'dangling.md'));

  it('lists files, never a dot file or anything in a dot folder', () => {
    const { files } = listSourceFiles(content);
    assert.deepEqual(files, ['2024-01-01-post.md', 'alias.md', 'img/diagram.png']);
  });

  it('follows a link to a file inside the folder, and reports every other link', () => {
    const { unread } = listSourceFiles(content);
    const byPath = Object.fromEntries(unread.map((entry) => [entry.relativePath, entry.message]));
    assert.deepEqual(Object.keys(byPath).sort(), [
      'dangling.md',
      'leak.md',
      'linked-folder',
      'peek.md',
    ]);
    assert.match(
      byPath['leak.md']!,
      /symbolic link to .*outside\/secret\.md, outside the folder or in a hidden one; it is not read/,
    );
    assert.match(byPath['peek.md']!, /outside the folder or in a hidden one/);
    assert.match(byPath['linked-folder']!, /symbolic link to a folder; it is not followed/);
    assert.match(byPath['dangling.md']!, /symbolic link to nothing/);
  });

  it('reports a folder it cannot read, instead of reading it as empty', () => {
    // As root, permissions do not stop a read: the file system answers EACCES for one folder instead.
    const denying = {
      readdirSync: (dir: string) => {
        if (dir.endsWith(`${path.sep}img`))
          throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
        return fs.readdirSync(dir, { withFileTypes: true });
      },
      realpathSync: (file: string) => fs.realpathSync(file),
      statSync: (file: string) => fs.statSync(file),
    };
    const { files, unread } = listSourceFiles(content, denying);
    assert.ok(!files.includes('img/diagram.png'));
    assert.deepEqual(
      unread.find((entry) => entry.relativePath === 'img'),
      {
        relativePath: 'img',
        message: 'this folder cannot be read (EACCES); nothing in it is published',
      },
    );
  });
});

describe('pathInside', () => {
  const out = path.join(root, 'out');
  mkdirSync(out, { recursive: true });

  it('gives the path inside the folder for site paths and relative paths', () => {
    assert.equal(pathInside(out, '/posts/a/index.html'), path.join(out, 'posts/a/index.html'));
    assert.equal(pathInside(out, 'a/b.png'), path.join(out, 'a/b.png'));
    assert.equal(pathInside(out, '/x/../y.html'), path.join(out, 'y.html'));
  });

  it('refuses every way out of the folder', () => {
    for (const escape of [
      '../x',
      '/../../../../tmp/x',
      'a/../../x',
      '/a/../../x',
      `..${path.sep}x`,
      'a\0b',
    ]) {
      assert.throws(() => pathInside(out, escape), /outside|NUL/, escape);
      assert.equal(pathInsideOrUndefined(out, escape), undefined);
    }
  });

  it('refuses a path that leads out through a symbolic link inside the folder', () => {
    symlinkSync(path.join(root, 'outside'), path.join(out, 'link'));
    assert.throws(() => pathInside(out, '/link/new-file.html'), /through a symbolic link/);
    assert.throws(() => pathInside(out, '/link/deeper/new-file.html'), /through a symbolic link/);
  });
});
