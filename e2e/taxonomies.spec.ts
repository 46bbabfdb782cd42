/**
 * Tags on the fixture export (under /blog): the index with its counts and its "Most used" order, a tag's
 * listing page by page, tags on a post, and what a draft's tags leave behind (nothing). The feeds of every
 * tag are compared with its pages in discovery.spec.ts, beside the categories'.
 */
import { expect, fetchXml, test } from './fixtures';

// By name, as the index lists them, with their number of published posts.
const TAGS = [
  ['Café', '/blog/tags/cafe/', 1],
  ['gfm', '/blog/tags/gfm/', 1],
  ['images', '/blog/tags/images/', 1],
  ['jekyll', '/blog/tags/jekyll/', 2],
  ['liquid', '/blog/tags/liquid/', 1],
  ['markdown', '/blog/tags/markdown/', 3],
  ['zero downtime', '/blog/tags/zero-downtime/', 1],
] as const;

test('the tag index lists every tag by name with its count, and "Most used" puts the largest first', async ({
  page,
}) => {
  await page.goto('/blog/tags/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tags');
  const main = page.getByRole('main');
  await expect(main).toContainText('7 tags');
  const tagLinks = main.getByRole('list').last().getByRole('link');
  await expect(tagLinks).toHaveText(
    TAGS.map(([name, , count]) => `${name}${count} post${count === 1 ? '' : 's'}`),
  );
  expect(await tagLinks.evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(
    TAGS.map(([, href]) => href),
  );
  // A draft's tag is nowhere.
  await expect(main).not.toContainText('secret-tag');
  await expect(main.getByRole('link', { name: 'Browse by category →' })).toHaveAttribute(
    'href',
    '/blog/categories/',
  );

  const byName = main.getByRole('button', { name: 'By name' });
  const mostUsed = main.getByRole('button', { name: 'Most used' });
  await expect(byName).toHaveAttribute('aria-pressed', 'true');
  await mostUsed.click();
  await expect(mostUsed).toHaveAttribute('aria-pressed', 'true');
  await expect(byName).toHaveAttribute('aria-pressed', 'false');
  // Largest first; equal counts keep name order.
  const names = (links: typeof tagLinks) =>
    links.evaluateAll((as) => as.map((a) => a.querySelector('span')!.textContent));
  expect(await names(tagLinks)).toEqual([
    'markdown',
    'jekyll',
    'Café',
    'gfm',
    'images',
    'liquid',
    'zero downtime',
  ]);
  await byName.click();
  expect(await names(tagLinks)).toEqual(TAGS.map(([name]) => name));
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the tag index is by name and shows no order switch', async ({ page }) => {
    await page.goto('/blog/tags/');
    await expect(page.getByRole('button', { name: 'Most used' })).toBeHidden();
    await expect(page.getByRole('main').getByRole('list').last().getByRole('link')).toHaveCount(
      TAGS.length,
    );
  });
});

test('a tag lists its posts newest first, page by page, with its feeds', async ({ page }) => {
  await page.goto('/blog/tags/');
  await page.getByRole('link', { name: /^markdown/ }).click();
  await expect(page).toHaveURL('/blog/tags/markdown/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tag: markdown');
  await expect(page).toHaveTitle(/^Tag: markdown/);
  const titles = page.getByRole('main').getByRole('article').getByRole('heading', { level: 2 });
  // Tagged "markdown", "Markdown" (a list) and "markdown" (a space-separated string): one tag.
  await expect(titles).toHaveText(['Markdown Features Tour', 'Pictures in Posts']);
  await page.getByRole('link', { name: 'Older →' }).click();
  await expect(page).toHaveURL('/blog/tags/markdown/page/2/');
  await expect(titles).toHaveText(['An Excerpt Separator']);
  await expect(page.getByRole('main').getByRole('link', { name: 'RSS feed' })).toHaveAttribute(
    'href',
    '/blog/tags/markdown/feed.xml',
  );
  const feedLinks = page.locator('link[rel="alternate"][type="application/atom+xml"]');
  expect(await feedLinks.evaluateAll((links) => links.map((l) => l.getAttribute('href')))).toEqual([
    'https://www.fullstackmaster.net/blog/atom.xml',
    'https://www.fullstackmaster.net/blog/tags/markdown/atom.xml',
  ]);
  const feed = await fetchXml(page, '/blog/tags/markdown/feed.xml');
  expect(feed.items.map((item) => item.title)).toEqual([
    'Markdown Features Tour',
    'Pictures in Posts',
    'An Excerpt Separator',
  ]);
});

test('a post shows its tags under its categories; `tag:` is one name with spaces', async ({
  page,
}) => {
  await page.goto('/blog/posts/kubernetes-rollouts/');
  const header = page.getByRole('article').locator('header');
  await expect(header.getByRole('list', { name: 'Categories' }).getByRole('link')).toHaveText([
    'DevOps',
    'Kubernetes',
  ]);
  const tags = header.getByRole('list', { name: 'Tags' }).getByRole('link');
  await expect(tags).toHaveText(['#zero downtime']);
  await tags.click();
  await expect(page).toHaveURL('/blog/tags/zero-downtime/');
  await expect(page.getByRole('main').getByRole('article')).toHaveCount(1);

  // A post without tags shows no tag list.
  await page.goto('/blog/posts/written-on-windows/');
  await expect(page.getByRole('list', { name: 'Tags' })).toHaveCount(0);
});

test("a post's tags are in its metadata: Open Graph article tags and JSON-LD keywords", async ({
  page,
}) => {
  await page.goto('/blog/posts/excerpt-separator/');
  const articleTags = page.locator('meta[property="article:tag"]');
  expect(
    await articleTags.evaluateAll((tags) => tags.map((t) => t.getAttribute('content'))),
  ).toEqual(['testing', 'markdown', 'jekyll']);
  const ld = await page
    .locator('script[type="application/ld+json"]')
    .evaluateAll((scripts) => scripts.map((s) => JSON.parse(s.textContent ?? '{}')));
  expect(ld.find((data) => data['@type'] === 'BlogPosting')?.keywords).toEqual([
    'markdown',
    'jekyll',
  ]);
});
