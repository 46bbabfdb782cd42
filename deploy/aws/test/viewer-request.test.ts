/**
 * The CloudFront Function, run as plain JavaScript with a fake KeyValueStore filled
 * exactly as the stack fills the real one: every redirect of the fixture export, pretty
 * URLs, files left alone, query strings kept, and the runtime's limits.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { readRedirects, storeEntries } from '../lib/redirect-store';
import { FUNCTION_FILE } from '../lib/site-stack';
import {
  fakeStore,
  fixtureDir,
  loadViewerRequest,
  request,
  type CfRequest,
  type CfResponse,
} from './helpers';

const redirects = readRedirects(fixtureDir());
const store = fakeStore(storeEntries(redirects));
const handler = loadViewerRequest(store);

async function redirectOf(uri: string, querystring: CfRequest['querystring'] = {}) {
  const result = await handler({ request: request(uri, querystring) });
  assert.ok('statusCode' in result, `${uri} is redirected`);
  const response = result as CfResponse;
  assert.equal(response.statusCode, 301, uri);
  assert.equal(response.statusDescription, 'Moved Permanently');
  return response.headers.location?.value;
}

async function servedAs(uri: string) {
  const result = await handler({ request: request(uri) });
  assert.ok(!('statusCode' in result), `${uri} is not redirected`);
  return (result as CfRequest).uri;
}

describe('old permalinks of the fixture export', () => {
  it('the fixture lists redirects to check', () =>
    assert.ok(redirects.length >= 5, `${redirects.length} redirects`));

  for (const { from, to } of redirects) {
    it(`${from} -> 301 ${to}`, async () => {
      assert.equal(await redirectOf(from), to);
    });
  }

  it('are found however the browser spelled the path: lowercase escapes, raw UTF-8', async () => {
    for (const { from, to } of redirects.filter(({ from }) => from.includes('%'))) {
      assert.equal(
        await redirectOf(from.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase())),
        to,
      );
      assert.equal(await redirectOf(decodeURIComponent(from)), to);
    }
  });

  it('a folder permalink also answers without its trailing slash', async () => {
    const folders = redirects.filter(({ from }) => from.endsWith('/'));
    assert.ok(folders.length > 0, 'the fixture has a folder permalink');
    for (const { from, to } of folders) assert.equal(await redirectOf(from.slice(0, -1)), to);
  });

  it('keep the query string, repeated parameters included', async () => {
    const [{ from, to }] = redirects as [(typeof redirects)[number]];
    const location = await redirectOf(from, {
      utm_source: { value: 'feed' },
      tag: { value: 'a', multiValue: [{ value: 'a' }, { value: 'b%20c' }] },
      flag: { value: '' },
    });
    assert.equal(location, `${to}?utm_source=feed&tag=a&tag=b%20c&flag`);
  });

  it('are cached an hour by browsers and the CDN', async () => {
    const result = (await handler({ request: request(redirects[0]!.from) })) as CfResponse;
    assert.equal(result.headers['cache-control']?.value, 'public, max-age=3600');
  });

  it('a path that merely resembles a permalink is not redirected', async () => {
    assert.equal(await servedAs(`${redirects[0]!.from}x`), `${redirects[0]!.from}x`); // has an extension: left alone
    assert.equal(
      await servedAs('/blog/devops/2024/03/10/other-post/'),
      '/blog/devops/2024/03/10/other-post/index.html',
    );
  });
});

describe('pretty URLs', () => {
  const table: [string, string][] = [
    ['/', '/index.html'],
    ['/posts/kubernetes-rollouts/', '/posts/kubernetes-rollouts/index.html'],
    ['/posts/kubernetes-rollouts', '/posts/kubernetes-rollouts/index.html'],
    ['/categories/devops/page/2/', '/categories/devops/page/2/index.html'],
    ['/categories/devops/page/2', '/categories/devops/page/2/index.html'],
    ['/blog', '/blog/index.html'],
    ['/posts/%C3%A7a-marche/', '/posts/%C3%A7a-marche/index.html'],
    ['/search/', '/search/index.html'],
  ];
  for (const [uri, expected] of table)
    it(`${uri} -> ${expected}`, async () => assert.equal(await servedAs(uri), expected));

  it('keeps the query string (the request object is returned with it)', async () => {
    const incoming = request('/search/', { q: { value: 'kubernetes' } });
    const result = (await handler({ request: incoming })) as CfRequest;
    assert.equal(result.uri, '/search/index.html');
    assert.deepEqual(result.querystring, { q: { value: 'kubernetes' } });
  });
});

describe('files with an extension are left alone', () => {
  const files = [
    '/index.html',
    '/404.html',
    '/feed.xml',
    '/atom.xml',
    '/feed.json',
    '/robots.txt',
    '/icon.svg',
    '/posts/kubernetes-rollouts/index.txt',
    '/posts/kubernetes-rollouts/share-image.png',
    '/_next/static/chunks/0hmi82opgdicz.js',
    '/_next/static/chunks/2o2t69cog3y5v.css',
    '/pagefind/pagefind.js',
    '/pagefind/wasm.en.pagefind',
    '/pagefind/fragment/en_7b2195f.pf_fragment',
  ];
  for (const uri of files) it(uri, async () => assert.equal(await servedAs(uri), uri));
});

describe('robustness', () => {
  it('a malformed escape is served (and 404s at the origin), never an exception', async () => {
    assert.equal(await servedAs('/posts/%E0%A4%A/'), '/posts/%E0%A4%A/index.html');
  });

  it('a store that fails still serves the site', async () => {
    const broken = loadViewerRequest({ get: () => Promise.reject(new Error('store unavailable')) });
    const result = (await broken({ request: request('/posts/x/') })) as CfRequest;
    assert.equal(result.uri, '/posts/x/index.html');
  });

  it('looks a path up at most twice', async () => {
    store.lookups.length = 0;
    await servedAs('/posts/kubernetes-rollouts');
    assert.deepEqual(store.lookups, ['/posts/kubernetes-rollouts', '/posts/kubernetes-rollouts/']);
  });
});

describe('CloudFront Functions limits', () => {
  const code = readFileSync(FUNCTION_FILE, 'utf8');
  it('the code is under 10 KB', () =>
    assert.ok(Buffer.byteLength(code) < 10 * 1024, `${Buffer.byteLength(code)} bytes`));
  it('uses no syntax cloudfront-js-2.0 lacks (for...of, ?., ??, optional catch binding, spread, classes)', () => {
    const stripped = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, ''); // comments may mention them
    assert.doesNotMatch(stripped, /\bfor\s*\([^)]*\bof\b/);
    assert.doesNotMatch(stripped, /\?\.|\?\?/);
    assert.doesNotMatch(stripped, /catch\s*\{/);
    assert.doesNotMatch(stripped, /\.\.\./);
    assert.doesNotMatch(stripped, /\bclass\s/);
  });
});
