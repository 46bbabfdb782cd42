/**
 * Authors on the fixture export (under /blog), a blog of three: Ada Okafor (a profile in
 * e2e/fixtures/jekyll/_data/authors.yml), Sam Lee (a name with no profile) and the site's author, who wrote every
 * post that names none. The index, an author's page with profile and page 2, bylines on posts and listings, the
 * structured data and the feeds. The real site, of one author, shows none of it (site.spec.ts).
 */
import type { Page } from '@playwright/test';
import { expect, fetchXml, test } from './fixtures';

// By name, with their number of published posts.
const AUTHORS = [
  ['Ada Okafor', '/blog/authors/ada/', 3],
  ['Full Stack Master', '/blog/authors/full-stack-master/', 6],
  ['Sam Lee', '/blog/authors/sam-lee/', 1],
] as const;

const ORIGIN = 'https://www.fullstackmaster.net/blog';

const listedPosts = (page: Page) =>
  page
    .getByRole('main')
    .getByRole('article')
    .getByRole('heading', { level: 2 })
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')));

test('the author index lists every author by name with their posts, and the other indexes link to it', async ({
  page,
}) => {
  await page.goto('/blog/authors/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Authors');
  const main = page.getByRole('main');
  await expect(main).toContainText('3 authors');
  const links = main.locator('ul[data-term-list]').getByRole('link');
  await expect(links).toHaveText(
    AUTHORS.map(([name, , count]) => `${name}${count} post${count === 1 ? '' : 's'}`),
  );
  expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(
    AUTHORS.map(([, href]) => href),
  );
  await page.goto('/blog/tags/');
  await page.getByRole('link', { name: 'Browse by author →' }).click();
  await expect(page).toHaveURL(/\/blog\/authors\/$/);
});

test("an author's page shows the profile and their posts, page by page, with its feeds", async ({
  page,
}) => {
  await page.goto('/blog/authors/ada/');
  await expect(page).toHaveTitle('Ada Okafor · Full Stack Master');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ada Okafor');
  const profile = page.getByRole('region', { name: 'About Ada Okafor' });
  await expect(profile).toContainText('Runs the platform team');
  // Decorative (alt=""): the name is the heading beside it.
  const avatar = profile.locator('img[alt=""]');
  await expect(avatar).toHaveAttribute('src', 'https://github.com/ada-okafor.png');
  // Loaded (from the stub of tests/fixtures.ts), at its set size: no layout shift.
  expect(await avatar.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  expect(await avatar.evaluate((img) => img.getBoundingClientRect().width)).toBe(72);
  await expect(profile.getByRole('link')).toHaveText(['GitHub', 'Mastodon']);
  await expect(profile.getByRole('link', { name: 'GitHub' })).toHaveAttribute(
    'href',
    'https://github.com/ada-okafor',
  );

  // Three posts, two a page: newest first, then page 2 without the profile.
  expect(await listedPosts(page)).toEqual([
    '/blog/posts/kubernetes-rollouts/',
    '/blog/posts/markdown-tables/',
  ]);
  await page.getByRole('link', { name: 'Older →' }).click();
  await expect(page).toHaveURL(/\/blog\/authors\/ada\/page\/2\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ada Okafor: page 2');
  await expect(page.getByRole('region', { name: 'About Ada Okafor' })).toHaveCount(0);
  expect(await listedPosts(page)).toEqual(['/blog/posts/pictures-in-posts/']);

  // The author's feed holds the same posts, each naming its authors.
  const rss = await fetchXml(page, '/blog/authors/ada/feed.xml');
  expect(rss.items.map((item) => item.link)).toEqual(
    ['kubernetes-rollouts', 'markdown-tables', 'pictures-in-posts'].map(
      (slug) => `${ORIGIN}/posts/${slug}/`,
    ),
  );
  const json = JSON.parse(await (await page.request.get('/blog/authors/ada/feed.json')).text());
  expect(json.items[2].authors).toEqual([
    { name: 'Ada Okafor', url: `${ORIGIN}/authors/ada/` },
    { name: 'Sam Lee', url: `${ORIGIN}/authors/sam-lee/` },
  ]);
  const atom = await (await page.request.get('/blog/authors/ada/atom.xml')).text();
  expect(atom).toContain(`<name>Sam Lee</name>`);
});

test('a name without a profile has a page of its posts and no profile box', async ({ page }) => {
  await page.goto('/blog/authors/sam-lee/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sam Lee');
  await expect(page.getByRole('region', { name: /About/ })).toHaveCount(0);
  expect(await listedPosts(page)).toEqual(['/blog/posts/pictures-in-posts/']);
});

test('a post of two authors names both, linked, in its byline and its structured data', async ({
  page,
}) => {
  await page.goto('/blog/posts/pictures-in-posts/');
  const byline = page.getByRole('main').locator('[data-byline]').first();
  await expect(byline).toHaveText('By Ada Okafor and Sam Lee');
  expect(
    await byline
      .getByRole('link')
      .evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('rel')])),
  ).toEqual([
    ['/blog/authors/ada/', 'author'],
    ['/blog/authors/sam-lee/', 'author'],
  ]);
  const posting = await page
    .locator('script[type="application/ld+json"]')
    .first()
    .evaluate((script) => JSON.parse(script.textContent ?? '{}'));
  // Each a Person at their page here, with their avatar and profiles elsewhere when they have a profile.
  expect(posting.author).toEqual([
    {
      '@type': 'Person',
      name: 'Ada Okafor',
      url: `${ORIGIN}/authors/ada/`,
      image: 'https://github.com/ada-okafor.png',
      sameAs: ['https://github.com/ada-okafor', 'https://hachyderm.io/@ada'],
    },
    { '@type': 'Person', name: 'Sam Lee', url: `${ORIGIN}/authors/sam-lee/` },
  ]);
  // Open Graph and the page's author meta name them too.
  expect(
    await page
      .locator('meta[property="article:author"]')
      .evaluateAll((metas) => metas.map((meta) => meta.getAttribute('content'))),
  ).toEqual([`${ORIGIN}/authors/ada/`, `${ORIGIN}/authors/sam-lee/`]);
  expect(
    await page
      .locator('meta[name="author"]')
      .evaluateAll((metas) => metas.map((meta) => meta.getAttribute('content'))),
  ).toEqual(['Ada Okafor', 'Sam Lee']);

  // Listings show each post's byline too; a post that names nobody is the site author's.
  await page.goto('/blog/');
  const first = page.getByRole('main').getByRole('article').first();
  await expect(first.locator('[data-byline]')).toHaveText('By Ada Okafor');
  await page.goto('/blog/posts/excerpt-separator/');
  await expect(page.getByRole('main').locator('[data-byline]').first()).toHaveText(
    'By Full Stack Master',
  );
});
