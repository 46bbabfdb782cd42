/**
 * The fixture export (base path /blog) served by a real nginx with deploy/nginx.conf
 * (scripts/nginx-server.mjs): security headers as in deploy/security-headers.json with the
 * export's inline script hashes in the CSP, the same Content-Type and Cache-Control as the S3
 * upload, 404.html with status 404, every old URL of _redirects answered 301, and a CSP that
 * blocks nothing the site runs on any kind of page but blocks an injected inline script.
 */
import { test as base, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { objectHeaders } from '../deploy/aws/lib/object-headers';
import { parseRedirects } from '../deploy/redirects.mjs';
import {
  loadSecurityHeaders,
  readScriptHashes,
  siteSecurityHeaders,
} from '../deploy/security-headers.mjs';
import { watchCsp } from './csp-violations';
import { expect, test } from './fixtures';

const EXPORT_DIR = 'e2e/.out/fixture';
const BASE = '/blog';
/** What every response must carry: deploy/security-headers.json, the export's script hashes in the CSP. */
const SECURITY_HEADERS = siteSecurityHeaders(EXPORT_DIR);
const REDIRECTS = (() => {
  const file = path.join(EXPORT_DIR, '_redirects');
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build:fixture first`);
  return parseRedirects(readFileSync(file, 'utf8'), file);
})();

test.beforeAll(async ({ playwright }, testInfo) => {
  const request = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
  const response = await request.get(`${BASE}/`);
  const problem = response.headers()['x-nginx-server-problem'];
  await request.dispose();
  // scripts/nginx-server.mjs answers with this header when it could not start nginx.
  if (problem) throw new Error(`The nginx project needs nginx: ${decodeURIComponent(problem)}`);
  expect(response.headers().server, 'the server under test is nginx').toMatch(/^nginx/);
});

/** The `add_header Name "value" always;` lines of an nginx config, as name -> value. */
const addedHeaders = (config: string) =>
  Object.fromEntries(
    [...config.matchAll(/^\s*add_header\s+([\w-]+)\s+"([^"]*)"\s+always;/gm)].map(
      ([, name, value]) => [name!, value!],
    ),
  );

test.describe('deploy/nginx.conf', () => {
  test('states no security header itself: it includes the generated snippet, once, in the HTTPS server', () => {
    const config = readFileSync('deploy/nginx.conf', 'utf8');
    expect([...config.matchAll(/^\s*add_header\s+([\w-]+)/gm)].map(([, name]) => name)).toEqual([
      'Cache-Control',
    ]);
    expect(config.match(/^ {4}include \/etc\/nginx\/blog-security-headers\.conf;$/gm)).toHaveLength(
      1,
    );
  });

  test("the snippet of deploy/nginx-security-headers.mjs states exactly deploy/security-headers.json plus the export's script hashes", () => {
    const generated = spawnSync(
      process.execPath,
      ['deploy/nginx-security-headers.mjs', EXPORT_DIR],
      { encoding: 'utf8' },
    );
    expect(generated.stderr).toBe('');
    expect(generated.status).toBe(0);
    expect(addedHeaders(generated.stdout)).toEqual(SECURITY_HEADERS);

    const stated = loadSecurityHeaders();
    const hashes = readScriptHashes(EXPORT_DIR);
    // The theme script, Next's inline scripts of the search page, the fixture post's own script.
    expect(hashes.length).toBeGreaterThanOrEqual(4);
    const scriptSrc = (csp: string) =>
      csp.split('; ').find((directive) => directive.startsWith('script-src '))!;
    expect(scriptSrc(stated['Content-Security-Policy']!)).toBe(
      "script-src 'self' 'wasm-unsafe-eval'",
    );
    expect(scriptSrc(SECURITY_HEADERS['Content-Security-Policy']!)).toBe(
      `script-src 'self' 'wasm-unsafe-eval' ${hashes.map((hash) => `'${hash}'`).join(' ')}`,
    );
    expect({ ...SECURITY_HEADERS, 'Content-Security-Policy': '' }).toEqual({
      ...stated,
      'Content-Security-Policy': '',
    });
  });

  test('a missing export or hash file makes the generator fail, naming it', () => {
    const generated = spawnSync(
      process.execPath,
      ['deploy/nginx-security-headers.mjs', 'e2e/.out/no-such-export'],
      { encoding: 'utf8' },
    );
    expect(generated.status).toBe(1);
    expect(generated.stdout).toBe('');
    expect(generated.stderr).toMatch(/_csp-script-hashes\.json is missing/);
  });
});

test.describe('headers', () => {
  const urls = [
    [`${BASE}/`, 200],
    [`${BASE}/posts/kubernetes-rollouts/`, 200],
    [`${BASE}/feed.xml`, 200],
    [`${BASE}/no-such-page/`, 404],
    [REDIRECTS[0]!.from, 301],
  ] as const;
  for (const [url, status] of urls) {
    test(`${url} (${status}) has every security header`, async ({ request }) => {
      const response = await request.get(url, { maxRedirects: 0 });
      expect(response.status()).toBe(status);
      const headers = response.headers();
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        expect(headers[name.toLowerCase()], name).toBe(value);
      expect(headers.server).toBe('nginx'); // server_tokens off: no version
    });
  }

  test('pages, hashed assets, search files, feeds and images: Content-Type and Cache-Control as the S3 upload sets them', async ({
    request,
  }) => {
    const files = listFiles(EXPORT_DIR);
    const oneOf = (test: (key: string) => boolean) => {
      const key = files.find(test);
      expect(key, String(test)).toBeDefined();
      return key!;
    };
    const samples = [
      'index.html',
      'posts/kubernetes-rollouts/index.html',
      'feed.xml',
      'feed.json',
      'robots.txt',
      'icon.svg',
      oneOf((key) => key.endsWith('share-image.png')),
      oneOf((key) => key.startsWith('_next/static/') && key.endsWith('.js')),
      oneOf((key) => key.startsWith('_next/static/') && key.endsWith('.css')),
      'pagefind/pagefind.js',
      'pagefind/pagefind-entry.json',
      oneOf((key) => key.endsWith('.pf_fragment')),
    ];
    for (const key of samples) {
      const response = await request.get(`${BASE}/${encodeURI(key)}`);
      expect(response.status(), key).toBe(200);
      const expected = objectHeaders(key);
      expect(response.headers()['content-type'], key).toBe(expected.contentType);
      expect(response.headers()['cache-control'], key).toBe(expected.cacheControl);
    }
  });

  test('hashed assets referenced by a page are cached a year, immutable; the page five minutes', async ({
    request,
  }) => {
    // The search page: the one page that keeps Next's scripts besides its stylesheet.
    const page = await request.get(`${BASE}/search/`);
    expect(page.headers()['cache-control']).toBe('public, max-age=300');
    const assets = [
      ...(await page.text()).matchAll(/(?:src|href)="(\/blog\/_next\/static\/[^"]+)"/g),
    ].map(([, url]) => url!);
    expect(assets.length).toBeGreaterThan(2);
    for (const url of assets) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(200);
      expect(response.headers()['cache-control'], url).toBe('public, max-age=31536000, immutable');
    }
  });

  test('text is gzipped', async ({ request }) => {
    for (const url of [
      `${BASE}/`,
      `${BASE}/feed.xml`,
      `${BASE}/posts/kubernetes-rollouts/index.txt`,
    ]) {
      const response = await request.get(url, { headers: { 'Accept-Encoding': 'gzip' } });
      expect(response.headers()['content-encoding'], url).toBe('gzip');
      expect(response.headers().vary, url).toContain('Accept-Encoding');
    }
  });
});

test.describe('not found', () => {
  test("an unknown page answers 404 with the export's 404.html, cached minutes only", async ({
    request,
  }) => {
    const notFoundPage = readFileSync(path.join(EXPORT_DIR, '404.html'), 'utf8');
    for (const url of [
      `${BASE}/no/such/page/`,
      `${BASE}/no-such-page`,
      `${BASE}/posts/missing.html`,
      `${BASE}/_next/static/chunks/missing.js`,
    ]) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(404);
      expect(await response.text(), url).toBe(notFoundPage);
      expect(response.headers()['content-type'], url).toBe('text/html; charset=utf-8');
      expect(response.headers()['cache-control'], url).toBe('public, max-age=300');
    }
  });

  test('a folder without index.html is a 404, never a listing', async ({ request }) => {
    for (const url of [`${BASE}/_next/`, `${BASE}/_next/static/`, `${BASE}/pagefind/`]) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(404);
      expect(await response.text(), url).not.toContain('Index of');
    }
  });

  test('the browser shows the designed 404 page', async ({ page, pageProblems }) => {
    pageProblems.allowNotFound();
    const response = await page.goto(`${BASE}/missing/`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  });
});

test.describe('URLs', () => {
  test('a page answers with and without its trailing slash', async ({ request }) => {
    for (const url of [
      `${BASE}/posts/kubernetes-rollouts/`,
      `${BASE}/posts/kubernetes-rollouts`,
      `${BASE}/categories/devops`,
      BASE,
    ]) {
      const response = await request.get(url, { maxRedirects: 0 });
      expect(response.status(), url).toBe(200);
      expect(response.headers()['content-type'], url).toBe('text/html; charset=utf-8');
    }
  });

  test('a post opened without its trailing slash works in the browser', async ({ page }) => {
    await page.goto(`${BASE}/posts/kubernetes-rollouts`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Zero-Downtime Kubernetes Rollouts',
    );
    await page.waitForLoadState('networkidle');
  });

  test(`every old URL of _redirects answers 301 to its new URL (${REDIRECTS.length})`, async ({
    request,
  }) => {
    expect(REDIRECTS.length).toBeGreaterThan(0);
    for (const { from, to } of REDIRECTS) {
      const response = await request.get(from, { maxRedirects: 0 });
      expect(response.status(), from).toBe(301);
      expect(response.headers().location, from).toBe(to);
    }
  });

  test('a redirect keeps the query string, and a folder permalink also answers without its slash', async ({
    request,
  }) => {
    const { from, to } = REDIRECTS[0]!;
    const response = await request.get(`${from}?utm_source=feed&x=1`, { maxRedirects: 0 });
    expect(response.headers().location).toBe(`${to}?utm_source=feed&x=1`);
    for (const folder of REDIRECTS.filter(({ from }) => from.endsWith('/'))) {
      const bare = await request.get(folder.from.slice(0, -1), { maxRedirects: 0 });
      expect(bare.status(), folder.from).toBe(301);
      expect(bare.headers().location, folder.from).toBe(folder.to);
    }
  });

  test('a browser following an old URL lands on the post', async ({ page }) => {
    const accented = REDIRECTS.find(({ from }) => from.includes('%C3%A9')) ?? REDIRECTS[0]!;
    await page.goto(accented.from);
    await expect(page).toHaveURL(accented.to);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });
});

test.describe('the Content-Security-Policy blocks nothing', () => {
  const pages = [
    ['home', `${BASE}/`],
    ['post', `${BASE}/posts/markdown-tables/`],
    ['category', `${BASE}/categories/devops/`],
    ['archive', `${BASE}/archive/`],
  ] as const;
  for (const [kind, url] of pages) {
    test(`${kind} page`, async ({ page }) => {
      const violations = await watchCsp(page);
      const response = await page.goto(url);
      expect(response?.headers()['content-security-policy']).toBe(
        SECURITY_HEADERS['Content-Security-Policy'],
      );
      await page.waitForLoadState('networkidle');
      // The theme toggle works once public/site.js (deferred) has run.
      await page.getByRole('button', { name: /theme/i }).first().click();
      // The theme script ran (inline, first in <head>).
      await expect(page.locator('html')).toHaveAttribute('data-theme', /^(light|dark|system)$/);
      expect(violations).toEqual([]);
    });
  }

  test("a post's own inline script (raw HTML) runs: the build put its hash in the CSP", async ({
    page,
  }) => {
    const violations = await watchCsp(page);
    await page.goto(`${BASE}/posts/markdown-tables/`);
    await expect(page.locator('html')).toHaveAttribute('data-post-script', 'ran');
    expect(violations).toEqual([]);
  });

  test('search page with an actual search (Pagefind: WebAssembly, fetches)', async ({ page }) => {
    const violations = await watchCsp(page);
    await page.goto(`${BASE}/search/?q=readiness`);
    const result = page
      .getByRole('main')
      .getByRole('article')
      .filter({ hasText: 'Zero-Downtime Kubernetes Rollouts' });
    await expect(result).toBeVisible();
    await page.getByRole('searchbox', { name: 'Search every post' }).fill('autolinks');
    await expect(page.getByRole('main').getByRole('article')).toHaveCount(1);
    expect(violations).toEqual([]);
  });

  test('navigation by links, each page a document of its own', async ({ page }) => {
    const violations = await watchCsp(page);
    await page.goto(`${BASE}/`);
    await page.waitForLoadState('networkidle');
    await page.getByRole('link', { name: 'Archive' }).first().click();
    await expect(page).toHaveURL(`${BASE}/archive/`);
    await page.getByRole('main').getByRole('link').first().click();
    await expect(page).toHaveURL(/\/blog\/posts\//);
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
  });

  test('404 page', async ({ page, pageProblems }) => {
    pageProblems.allowNotFound();
    const violations = await watchCsp(page);
    const response = await page.goto(`${BASE}/no-such-page/`);
    expect(response?.status()).toBe(404);
    expect(response?.headers()['content-security-policy']).toBe(
      SECURITY_HEADERS['Content-Security-Policy'],
    );
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
  });
});

/**
 * The page as the server sent it (headers, CSP included), with `markup` added before </body>: what an
 * attacker who could inject HTML into a page would get.
 */
async function injectIntoPage(page: Page, url: string, markup: string) {
  await page.route(`**${url}`, async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    expect(html).toContain('</body>');
    await route.fulfill({ response, body: html.replace('</body>', `${markup}</body>`) });
  });
}

// Without pageProblems: the blocked scripts are expected console errors here.
base.describe('the Content-Security-Policy blocks an injected inline script', () => {
  const url = `${BASE}/posts/markdown-tables/`;

  base(
    'a <script> added to a served page does not run, and is reported as a violation',
    async ({ page }) => {
      const violations = await watchCsp(page);
      await injectIntoPage(
        page,
        url,
        '<script>window.__injected = true; document.documentElement.dataset.injected = "ran";</script>',
      );
      const response = await page.goto(url);
      expect(response?.headers()['content-security-policy']).toBe(
        SECURITY_HEADERS['Content-Security-Policy'],
      );
      await expect(page.locator('body')).toContainText('Raw HTML is kept as written.');
      // The page's own inline scripts (theme, the post's raw HTML) still run...
      await expect(page.locator('html')).toHaveAttribute('data-post-script', 'ran');
      await expect(page.locator('html')).toHaveAttribute('data-theme', /^(light|dark|system)$/);
      // ...the injected one does not.
      await expect
        .poll(() =>
          violations.filter((report) => report.startsWith('script-src-elem blocked inline')),
        )
        .toHaveLength(1);
      expect(await page.evaluate(() => '__injected' in window)).toBe(false);
      await expect(page.locator('html')).not.toHaveAttribute('data-injected', /.*/);
    },
  );

  base('an injected event handler attribute does not run either', async ({ page }) => {
    const violations = await watchCsp(page);
    await injectIntoPage(page, url, '<img alt="" src="data:," onerror="window.__injected = true">');
    await page.goto(url);
    await expect
      .poll(() => violations.some((report) => report.startsWith('script-src-attr blocked inline')))
      .toBe(true);
    expect(await page.evaluate(() => '__injected' in window)).toBe(false);
  });
});

// Without pageProblems: the blocked script is an expected console error here.
base(
  'the watcher sees a violation when there is one (a data: script is blocked)',
  async ({ page }) => {
    const violations = await watchCsp(page);
    await page.goto(`${BASE}/`);
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.src = 'data:text/javascript,window.__injected = true';
      const settled = new Promise((resolve) => script.addEventListener('error', resolve));
      document.body.append(script);
      await settled;
      return 'injected' in window;
    });
    expect(ran).toBe(false);
    await expect
      .poll(() => violations.some((report) => report.startsWith('script-src')))
      .toBe(true); // the event
    expect(violations.some((report) => report.startsWith('console'))).toBe(true); // the console message
  },
);

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  );
}
