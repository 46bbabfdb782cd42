/**
 * On a 375-px phone, no page scrolls sideways, even where a title or an excerpt holds a long word that no
 * space breaks: the fixture post liquid-in-posts has a 111-character code identifier in its title, and
 * kubernetes-rollouts a long URL in its excerpt. Code blocks still scroll inside themselves (fixture.spec.ts).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const PHONE = { width: 375, height: 800 };
const LONG_WORD =
  'Jekyll::Filters::URLFilters.relative_url_and_absolute_url_with_site_baseurl_and_site_url_prefixed_in_that_order';
const LONG_URL =
  'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#DeploymentSpecStrategyRollingUpdateMaxSurgeAndMaxUnavailable';

test.use({ viewport: PHONE });

/** The page's width, and the elements whose text runs past the viewport's right edge (to name in a failure). */
async function overflow(page: Page) {
  return page.evaluate((viewportWidth) => {
    const wide = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      // Code blocks scroll inside themselves; text hidden for screen readers only is off-screen on purpose.
      if (!element || element.closest('pre, .sr-only')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      if (range.getBoundingClientRect().right > viewportWidth + 0.5)
        wide.add(`<${element.tagName.toLowerCase()} class="${element.className}">`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, wide: [...wide].slice(0, 5) };
  }, PHONE.width);
}

async function expectNoSidewaysScroll(page: Page, path: string, longText: string) {
  await page.goto(path);
  await expect(page.getByRole('main'), `${path} shows the long word`).toContainText(longText);
  const { scrollWidth, wide } = await overflow(page);
  expect(
    scrollWidth,
    `${path} is ${scrollWidth} px wide; past the edge: ${wide.join(', ')}`,
  ).toBeLessThanOrEqual(PHONE.width);
}

test('the home page with a long URL in an excerpt does not scroll sideways', async ({ page }) => {
  await expectNoSidewaysScroll(page, '/blog/', LONG_URL);
});

test('the home page, a category page and the archive with a long word in a title do not scroll sideways', async ({
  page,
}) => {
  // The oldest post is on the last home page; the pagination's last number says which that is.
  await page.goto('/blog/');
  const lastPage = await page
    .getByRole('navigation', { name: 'Pagination' })
    .getByRole('listitem')
    .last()
    .innerText();
  await expectNoSidewaysScroll(page, `/blog/page/${lastPage.replace(/\D/g, '')}/`, LONG_WORD);
  await expectNoSidewaysScroll(page, '/blog/categories/testing/page/2/', LONG_WORD);
  await expectNoSidewaysScroll(page, '/blog/archive/', LONG_WORD);
});

test('a post with a long word in its title, and its neighbours that link to it, do not scroll sideways', async ({
  page,
}) => {
  await expectNoSidewaysScroll(page, '/blog/posts/liquid-in-posts/', LONG_WORD);
  // The next post links to it twice: as its previous post and among its related posts.
  await expectNoSidewaysScroll(page, '/blog/posts/excerpt-separator/', LONG_WORD);
  await expectNoSidewaysScroll(
    page,
    '/blog/posts/kubernetes-rollouts/',
    'Zero-Downtime Kubernetes Rollouts',
  );
});
