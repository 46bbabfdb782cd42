/**
 * The rules of a deploy that are code, not AWS calls: Content-Type and Cache-Control
 * per file of the export, and which files to upload, delete and invalidate.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { MAX_INVALIDATION_PATHS, planDeploy, type LocalFile } from '../lib/deploy-plan';
import { IMMUTABLE, objectHeaders, SHORT } from '../lib/object-headers';
import { fixtureDir } from './helpers';

describe('Content-Type and Cache-Control per file kind', () => {
  const table: [string, string, string][] = [
    ['index.html', 'text/html; charset=utf-8', SHORT],
    ['posts/kubernetes-rollouts/index.html', 'text/html; charset=utf-8', SHORT],
    ['404.html', 'text/html; charset=utf-8', SHORT],
    ['posts/kubernetes-rollouts/index.txt', 'text/plain; charset=utf-8', SHORT],
    ['posts/kubernetes-rollouts/__next._tree.txt', 'text/plain; charset=utf-8', SHORT],
    ['robots.txt', 'text/plain; charset=utf-8', SHORT],
    ['feed.xml', 'application/xml; charset=utf-8', SHORT],
    ['sitemap.xml', 'application/xml; charset=utf-8', SHORT],
    ['feed.json', 'application/json; charset=utf-8', SHORT],
    ['icon.svg', 'image/svg+xml', SHORT],
    ['share-image.png', 'image/png', SHORT],
    ['content-assets/photo.JPG', 'image/jpeg', SHORT],
    ['images/logo.webp', 'image/webp', SHORT],
    ['site.webmanifest', 'application/manifest+json; charset=utf-8', SHORT],
    ['_next/static/chunks/0hmi82opgdicz.js', 'text/javascript; charset=utf-8', IMMUTABLE],
    ['_next/static/chunks/2o2t69cog3y5v.css', 'text/css; charset=utf-8', IMMUTABLE],
    ['_next/static/media/font.woff2', 'font/woff2', IMMUTABLE],
    [
      '_next/static/ebsYyvLOVf3i2pucZEOpD/_buildManifest.js',
      'text/javascript; charset=utf-8',
      IMMUTABLE,
    ],
    ['pagefind/pagefind.js', 'text/javascript; charset=utf-8', SHORT],
    ['pagefind/pagefind-entry.json', 'application/json; charset=utf-8', SHORT],
    ['pagefind/wasm.en.pagefind', 'application/octet-stream', SHORT],
    ['pagefind/fragment/en_7b2195f.pf_fragment', 'application/octet-stream', SHORT],
    ['pagefind/index/en_1.pf_index', 'application/octet-stream', SHORT],
    ['files/guide.pdf', 'application/pdf', SHORT],
    ['LICENSE', 'application/octet-stream', SHORT],
    ['.well-known/security', 'application/octet-stream', SHORT],
  ];
  for (const [key, contentType, cacheControl] of table) {
    it(`${key}: ${contentType}, ${cacheControl}`, () =>
      assert.deepEqual(objectHeaders(key), { contentType, cacheControl }));
  }

  it('the values are the ones stated: a year immutable, five minutes', () => {
    assert.equal(IMMUTABLE, 'public, max-age=31536000, immutable');
    assert.equal(SHORT, 'public, max-age=300');
  });

  it('every file of the fixture export gets a known type, except Pagefind binaries and _redirects', () => {
    const walk = (dir: string, prefix = ''): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? walk(path.join(dir, entry.name), `${prefix}${entry.name}/`)
          : [`${prefix}${entry.name}`],
      );
    const untyped = walk(fixtureDir()).filter(
      (key) => objectHeaders(key).contentType === 'application/octet-stream',
    );
    assert.deepEqual(
      untyped.filter((key) => !key.startsWith('pagefind/') && key !== '_redirects'),
      [],
    );
  });
});

describe('deploy plan', () => {
  const file = (key: string, md5 = 'aaa'): LocalFile => ({ key, md5 });
  const remote = (key: string, md5 = 'aaa') => ({ key, etag: `"${md5}"` });

  it('first deploy: everything is uploaded, pages last, nothing deleted or invalidated, _redirects and the script hashes kept out', () => {
    const plan = planDeploy(
      [
        file('index.html'),
        file('_next/static/a.js'),
        file('posts/x/index.html'),
        file('feed.xml'),
        file('_redirects'),
        file('_csp-script-hashes.json'),
      ],
      [],
    );
    assert.deepEqual(plan.uploads, [
      '_next/static/a.js',
      'feed.xml',
      'index.html',
      'posts/x/index.html',
    ]);
    assert.deepEqual(plan.deletes, []);
    assert.deepEqual(plan.invalidationPaths, []);
  });

  it('only changed files are uploaded (S3 ETag = MD5), only changed or removed pages invalidated', () => {
    const plan = planDeploy(
      [
        file('index.html', 'new'),
        file('posts/x/index.html'),
        file('posts/y/index.html'),
        file('_next/static/b.js'),
        file('feed.xml', 'new'),
      ],
      [
        remote('index.html'),
        remote('posts/x/index.html'),
        remote('posts/old/index.html'),
        remote('_next/static/a.js'),
        remote('feed.xml'),
        remote('pagefind/fragment/old.pf_fragment'),
        remote('old.png'),
      ],
    );
    assert.deepEqual(plan.uploads, [
      '_next/static/b.js',
      'feed.xml',
      'index.html',
      'posts/y/index.html',
    ]);
    assert.deepEqual(
      plan.deletes,
      ['old.png', 'posts/old/index.html'],
      'hashed assets and search fragments stay for cached pages',
    );
    assert.deepEqual(
      plan.invalidationPaths,
      ['/index.html', '/posts/old/index.html'],
      'a new page (posts/y) has nothing cached',
    );
  });

  it('invalidation paths are URL-encoded and are the path CloudFront caches (after the function added index.html)', () => {
    const plan = planDeploy(
      [file('posts/ça-marche/index.html', 'new'), file('café ops/2022/x.html', 'new')],
      [remote('posts/ça-marche/index.html'), remote('café ops/2022/x.html')],
    );
    assert.deepEqual(plan.invalidationPaths, [
      '/caf%C3%A9%20ops/2022/x.html',
      '/posts/%C3%A7a-marche/index.html',
    ]);
  });

  it(`more than ${MAX_INVALIDATION_PATHS} stale pages become one /* (a wildcard is billed as one path)`, () => {
    const keys = Array.from(
      { length: MAX_INVALIDATION_PATHS + 1 },
      (_, i) => `posts/p${i}/index.html`,
    );
    const plan = planDeploy(
      keys.map((key) => file(key, 'new')),
      keys.map((key) => remote(key)),
    );
    assert.deepEqual(plan.invalidationPaths, ['/*']);
  });

  it('--force uploads unchanged files too (e.g. after a Cache-Control rule changed)', () => {
    const plan = planDeploy([file('index.html')], [remote('index.html')], { force: true });
    assert.deepEqual(plan.uploads, ['index.html']);
  });

  it('nothing changed: nothing to do', () => {
    const plan = planDeploy(
      [file('index.html'), file('a.png')],
      [remote('index.html'), remote('a.png')],
    );
    assert.deepEqual(plan, { uploads: [], deletes: [], invalidationPaths: [] });
  });
});
