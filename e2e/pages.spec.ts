/**
 * The site's own pages on the fixture export (under /blog, pages from e2e/fixtures/pages): in the header's
 * navigation in their `nav_order` after the configured links, on a desktop and in the phone menu; rendered
 * with the posts' markdown pipeline and Liquid, with no date and no post navigation; in the sitemap unless
 * `sitemap: false`.
 */
import { expect, fetchXml, test } from './fixtures';

const NAV = ['Home', 'Categories', 'Archive', 'Search', 'Talks', 'About'];

test('the About page is in the header after the configured links, and renders like a post', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/blog/');
  const nav = page.getByRole('navigation', { name: 'Main', exact: true });
  await expect(nav.getByRole('link')).toHaveText(NAV);
  await nav.getByRole('link', { name: 'About' }).click();
  await expect(page).toHaveURL('/blog/about/');
  await expect(page).toHaveTitle(/^About this blog/);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute(
    'content',
    'Who writes the fixture blog and why.',
  );
  const article = page.getByRole('main').getByRole('article');
  await expect(article.getByRole('heading', { level: 1 })).toHaveText('About this blog');
  // Liquid ran, with the site's variables.
  await expect(article).toContainText(
    'This is Full Stack Master, the blog the end-to-end tests browse.',
  );
  // The same pipeline as posts: heading anchors and highlighted code.
  await expect(article.getByRole('heading', { level: 2, name: 'What it covers' })).toHaveAttribute(
    'id',
    'what-it-covers',
  );
  await expect(article.locator('pre code span[style]').first()).toBeVisible();
  // A page has no date and no newer/older post links.
  await expect(article.locator('time')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: /post/i })).toHaveCount(0);
  // Its links carry the base path and lead where they say.
  await article.getByRole('link', { name: 'the Kubernetes post' }).click();
  await expect(page).toHaveURL('/blog/posts/kubernetes-rollouts/');
  // Pages are as light as posts: no framework runtime.
  await page.goto('/blog/talks/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Talks');
  expect(await page.locator('script[src*="/_next/"]').count()).toBe(0);
});

test('on a phone the menu holds the same links, pages included', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto('/blog/');
  const menu = page.getByRole('navigation', { name: 'Main menu' });
  await page.getByText('Menu', { exact: true }).click();
  await expect(menu.getByRole('link')).toHaveText(NAV);
  await menu.getByRole('link', { name: 'Talks' }).click();
  await expect(page).toHaveURL('/blog/talks/');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('a page without nav is published at its permalink but not in the header; sitemap: false keeps it out', async ({
  page,
}) => {
  const response = await page.goto('/blog/colophon/');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Colophon');
  await expect(
    page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', {
      name: 'Colophon',
    }),
  ).toHaveCount(0);
  const sitemap = await fetchXml(page, '/blog/sitemap.xml');
  const paths = sitemap.locs.map((loc) => new URL(loc).pathname);
  expect(paths).toEqual(expect.arrayContaining(['/blog/about/', '/blog/talks/']));
  expect(paths).not.toContain('/blog/colophon/');
});
