import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  loadSecurityHeaders,
  nginxSecurityHeaders,
  policyWithScriptHashes,
  policyWithSources,
  readCspSources,
  readScriptHashes,
  SCRIPT_HASHES_FILE,
  siteSecurityHeaders,
  withScriptHashes,
} from '../../deploy/security-headers.mjs';
import {
  inlineScripts,
  isExecutedScript,
  scriptHash,
  siteScriptHashes,
  writeCspHashes,
} from '../../lib/export/csp';
import { THEME_SCRIPT } from '../../lib/site/theme';

// The example of the CSP Level 3 specification (§ 2.3.1 "hash-source"): this text, this hash.
const SPEC_SCRIPT = "alert('Hello, world.');";
const SPEC_HASH = 'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng=';

describe('scriptHash', () => {
  it('is the base64 SHA-256 of the UTF-8 text, as the CSP specification computes it', () => {
    assert.equal(scriptHash(SPEC_SCRIPT), SPEC_HASH);
    assert.notEqual(scriptHash(`${SPEC_SCRIPT} `), SPEC_HASH, 'every character counts');
    assert.match(scriptHash('é'), /^sha256-[A-Za-z0-9+/]{43}=$/);
  });
});

describe('inlineScripts', () => {
  it("finds the theme script of a page's head exactly as written", () => {
    const page = `<!DOCTYPE html><html><head><meta charSet="utf-8"/><script>${THEME_SCRIPT}</script><script src="/blog/site.js" defer=""></script></head><body></body></html>`;
    assert.deepEqual(inlineScripts(page), [THEME_SCRIPT]);
  });

  it('leaves out external scripts and data blocks (JSON-LD, templates): the CSP does not apply to them', () => {
    const page = [
      '<script src="/a.js"></script>',
      '<script src="/b.js">ignored text</script>',
      '<script type="application/ld+json">{"@type":"BlogPosting"}</script>',
      '<script type="text/template"><p>x</p></script>',
      '<script type="text/plain">not code</script>',
      '<script>a()</script>',
    ].join('\n');
    assert.deepEqual(inlineScripts(page), ['a()']);
  });

  it('keeps every executed type: classic (any JavaScript type, any case), module, import map, speculation rules', () => {
    const page = [
      '<script type="">empty()</script>',
      '<script type=" TEXT/JavaScript ">upper()</script>',
      "<script type='application/javascript'>app()</script>",
      '<script type=module>mod()</script>',
      '<script type="importmap">{"imports":{}}</script>',
      '<script type="speculationrules">{"prerender":[]}</script>',
      '<script type="text/javascript; charset=utf-8">withParameters()</script>',
      '<script language="javascript">language()</script>',
      '<script language="vbscript">notRun()</script>',
    ].join('');
    assert.deepEqual(inlineScripts(page), [
      'empty()',
      'upper()',
      'app()',
      'mod()',
      '{"imports":{}}',
      '{"prerender":[]}',
      'withParameters()',
      'language()',
    ]);
  });

  it('reads attributes as the tokenizer does: quoted ">" and "src" inside values do not count', () => {
    const page = `<script data-note="a > b" title='src="x"'>one()</script><SCRIPT ID=x>two()</SCRIPT ><script/>three()</script>`;
    assert.deepEqual(inlineScripts(page), ['one()', 'two()', 'three()']);
  });

  it('ends a script at the first </script followed by space, / or >, whatever its case', () => {
    assert.deepEqual(inlineScripts('<script>var a = "</scripts>";</script >'), [
      'var a = "</scripts>";',
    ]);
    assert.deepEqual(inlineScripts('<script>one()</SCRIPT\n><p>text</p>'), ['one()']);
    assert.deepEqual(inlineScripts('<script>unclosed()'), ['unclosed()']);
  });

  it('follows the script-data escape: <!--<script>…</script>--> inside a script does not end it', () => {
    const text = "document.write('<!--<script>inner()</script>-->'); after()";
    assert.deepEqual(inlineScripts(`<script>${text}</script><p>x</p>`), [text]);
    // Without the nested <script, "<!--" does not protect "</script>".
    assert.deepEqual(inlineScripts("<script>a('<!--</script>'); b()</script>"), ["a('<!--"]);
    // "-->" leaves the escape, so a later </script> ends the element again.
    assert.deepEqual(inlineScripts("<script>a('<!-- -->'); b('</script>x')"), [
      "a('<!-- -->'); b('",
    ]);
  });

  it('skips comments, text elements and the doctype: scripts written there never run', () => {
    const page = [
      '<!DOCTYPE html>',
      '<!-- <script>commented()</script> -->',
      '<!--><script>afterEmptyComment()</script>',
      '<textarea><script>shown()</script></textarea>',
      '<title>a <script>b()</script></title>',
      '<noscript><script>never()</script></noscript>',
      '<style>p::after { content: "<script>x()</script>" }</style>',
      '<p>1 < 2 and a<b</p>',
      '<script>real()</script>',
    ].join('\n');
    assert.deepEqual(inlineScripts(page), ['afterEmptyComment()', 'real()']);
  });

  it('hashes the text the browser sees: CRLF and CR become LF, NUL becomes U+FFFD', () => {
    assert.deepEqual(inlineScripts('<script>a()\r\nb()\rc()\0</script>'), ['a()\nb()\nc()\uFFFD']);
  });

  it('the executed-type rule on its own', () => {
    assert.equal(isExecutedScript(new Map()), true);
    assert.equal(isExecutedScript(new Map([['type', 'application/ld+json']])), false);
    assert.equal(isExecutedScript(new Map([['type', 'module']])), true);
    assert.equal(isExecutedScript(new Map([['language', '']])), true);
  });
});

describe('siteScriptHashes', () => {
  it('one entry per distinct script, most pages first (then by hash), with a few example pages', () => {
    const page = (body: string) =>
      `<html><head><script>${THEME_SCRIPT}</script></head><body>${body}</body></html>`;
    const entries = siteScriptHashes([
      { path: 'index.html', html: page('') },
      { path: 'posts/b/index.html', html: page(`<script>${SPEC_SCRIPT}</script>`) },
      {
        path: 'posts/a/index.html',
        html: page(`<script>${SPEC_SCRIPT}</script><script>${SPEC_SCRIPT}</script>`),
      },
      { path: 'search/index.html', html: page('<script>self.__next_f.push([1,""])</script>') },
      { path: 'feed-like.html', html: '<p>no script</p>' },
    ]);
    assert.deepEqual(
      entries.map(({ hash, pages }) => [hash, pages]),
      [
        [scriptHash(THEME_SCRIPT), 4],
        [SPEC_HASH, 2],
        [scriptHash('self.__next_f.push([1,""])'), 1],
      ],
    );
    assert.deepEqual(entries[0]!.examples, [
      'index.html',
      'posts/a/index.html',
      'posts/b/index.html',
    ]);
    assert.deepEqual(entries[1]!.examples, ['posts/a/index.html', 'posts/b/index.html']);
    const tied = siteScriptHashes([
      { path: 'a.html', html: '<script>b()</script><script>a()</script>' },
    ]);
    assert.deepEqual(
      tied.map(({ hash }) => hash),
      [scriptHash('a()'), scriptHash('b()')].sort(),
    );
  });
});

describe("the export's hash file, read by the deploys", () => {
  it('writeCspHashes reads every .html file of the export; readScriptHashes reads back the same hashes', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'csp-out-'));
    try {
      mkdirSync(path.join(out, 'posts/x'), { recursive: true });
      writeFileSync(path.join(out, 'index.html'), `<script>${THEME_SCRIPT}</script>`);
      writeFileSync(
        path.join(out, 'posts/x/index.html'),
        `<script>${THEME_SCRIPT}</script><div><script>${SPEC_SCRIPT}</script></div>`,
      );
      writeFileSync(path.join(out, 'site.js'), '/* not a page */');
      writeFileSync(path.join(out, 'feed.xml'), `<script>${'notAPage()'}</script>`);
      const entries = writeCspHashes(out);
      assert.deepEqual(entries, [
        {
          hash: scriptHash(THEME_SCRIPT),
          pages: 2,
          examples: ['index.html', 'posts/x/index.html'],
        },
        { hash: SPEC_HASH, pages: 1, examples: ['posts/x/index.html'] },
      ]);
      assert.deepEqual(JSON.parse(readFileSync(path.join(out, SCRIPT_HASHES_FILE), 'utf8')), {
        scripts: entries,
        sources: {},
      });
      assert.deepEqual(readScriptHashes(out), [scriptHash(THEME_SCRIPT), SPEC_HASH]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('an export without the file, or with a malformed hash, is refused (never a policy that blocks the theme)', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'csp-out-'));
    try {
      assert.throws(
        () => readScriptHashes(out),
        /_csp-script-hashes\.json is missing: .*npm run build/,
      );
      writeFileSync(
        path.join(out, SCRIPT_HASHES_FILE),
        JSON.stringify({ scripts: [{ hash: "sha256-x' 'unsafe-inline" }] }),
      );
      assert.throws(() => readScriptHashes(out), /scripts\[0\]\.hash is not a sha256 source/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('the policy', () => {
  const headers = loadSecurityHeaders();
  const policy = headers['Content-Security-Policy']!;

  it("deploy/security-headers.json allows no inline script by itself: no 'unsafe-inline' in script-src", () => {
    const scriptSrc = policy
      .split(';')
      .map((directive) => directive.trim())
      .find((directive) => directive.startsWith('script-src '));
    assert.equal(scriptSrc, "script-src 'self' 'wasm-unsafe-eval'");
    assert.doesNotMatch(policy, /'unsafe-eval'/);
  });

  it('adds each hash, quoted, to script-src (and script-src-elem), leaving the other directives as they are', () => {
    const hashes = [SPEC_HASH, scriptHash(THEME_SCRIPT)];
    const withHashes = policyWithScriptHashes(policy, hashes);
    assert.equal(
      withHashes,
      policy.replace(
        "script-src 'self' 'wasm-unsafe-eval'",
        `script-src 'self' 'wasm-unsafe-eval' '${SPEC_HASH}' '${scriptHash(THEME_SCRIPT)}'`,
      ),
    );
    assert.equal(
      policyWithScriptHashes("default-src 'self'; script-src-elem 'self'; script-src 'self';", [
        SPEC_HASH,
      ]),
      `default-src 'self'; script-src-elem 'self' '${SPEC_HASH}'; script-src 'self' '${SPEC_HASH}'`,
    );
    assert.equal(policyWithScriptHashes(policy, []), policy);
    assert.throws(
      () => policyWithScriptHashes("default-src 'self'", [SPEC_HASH]),
      /no script-src directive/,
    );
  });

  it('withScriptHashes changes only the CSP header; siteSecurityHeaders reads the export', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'csp-out-'));
    try {
      writeFileSync(
        path.join(out, SCRIPT_HASHES_FILE),
        JSON.stringify({ scripts: [{ hash: SPEC_HASH, pages: 1, examples: [] }] }),
      );
      const site = siteSecurityHeaders(out);
      assert.deepEqual(site, withScriptHashes(headers, [SPEC_HASH]));
      assert.deepEqual(Object.keys(site), Object.keys(headers));
      for (const name of Object.keys(headers).filter((name) => name !== 'Content-Security-Policy'))
        assert.equal(site[name], headers[name]);
      assert.match(
        site['Content-Security-Policy']!,
        new RegExp(`script-src [^;]*'${SPEC_HASH.replace(/[+/]/g, '\\$&')}'`),
      );
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("adds the services' sources: to the directive, or to a new one that starts from default-src", () => {
    const widened = policyWithSources(policy, {
      'script-src': ['https://giscus.app', "'self'"],
      'frame-src': ['https://giscus.app'],
      'connect-src': ['https://plausible.io'],
    });
    const directive = (name: string) =>
      widened.split('; ').find((item) => item.split(' ')[0] === name);
    assert.equal(
      directive('script-src'),
      "script-src 'self' 'wasm-unsafe-eval' https://giscus.app",
    );
    assert.equal(directive('connect-src'), "connect-src 'self' https://plausible.io");
    // No frame-src in the file: frames fell back to default-src 'self', and still may.
    assert.equal(directive('frame-src'), "frame-src 'self' https://giscus.app");
    assert.equal(directive('object-src'), "object-src 'none'");
    assert.equal(policyWithSources(policy, {}), policy);
  });

  it('siteSecurityHeaders adds the sources the export recorded, and refuses any other directive or source', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'csp-out-'));
    const write = (sources: unknown) =>
      writeFileSync(
        path.join(out, SCRIPT_HASHES_FILE),
        JSON.stringify({ scripts: [{ hash: SPEC_HASH, pages: 1, examples: [] }], sources }),
      );
    try {
      writeCspHashes(out, { 'frame-src': ['https://giscus.app'] });
      assert.deepEqual(readCspSources(out), { 'frame-src': ['https://giscus.app'] });
      assert.match(
        siteSecurityHeaders(out)['Content-Security-Policy']!,
        /; frame-src 'self' https:\/\/giscus\.app$/,
      );
      write({ 'script-src': ['https://*.googletagmanager.com', 'https://stats.example.com:8443'] });
      assert.match(
        siteSecurityHeaders(out)['Content-Security-Policy']!,
        /script-src 'self' 'wasm-unsafe-eval' '[^']+' https:\/\/\*\.googletagmanager\.com https:\/\/stats\.example\.com:8443;/,
      );
      for (const [sources, message] of [
        [{ 'default-src': ['https://a.com'] }, /no service of the site may widen/],
        [{ 'script-src': ["'unsafe-inline'"] }, /must be https origins/],
        [{ 'script-src': ['http://a.com'] }, /must be https origins/],
        [{ 'script-src': ['https://a.com; img-src *'] }, /must be https origins/],
        [['https://a.com'], /must map directives/],
      ] as const) {
        write(sources);
        assert.throws(() => readCspSources(out), message, JSON.stringify(sources));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('nginx: one add_header … always line per header, values as written; what nginx would alter is refused', () => {
    const site = withScriptHashes(headers, [SPEC_HASH]);
    const lines = nginxSecurityHeaders(site)
      .split('\n')
      .filter((line) => !line.startsWith('#') && line !== '');
    assert.deepEqual(
      lines,
      Object.entries(site).map(([name, value]) => `add_header ${name} "${value}" always;`),
    );
    assert.throws(() => nginxSecurityHeaders({ 'X-Test': 'a"b' }), /quote/);
    assert.throws(() => nginxSecurityHeaders({ 'X-Test': 'a$uri' }), /\$/);
    assert.throws(() => nginxSecurityHeaders({ 'X-Test': 'a\nb' }), /control character/);
    assert.throws(() => nginxSecurityHeaders({ 'X Test': 'a' }), /not a token/);
  });
});
