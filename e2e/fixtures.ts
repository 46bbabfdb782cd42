/**
 * A Playwright `test` whose pages fail the test on any console error, page error
 * or failed request, so every test also checks that its pages load cleanly.
 * A test that expects a 404 says so with `allowNotFound`.
 */
import { test as base, expect, type Page } from '@playwright/test';

const AVATAR =
  '<svg xmlns="http://www.w3.org/2000/svg" width="144" height="144"><rect width="144" height="144" fill="#1d4ed8"/><text x="72" y="88" font-family="sans-serif" font-size="48" fill="#fff" text-anchor="middle">AO</text></svg>';

interface PageProblems {
  problems: string[];
  allowNotFound: () => void;
}

export const test = base.extend<{ pageProblems: PageProblems }>({
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      let notFoundAllowed = false;
      // The fixture's one image from elsewhere, an author's avatar (e2e/fixtures/jekyll/_data/authors.yml): the
      // tests are offline, so its host answers here.
      await page.route(/^https:\/\/github\.com\/[^/]+\.png$/, (route) =>
        route.fulfill({ contentType: 'image/svg+xml', body: AVATAR }),
      );
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        if (notFoundAllowed && message.text().includes('404')) return;
        problems.push(`console error: ${message.text()} at ${message.location().url}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('requestfailed', (request) => {
        // A request cut short because the test moved on (a new page, a search typed again) is not a failure.
        if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
        problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
      });
      page.on('response', (response) => {
        if (response.status() >= 400 && !(notFoundAllowed && response.status() === 404)) {
          problems.push(`HTTP ${response.status()}: ${response.url()}`);
        }
      });
      await use({ problems, allowNotFound: () => (notFoundAllowed = true) });
      expect(problems, 'the pages of this test logged no error').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Parses an XML document the way a feed reader would; fails on malformed XML. */
export async function fetchXml(page: Page, url: string) {
  const response = await page.request.get(url);
  expect(response.status(), url).toBe(200);
  const text = await response.text();
  const parsed = await page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    const error = doc.querySelector('parsererror');
    return {
      error: error?.textContent ?? null,
      root: doc.documentElement.nodeName,
      items: [...doc.querySelectorAll('item')].map((item) => ({
        title: item.querySelector('title')?.textContent ?? '',
        link: item.querySelector('link')?.textContent ?? '',
        categories: [...item.querySelectorAll('category')].map((c) => c.textContent ?? ''),
        pubDate: item.querySelector('pubDate')?.textContent ?? '',
      })),
      locs: [...doc.getElementsByTagName('loc')].map((loc) => loc.textContent ?? ''),
    };
  }, text);
  expect(parsed.error, `${url} is well-formed XML`).toBeNull();
  return { ...parsed, headers: response.headers() };
}
