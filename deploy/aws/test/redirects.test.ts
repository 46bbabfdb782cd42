/**
 * deploy/redirects.mjs (the _redirects reader shared with nginx), the KeyValueStore
 * limits, and the mapping of deploy/security-headers.json onto CloudFront.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nginxRedirectMap, parseRedirects, redirectKey } from '../../redirects.mjs';
import { storeEntries, storeImportJson } from '../lib/redirect-store';
import { responseHeadersBehaviors } from '../lib/site-stack';

describe('_redirects', () => {
  it('parses FROM TO 301 lines, skipping blanks and comments', () => {
    assert.deepEqual(
      parseRedirects('# old URLs\n/a.html /posts/a/ 301\r\n\n/b/  /posts/b/   301\n'),
      [
        { from: '/a.html', to: '/posts/a/', status: 301 },
        { from: '/b/', to: '/posts/b/', status: 301 },
      ],
    );
  });

  it('names the file and line of a bad line', () => {
    assert.throws(
      () => parseRedirects('/a /b\n', 'out/_redirects'),
      /out\/_redirects:1: expected "FROM TO 301"/,
    );
    assert.throws(() => parseRedirects('/a /b 302\n'), /_redirects:1: only 301/);
    assert.throws(() => parseRedirects('a /b 301\n'), /must start with "\/"/);
    assert.throws(() => parseRedirects('/a b 301\n'), /must start with "\/"/);
    assert.throws(() => parseRedirects('/a ftp://x/ 301\n'), /must start with "\/"/);
    assert.throws(
      () => parseRedirects('/a%C3%A9 /b 301\n/aé /c 301\n'),
      /_redirects:2: "\/aé" is already redirected on line 1/,
    );
  });

  it('reads a target off the site (a post moved with redirect_to) as a whole http(s) URL', () => {
    assert.deepEqual(parseRedirects('/cv/ https://cv.example/ana/%C3%A9 301\n'), [
      { from: '/cv/', to: 'https://cv.example/ana/%C3%A9', status: 301 },
    ]);
  });

  it('normalizes a path to one key whatever its spelling', () => {
    for (const spelling of ['/caf%C3%A9%20ops/', '/caf%c3%a9%20ops/', '/café ops/'])
      assert.equal(redirectKey(spelling), '/caf%C3%A9%20ops/');
    assert.equal(redirectKey('/bad%E0%A4%A'), '/bad%25E0%25A4%25A');
  });

  it('nginx map: decoded keys (nginx matches $uri), encoded targets, folders also without their slash', () => {
    const map = nginxRedirectMap(
      parseRedirects(
        '/caf%C3%A9%20ops/x.html /posts/%C3%A7a/ 301\n/old/ /posts/new/ 301\n/say-"hi"$.html /posts/$/ 301\n',
      ),
    );
    assert.deepEqual(map.trim().split('\n').slice(1), [
      '"/café ops/x.html" "/posts/%C3%A7a/";',
      '"/old/" "/posts/new/";',
      '"/old" "/posts/new/";',
      '"/say-\\"hi\\"$.html" "/posts/%24/";',
    ]);
  });
});

describe('KeyValueStore limits', () => {
  it('keys over 512 bytes and values over 1 KB are refused at synth time', () => {
    assert.throws(
      () => storeEntries([{ from: `/${'a'.repeat(600)}`, to: '/x/', status: 301 }]),
      /at most 512 bytes/,
    );
    assert.throws(
      () => storeEntries([{ from: '/a', to: `/${'b'.repeat(1100)}`, status: 301 }]),
      /at most 1024 bytes/,
    );
  });

  it('the import file is CloudFront\'s {"data":[{key,value}]} format, under 5 MB', () => {
    const entries = storeEntries([{ from: '/caf%c3%a9/', to: '/posts/x/', status: 301 }]);
    assert.equal(storeImportJson(entries), '{"data":[{"key":"/caf%C3%A9/","value":"/posts/x/"}]}');
    const many = Array.from({ length: 14000 }, (_, i) => ({
      key: `/${'x'.repeat(400)}${i}`,
      value: '/posts/x/',
    }));
    assert.throws(() => storeImportJson(many), /exceed the KeyValueStore's 5242880 bytes/);
  });
});

describe('security headers -> CloudFront', () => {
  it('typed security headers, anything else as a custom header', () => {
    const { securityHeadersBehavior, customHeadersBehavior } = responseHeadersBehaviors({
      'Strict-Transport-Security': 'max-age=31536000; includeSubDomains; preload',
      'Cross-Origin-Opener-Policy': 'same-origin',
    });
    assert.equal(
      securityHeadersBehavior?.strictTransportSecurity?.accessControlMaxAge.toSeconds(),
      31536000,
    );
    assert.equal(securityHeadersBehavior?.strictTransportSecurity?.preload, true);
    assert.deepEqual(customHeadersBehavior?.customHeaders, [
      { header: 'Cross-Origin-Opener-Policy', value: 'same-origin', override: true },
    ]);
  });

  it('values CloudFront cannot express are refused', () => {
    assert.throws(
      () => responseHeadersBehaviors({ 'X-Frame-Options': 'ALLOW-FROM https://x' }),
      /DENY or SAMEORIGIN/,
    );
    assert.throws(
      () => responseHeadersBehaviors({ 'Referrer-Policy': 'sometimes' }),
      /not one CloudFront supports/,
    );
    assert.throws(
      () => responseHeadersBehaviors({ 'Strict-Transport-Security': 'includeSubDomains' }),
      /no max-age/,
    );
    assert.throws(
      () => responseHeadersBehaviors({ 'X-Content-Type-Options': 'sniff' }),
      /only be nosniff/,
    );
  });
});
