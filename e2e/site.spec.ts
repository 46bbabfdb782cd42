/** The real blog (content/posts) exported to out/ and served as static files. */
import { expect, fetchXml, test } from './fixtures';

const POST_URL = '/posts/aws-architecture-best-practices-for-2024/';
const POST_TITLE = 'AWS Architecture Best Practices for 2024';

test('the home page lists the real post with its date, category and excerpt', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('Full Stack Master');
  const item = page.getByRole('article').filter({ hasText: POST_TITLE });
  await expect(item.getByRole('heading', { level: 2 })).toHaveText(POST_TITLE);
  await expect(item.locator('time')).toHaveAttribute('datetime', '2024-11-15');
  await expect(item.locator('time')).toHaveText('November 15, 2024');
  await expect(item.getByRole('link', { name: 'aws', exact: true })).toHaveAttribute(
    'href',
    '/categories/aws/',
  );
  await expect(item).toContainText(
    'Build scalable, cost-effective, and resilient infrastructure on AWS',
  );
});

test('a reader opens the post from the home page and reads it', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: POST_TITLE }).click();
  await expect(page).toHaveURL(POST_URL);
  await expect(page).toHaveTitle(`${POST_TITLE} · Full Stack Master`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(POST_TITLE);
  await expect(page.locator('article header time')).toHaveAttribute('datetime', '2024-11-15');
  await expect(page.locator('article header')).toContainText(/\d+ min read/);

  // "Multi-Region Active-Active" is an h3 under the h2 "Key Architecture Patterns".
  const h3 = page.getByRole('heading', { level: 3, name: 'Multi-Region Active-Active' });
  await expect(h3).toHaveAttribute('id', 'multi-region-active-active');
  const parentSection = await h3.evaluate((heading) => {
    let node = heading.previousElementSibling;
    while (node && node.tagName !== 'H2') node = node.previousElementSibling;
    return node?.textContent;
  });
  expect(parentSection).toBe('Key Architecture Patterns');

  await expect(
    page.getByRole('listitem').filter({ hasText: 'Use Route 53 for DNS-based routing' }),
  ).toBeVisible();
  await expect(
    page.locator('ol > li').filter({ hasText: 'Right-size your instances' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'AWS courses' })).toHaveAttribute(
    'href',
    'https://www.fullstackmaster.net',
  );
});

test('the category link leads to the category page, which lists the post', async ({ page }) => {
  await page.goto(POST_URL);
  await page.locator('article header').getByRole('link', { name: 'aws', exact: true }).click();
  await expect(page).toHaveURL('/categories/aws/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('aws');
  await expect(page.getByRole('link', { name: POST_TITLE })).toHaveAttribute('href', POST_URL);
  await expect(page.getByRole('main')).toContainText('Build scalable, cost-effective');
});

test('the categories index lists aws with its count', async ({ page }) => {
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Categories' })
    .click();
  await expect(page).toHaveURL('/categories/');
  const aws = page.getByRole('main').getByRole('link', { name: /aws/ });
  await expect(aws).toHaveCount(1);
  await expect(aws).toHaveAttribute('href', '/categories/aws/');
  await expect(aws).toContainText('1 post');
});

test('a blog without tags: the tag index says so, the post shows none, and no tag route is left', async ({
  page,
  pageProblems,
}) => {
  await page.goto('/tags/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tags');
  await expect(page.getByRole('main')).toContainText('0 tags');
  await expect(page.locator('ul[data-term-list]').getByRole('link')).toHaveCount(0);
  // The one link left leads to the categories, which the blog has.
  await expect(page.getByRole('main').getByRole('link')).toHaveText(['Browse by category →']);
  await expect(page.getByRole('button', { name: 'Most used' })).toBeHidden();
  await page.goto(POST_URL);
  await expect(page.getByRole('list', { name: 'Tags' })).toHaveCount(0);
  // The placeholder that lets a static export build a route with no tag is removed after the build.
  pageProblems.allowNotFound();
  for (const path of ['/tags/_/', '/tags/_/feed.xml'])
    expect((await page.request.get(path)).status(), path).toBe(404);
});

test('a blog of one author shows no author: no byline, no author pages, the site as its author', async ({
  page,
  pageProblems,
}) => {
  await page.goto(POST_URL);
  await expect(page.locator('[data-byline]')).toHaveCount(0);
  // Nor an edit link: EDIT_URL is not set for the real site.
  await expect(page.getByRole('link', { name: 'Edit this post' })).toHaveCount(0);
  const posting = await page
    .locator('script[type="application/ld+json"]')
    .first()
    .evaluate((script) => JSON.parse(script.textContent ?? '{}'));
  expect(posting.author).toEqual({
    '@type': 'Person',
    name: 'Full Stack Master',
    url: 'https://www.fullstackmaster.net',
  });
  await page.goto('/');
  await expect(page.locator('[data-byline]')).toHaveCount(0);
  await page.goto('/tags/');
  await expect(page.getByRole('link', { name: 'Browse by author →' })).toHaveCount(0);
  // The author routes' placeholder and index are removed after the build.
  pageProblems.allowNotFound();
  for (const path of [
    '/authors/',
    '/authors/_/',
    '/authors/full-stack-master/',
    '/authors/_/feed.xml',
    // No post has math: no math stylesheet either.
    '/math/temml.css',
  ])
    expect((await page.request.get(path)).status(), path).toBe(404);
});

test('an unknown URL shows the designed 404 page with status 404', async ({
  page,
  pageProblems,
}) => {
  pageProblems.allowNotFound();
  const response = await page.goto('/no/such/page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('link', { name: 'Read the latest posts' })).toHaveAttribute(
    'href',
    '/',
  );
});

test('the feed is well-formed RSS with one absolute item per published post', async ({ page }) => {
  await page.goto('/');
  const feedHref = await page
    .locator('link[rel="alternate"][type="application/rss+xml"]')
    .getAttribute('href');
  expect(feedHref).toBe('https://www.fullstackmaster.net/feed.xml');
  const feed = await fetchXml(page, '/feed.xml');
  expect(feed.root).toBe('rss');
  expect(feed.items).toEqual([
    {
      title: POST_TITLE,
      link: `https://www.fullstackmaster.net${POST_URL}`,
      categories: ['aws'],
      pubDate: 'Fri, 15 Nov 2024 00:00:00 GMT',
    },
  ]);
});

test('the sitemap is well-formed and lists every page; robots.txt points at it', async ({
  page,
}) => {
  const sitemap = await fetchXml(page, '/sitemap.xml');
  expect(sitemap.root).toBe('urlset');
  expect(sitemap.locs.sort()).toEqual(
    [
      'https://www.fullstackmaster.net/',
      'https://www.fullstackmaster.net/categories/',
      'https://www.fullstackmaster.net/tags/',
      'https://www.fullstackmaster.net/archive/',
      'https://www.fullstackmaster.net/about/',
      'https://www.fullstackmaster.net/categories/aws/',
      `https://www.fullstackmaster.net${POST_URL}`,
    ].sort(),
  );
  const robots = await (await page.request.get('/robots.txt')).text();
  expect(robots).toContain('Sitemap: https://www.fullstackmaster.net/sitemap.xml');
});

test('a URL without its trailing slash reaches the page', async ({ page }) => {
  await page.goto(POST_URL.replace(/\/$/, ''));
  await expect(page).toHaveURL(POST_URL);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(POST_TITLE);
});

test('the About page is in the header and says who writes the blog, linking to the main site', async ({
  page,
}) => {
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Main', exact: true })
    .getByRole('link', { name: 'About' })
    .click();
  await expect(page).toHaveURL('/about/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('About');
  await expect(
    page.getByRole('main').getByRole('link', { name: 'fullstackmaster.net' }),
  ).toHaveAttribute('href', 'https://www.fullstackmaster.net');
});
