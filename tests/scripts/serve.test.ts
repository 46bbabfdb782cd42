import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

const site = mkdtempSync(path.join(tmpdir(), 'serve-'));
for (const folder of ['posts/x', 'evil.example/x', 'evil.example/posts/x', 'a b']) {
  mkdirSync(path.join(site, folder), { recursive: true });
  writeFileSync(path.join(site, folder, 'index.html'), `<p>${folder}</p>`);
}
writeFileSync(path.join(site, 'index.html'), '<p>home</p>');
writeFileSync(path.join(site, '404.html'), '<p>not found</p>');

/** The preview server on a free port, serving the temp site (under `base`, if given); resolves to its origin. */
function startServer(extra: string[]): { ready: Promise<string>; child: ChildProcess } {
  const child = spawn(
    process.execPath,
    ['scripts/serve.mjs', '--dir', site, '--port', '0', ...extra],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const ready = new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const port = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output)?.[1];
      if (port) resolve(port);
    });
    child.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}: ${output}`)));
  });
  return { ready, child };
}

/** A GET with the request target sent exactly as written (node:http does not normalise it). */
function get(port: string, target: string): Promise<{ status: number; location?: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port: Number(port), path: target, method: 'GET', agent: false },
      (response) => {
        response.resume();
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, location: response.headers.location }),
        );
      },
    );
    request.on('error', reject);
    request.end();
  });
}

const HOSTILE = [
  '//evil.example/x',
  '//evil.example/posts/x',
  '/.//evil.example/',
  '/.//evil.example/x',
  '/.//evil.example/%2e%2e%2fposts/x',
  '/%2f%2fevil.example/x',
  '/%2F%2Fevil.example/posts/x',
  '/\\evil.example',
  '/\\evil.example/x',
  '/%5c%5cevil.example/x',
  '/%5C/evil.example/x',
  '/posts/%2e%2e/posts/x',
  '/posts/%2E%2E%2Fposts/x',
  '/posts/../posts/x',
  '/posts/./x',
  '/posts//x',
  '/posts/x%00',
  '/posts/x%00/',
  '/%00/posts/x',
  '/posts/x%0d%0aSet-Cookie:%20a=b',
  '/posts/%zz',
];

describe('the preview server never redirects off-site', () => {
  const server = startServer([]);
  const based = startServer(['--base', '/blog']);
  let port = '';
  let basedPort = '';
  before(async () => {
    [port, basedPort] = await Promise.all([server.ready, based.ready]);
  });
  after(() => {
    server.child.kill();
    based.child.kill();
    rmSync(site, { recursive: true, force: true });
  });

  it('serves files and folders, and redirects a folder without its slash to it, on this host', async () => {
    assert.deepEqual(await get(port, '/'), { status: 200, location: undefined });
    assert.deepEqual(await get(port, '/posts/x/'), { status: 200, location: undefined });
    assert.deepEqual(await get(port, '/posts/x'), { status: 301, location: '/posts/x/' });
    assert.deepEqual(await get(port, '/posts/x?page=2&a=%2F'), {
      status: 301,
      location: '/posts/x/?page=2&a=%2F',
    });
    assert.deepEqual(await get(port, '/a%20b'), { status: 301, location: '/a%20b/' });
    assert.deepEqual(await get(port, '/evil.example/x'), {
      status: 301,
      location: '/evil.example/x/',
    });
    assert.deepEqual(await get(basedPort, '/blog/posts/x'), {
      status: 301,
      location: '/blog/posts/x/',
    });
    assert.deepEqual(await get(basedPort, '/posts/x'), { status: 404, location: undefined });
  });

  it('answers 404, with no Location, to empty, dot and encoded-slash segments, backslashes and NUL', async () => {
    for (const [name, serverPort, prefix] of [
      ['root', port, ''],
      ['/blog', basedPort, '/blog'],
    ] as const) {
      for (const target of HOSTILE) {
        const response = await get(serverPort, `${prefix}${target}`);
        assert.deepEqual(
          response,
          { status: 404, location: undefined },
          `${name}: ${prefix}${target}`,
        );
      }
    }
  });

  it('puts only a path on this host in any Location it sends', async () => {
    const targets = [
      ...HOSTILE,
      '/posts/x',
      '/posts/x?//evil.example',
      '/posts/x?\\\\evil',
      '/a%20b',
      '/evil.example/x',
    ];
    for (const target of targets) {
      const { location } = await get(port, target);
      if (location !== undefined) assert.match(location, /^\/[^/\\]/, target);
    }
  });
});
