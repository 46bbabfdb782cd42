/**
 * The fixture built with every third-party service on (scripts/build-fixture.mjs: giscus comments, Plausible,
 * Umami and Google Analytics 4), served by nginx with the site's CSP (scripts/nginx-server.mjs). The tests are
 * offline, so each service's host is answered here by a stand-in that does what the real script does with the
 * page: loads from its origin, sends its event to its collector, and for giscus adds its stylesheet and its
 * frame. The browser checks each of those against the CSP before the request is answered, so a source the
 * build left out of the policy shows as a violation. With everything off, pages load site.js alone
 * (e2e/fixture.spec.ts).
 */
import type { Page } from '@playwright/test';
import { siteSecurityHeaders } from '../deploy/security-headers.mjs';
import { watchCsp } from './csp-violations';
import { expect, test } from './fixtures';

const EXPORT_DIR = 'e2e/.out/third-party';
const BASE = '/blog';
const POST = `${BASE}/posts/markdown-tables/`;

/** Requests that reached each stand-in host, as `METHOD url`. */
async function standIns(page: Page) {
  const seen: string[] = [];
  const answer = (
    pattern: string | RegExp,
    contentType: string,
    body: string,
    status = 200,
  ): Promise<unknown> =>
    page.route(pattern, (route) => {
      seen.push(`${route.request().method()} ${route.request().url()}`);
      return route.fulfill({ status, contentType, body });
    });
  // giscus's client.js: its stylesheet in <head>, and its frame after the script, themed as the script says.
  await answer(
    'https://giscus.app/client.js',
    'text/javascript',
    `(function () {
      var script = document.currentScript;
      var link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = 'https://giscus.app/default.css';
      document.head.appendChild(link);
      var frame = document.createElement('iframe');
      frame.className = 'giscus-frame';
      frame.title = 'Comments';
      frame.src = 'https://giscus.app/en/widget?repo=' + encodeURIComponent(script.dataset.repo) +
        '&theme=' + encodeURIComponent(script.dataset.theme);
      script.insertAdjacentElement('afterend', frame);
    })();`,
  );
  await answer('https://giscus.app/default.css', 'text/css', '.giscus-frame{width:100%}');
  // The frame shows the theme it was last told, as giscus does.
  await answer(
    /^https:\/\/giscus\.app\/en\/widget/,
    'text/html',
    `<!doctype html><title>giscus</title><body><script>
      document.body.dataset.theme = new URL(location.href).searchParams.get('theme');
      addEventListener('message', function (event) {
        document.body.dataset.theme = event.data.giscus.setConfig.theme;
      });
    </script></body>`,
  );
  await answer(
    'https://plausible.io/js/script.js',
    'text/javascript',
    `fetch('https://plausible.io/api/event', { method: 'POST', body: JSON.stringify({ d: document.currentScript.dataset.domain }) });`,
  );
  await answer('https://plausible.io/api/event', 'text/plain', 'ok', 202);
  await answer(
    'https://cloud.umami.is/script.js',
    'text/javascript',
    `fetch('https://gateway.umami.is/api/send', { method: 'POST', body: JSON.stringify({ website: document.currentScript.dataset.websiteId }) });`,
  );
  await answer('https://gateway.umami.is/api/send', 'application/json', '{}');
  // gtag.js reads the dataLayer the inline start filled, and sends a hit and a pixel.
  await answer(
    /^https:\/\/www\.googletagmanager\.com\/gtag\/js\?id=/,
    'text/javascript',
    `(function () {
      var config = window.dataLayer.find(function (entry) { return entry[0] === 'config'; });
      fetch('https://region1.google-analytics.com/g/collect?tid=' + config[1], { method: 'POST' });
      new Image().src = 'https://www.google-analytics.com/g/pixel?tid=' + config[1];
    })();`,
  );
  await answer(/^https:\/\/region1\.google-analytics\.com\/g\/collect/, 'text/plain', '', 204);
  await answer(
    /^https:\/\/www\.google-analytics\.com\/g\/pixel/,
    'image/gif',
    Buffer.from('R0lGODlhAQABAAAAACw=', 'base64').toString('binary'),
  );
  return seen;
}

const hosts = (seen: readonly string[]) =>
  [
    ...new Set(
      seen.map((request) => `${request.split(' ')[0]} ${new URL(request.split(' ')[1]!).host}`),
    ),
  ].sort();

test.describe('with comments and analytics on', () => {
  test.beforeAll(async ({ playwright }, testInfo) => {
    const request = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
    const response = await request.get(`${BASE}/`);
    const problem = response.headers()['x-nginx-server-problem'];
    await request.dispose();
    if (problem)
      throw new Error(`The third-party project needs nginx: ${decodeURIComponent(problem)}`);
  });

  test('the CSP names exactly the origins the services need, on top of the site policy', async ({
    page,
  }) => {
    await standIns(page);
    const response = await page.goto(`${BASE}/`);
    const policy = response!.headers()['content-security-policy']!;
    expect(policy).toBe(siteSecurityHeaders(EXPORT_DIR)['Content-Security-Policy']);
    const directive = (name: string) =>
      policy.split('; ').find((item) => item.split(' ')[0] === name) ?? '';
    expect(directive('frame-src')).toBe("frame-src 'self' https://giscus.app");
    expect(directive('script-src')).toContain(
      'https://cloud.umami.is https://giscus.app https://plausible.io https://www.googletagmanager.com',
    );
    expect(directive('default-src')).toBe("default-src 'self'");
    expect(directive('object-src')).toBe("object-src 'none'");
  });

  for (const url of [`${BASE}/`, POST, `${BASE}/categories/devops/`]) {
    test(`every analytics service loads and reports, and the CSP blocks nothing: ${url}`, async ({
      page,
    }) => {
      const seen = await standIns(page);
      const violations = await watchCsp(page);
      await page.goto(url);
      await page.waitForLoadState('networkidle');
      await expect
        .poll(() => hosts(seen))
        .toEqual(
          expect.arrayContaining([
            'GET cloud.umami.is',
            'GET plausible.io',
            'GET www.google-analytics.com',
            'GET www.googletagmanager.com',
            'POST gateway.umami.is',
            'POST plausible.io',
            'POST region1.google-analytics.com',
          ]),
        );
      // Each service's own id reached it.
      expect(seen).toContain(`GET https://www.googletagmanager.com/gtag/js?id=G-FIXTURE123`);
      expect(seen).toContain(
        'POST https://region1.google-analytics.com/g/collect?tid=G-FIXTURE123',
      );
      // The scripts are deferred, so none holds up the page.
      for (const src of [
        'https://plausible.io/js/script.js',
        'https://cloud.umami.is/script.js',
        'https://www.googletagmanager.com/gtag/js?id=G-FIXTURE123',
      ])
        await expect(page.locator(`head script[src="${src}"]`)).toHaveAttribute('defer', '');
      expect(violations).toEqual([]);
    });
  }

  test('comments load only when the reader scrolls to them, themed, and follow the theme toggle', async ({
    page,
  }) => {
    const seen = await standIns(page);
    const violations = await watchCsp(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 700 });
    await page.goto(POST);
    await page.waitForLoadState('networkidle');
    expect(seen.filter((request) => request.includes('giscus.app'))).toEqual([]);

    const comments = page.getByRole('region', { name: 'Comments' });
    await comments.scrollIntoViewIfNeeded();
    const frame = comments.locator('iframe.giscus-frame');
    await expect(frame).toBeVisible();
    const script = comments.locator('script[src="https://giscus.app/client.js"]');
    await expect(script).toHaveAttribute('data-repo', 'fullstackmaster/blog');
    await expect(script).toHaveAttribute('data-repo-id', 'R_kgDOFixture');
    await expect(script).toHaveAttribute('data-category', 'Comments');
    await expect(script).toHaveAttribute('data-category-id', 'DIC_kwDOFixture4C');
    await expect(script).toHaveAttribute('data-mapping', 'pathname');
    await expect(script).toHaveAttribute('data-theme', 'preferred_color_scheme');
    expect(seen).toContain('GET https://giscus.app/default.css');

    // The reader picks a theme: the frame is told.
    const widget = page.frameLocator('iframe.giscus-frame');
    await expect(widget.locator('body')).toHaveAttribute('data-theme', 'preferred_color_scheme');
    const toggle = page.getByRole('button', { name: /theme/i }).first();
    await toggle.click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(widget.locator('body')).toHaveAttribute('data-theme', 'light');
    await toggle.click();
    await expect(widget.locator('body')).toHaveAttribute('data-theme', 'dark');
    expect(violations).toEqual([]);
  });

  test('pages without a post have no comments', async ({ page }) => {
    const seen = await standIns(page);
    await page.goto(`${BASE}/archive/`);
    await page.waitForLoadState('networkidle');
    await expect(page.getByRole('region', { name: 'Comments' })).toHaveCount(0);
    expect(seen.filter((request) => request.includes('giscus.app'))).toEqual([]);
  });
});
