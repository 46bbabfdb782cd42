/**
 * Being found, on the fixture export (under /blog): search, feeds in three
 * formats for the site and each category and tag, metadata, JSON-LD, share images.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const ORIGIN = 'https://www.fullstackmaster.net/blog';
const PUBLISHED_SLUGS = [
  'kubernetes-rollouts',
  'markdown-tables',
  'escaping-and-accents',
  'hello-custom',
  'pictures-in-posts',
  '%C3%A7a-marche',
  'written-on-windows',
  'excerpt-separator',
  'liquid-in-posts',
];
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

test.describe('search', () => {
  test('the header box ("/") finds the one post whose body has a word, and its link opens it', async ({
    page,
  }) => {
    await page.goto('/blog/posts/kubernetes-rollouts/');
    const box = page.getByRole('searchbox', { name: 'Search posts' });
    // The shortcut works once public/site.js (deferred) has run; a reader pressing earlier just presses again.
    await expect(async () => {
      await page.keyboard.press('/');
      await expect(box).toBeFocused({ timeout: 500 });
    }).toPass();
    await box.fill('Autolinks');
    await box.press('Enter');
    await expect(page).toHaveURL('/blog/search/?q=Autolinks');
    const results = page.getByRole('main').getByRole('article');
    await expect(results).toHaveCount(1);
    await expect(results.getByRole('heading')).toHaveText('Markdown Features Tour');
    await expect(results).toContainText('June 1, 2023 · DevOps · testing');
    await expect(results.locator('mark').first()).toHaveText(/autolinks/i);
    await results.getByRole('link').click();
    await expect(page).toHaveURL('/blog/posts/markdown-tables/');
  });

  test('a hit under a heading links to that heading', async ({ page }) => {
    await page.goto('/blog/search/?q=readiness');
    const link = page
      .getByRole('main')
      .getByRole('article')
      .filter({ hasText: 'Zero-Downtime Kubernetes Rollouts' })
      .getByRole('link');
    await expect(link).toHaveAttribute(
      'href',
      '/blog/posts/kubernetes-rollouts/#readiness-before-traffic',
    );
    await link.click();
    await expect(page.getByRole('heading', { name: 'Readiness before traffic' })).toBeInViewport();
  });

  test('a nonsense word, a draft-only word and site chrome give a clear "no results"', async ({
    page,
  }) => {
    await page.goto('/blog/search/');
    const box = page.getByRole('searchbox', { name: 'Search every post' });
    for (const word of ['zqxjvwkplm', 'Lambda', 'Subscribe']) {
      await box.fill(word);
      await expect(page.getByText(`No results for “${word}”.`)).toBeVisible();
      await expect(page.getByRole('main').getByRole('article')).toHaveCount(0);
    }
  });

  test('Ctrl+K focuses the search box; a search loads only the index chunks it needs', async ({
    page,
  }) => {
    const loaded: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/pagefind/')) loaded.push(new URL(request.url()).pathname);
    });
    await page.goto('/blog/');
    expect(loaded).toEqual([]); // nothing of search loads before it is used
    await expect(async () => {
      await page.keyboard.press('Control+k');
      await expect(page.getByRole('searchbox', { name: 'Search posts' })).toBeFocused({
        timeout: 500,
      });
    }).toPass();
    await page.goto('/blog/search/?q=kubectl');
    await expect(page.getByRole('main').getByRole('article')).toHaveCount(1);
    expect(loaded.filter((path) => path.endsWith('.pf_index')).length).toBe(1);
    expect(loaded.filter((path) => path.endsWith('.pf_fragment')).length).toBe(1);
  });
});

async function fetchText(page: Page, url: string) {
  const response = await page.request.get(url);
  expect(response.status(), url).toBe(200);
  return { text: await response.text(), type: response.headers()['content-type'] ?? '' };
}

/** Items of an RSS or Atom document, parsed by the browser's XML parser. */
async function xmlItems(page: Page, url: string) {
  const { text, type } = await fetchText(page, url);
  const parsed = await page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    if (doc.querySelector('parsererror'))
      return { error: doc.querySelector('parsererror')?.textContent, items: [] };
    const atom = doc.documentElement.nodeName === 'feed';
    const items = [...doc.querySelectorAll(atom ? 'entry' : 'item')].map((item) => ({
      title: item.querySelector('title')?.textContent ?? '',
      link: atom
        ? (item.querySelector('link')?.getAttribute('href') ?? '')
        : (item.querySelector('link')?.textContent ?? ''),
      date:
        (atom ? item.querySelector('published') : item.querySelector('pubDate'))?.textContent ?? '',
      categories: [...item.querySelectorAll('category')].map((c) =>
        atom ? `${c.getAttribute('label')}=${c.getAttribute('term')}` : (c.textContent ?? ''),
      ),
      content:
        (atom ? item.querySelector('content') : item.getElementsByTagName('content:encoded')[0])
          ?.textContent ?? '',
    }));
    return { error: null, root: doc.documentElement.nodeName, items };
  }, text);
  expect(parsed.error, `${url} is well-formed`).toBeNull();
  return { ...parsed, type };
}

test.describe('feeds', () => {
  test('RSS, Atom and JSON Feed list every published post with full content and absolute URLs', async ({
    page,
  }) => {
    const rss = await xmlItems(page, '/blog/feed.xml');
    const atom = await xmlItems(page, '/blog/atom.xml');
    const { text, type } = await fetchText(page, '/blog/feed.json');
    const json = JSON.parse(text);
    expect(rss.root).toBe('rss');
    expect(atom.root).toBe('feed');
    // Static hosts type files by extension.
    expect(rss.type).toContain('xml');
    expect(atom.type).toContain('xml');
    expect(type).toContain('json');
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');

    const expected = PUBLISHED_SLUGS.map((slug) => `${ORIGIN}/posts/${slug}/`);
    expect(rss.items.map((item) => item.link)).toEqual(expected);
    expect(atom.items.map((item) => item.link)).toEqual(expected);
    expect(json.items.map((item: { url: string }) => item.url)).toEqual(expected);

    // Full post HTML, with the post's own links made absolute.
    const pictures = PUBLISHED_SLUGS.indexOf('pictures-in-posts');
    for (const content of [
      rss.items[pictures]?.content,
      atom.items[pictures]?.content,
      json.items[pictures].content_html,
    ]) {
      expect(content).toContain(`<img src="${ORIGIN}/content-assets/assets/pipeline.svg"`);
      expect(content).toContain(`<a href="${ORIGIN}/posts/kubernetes-rollouts/">`);
      expect(content).toContain(
        `href="${ORIGIN}/posts/pictures-in-posts/#a-diagram-beside-the-post"`,
      );
    }
    expect(json.items[1].content_html).toContain('<table>');

    // Categories, then tags, and dates with time zones.
    expect(rss.items[0]?.categories).toEqual(['DevOps', 'Kubernetes', 'zero downtime']);
    expect(atom.items[0]?.categories).toEqual([
      'DevOps=devops',
      'Kubernetes=kubernetes',
      'zero downtime=zero-downtime',
    ]);
    expect(json.items[0].tags).toEqual(['DevOps', 'Kubernetes', 'zero downtime']);
    expect(rss.items[1]?.date).toBe('Thu, 01 Jun 2023 12:30:00 GMT');
    expect(atom.items[1]?.date).toBe('2023-06-01T12:30:00.000Z');
    expect(json.items[1].date_published).toBe('2023-06-01T14:30:00+02:00');
    for (const item of json.items) expect(item.date_published).toMatch(ISO_8601);
  });

  test('each category has its three feeds, with only its posts', async ({ page }) => {
    const devops = [
      'kubernetes-rollouts',
      'markdown-tables',
      'pictures-in-posts',
      'written-on-windows',
    ].map((slug) => `${ORIGIN}/posts/${slug}/`);
    expect(
      (await xmlItems(page, '/blog/categories/devops/feed.xml')).items.map((i) => i.link),
    ).toEqual(devops);
    expect(
      (await xmlItems(page, '/blog/categories/devops/atom.xml')).items.map((i) => i.link),
    ).toEqual(devops);
    const json = JSON.parse((await fetchText(page, '/blog/categories/devops/feed.json')).text);
    expect(json.items.map((item: { url: string }) => item.url)).toEqual(devops);
    expect(json.title).toBe('Full Stack Master: DevOps');
    expect(
      (await xmlItems(page, '/blog/categories/cafe-ops/feed.xml')).items.map((i) => i.title),
    ).toEqual(['Escaping <b>tags</b> & ampersands in titles']);
  });

  test('every category, tag and author feed, in every format, lists exactly the posts of its pages', async ({
    page,
  }) => {
    // Every page of every category, tag and author, and three feeds each: more than the default 30 s allows
    // on a busy machine.
    test.setTimeout(120_000);
    const categoryPaths: string[] = [];
    for (const index of ['/blog/categories/', '/blog/tags/', '/blog/authors/']) {
      await page.goto(index);
      const paths = await page
        .locator('ul[data-term-list]')
        .getByRole('link')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
      expect(paths.length, index).toBeGreaterThan(1);
      categoryPaths.push(...paths);
    }
    expect(categoryPaths).toContain('/blog/tags/markdown/');
    expect(categoryPaths).toContain('/blog/authors/full-stack-master/');
    for (const categoryPath of categoryPaths) {
      // The category's posts as its pages list them, page after page.
      const listed: string[] = [];
      await page.goto(categoryPath);
      for (;;) {
        const links = page
          .getByRole('main')
          .getByRole('article')
          .getByRole('heading', { level: 2 })
          .getByRole('link');
        listed.push(...(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!))));
        const older = page.getByRole('link', { name: 'Older →' });
        if ((await older.count()) === 0) break;
        const next = (await older.getAttribute('href'))!;
        await older.click();
        await page.waitForURL(`**${next}`);
      }
      // Feeds hold encoded absolute URLs; the page's links may hold the raw characters.
      const expected = listed.map((href) =>
        encodeURI(`https://www.fullstackmaster.net${decodeURI(href)}`),
      );
      expect(
        (await xmlItems(page, `${categoryPath}feed.xml`)).items.map((i) => i.link),
        categoryPath,
      ).toEqual(expected);
      expect(
        (await xmlItems(page, `${categoryPath}atom.xml`)).items.map((i) => i.link),
        categoryPath,
      ).toEqual(expected);
      const json = JSON.parse((await fetchText(page, `${categoryPath}feed.json`)).text);
      expect(
        json.items.map((item: { url: string }) => item.url),
        categoryPath,
      ).toEqual(expected);
    }
  });

  test('pages link their feeds: the site everywhere, a category on its page, visibly too', async ({
    page,
  }) => {
    await page.goto('/blog/');
    const alternates = page.locator('link[rel="alternate"]');
    expect(
      await alternates.evaluateAll((links) =>
        links.map((l) => `${l.getAttribute('type')} ${l.getAttribute('href')}`),
      ),
    ).toEqual([
      `application/rss+xml ${ORIGIN}/feed.xml`,
      `application/atom+xml ${ORIGIN}/atom.xml`,
      `application/feed+json ${ORIGIN}/feed.json`,
    ]);
    await expect(
      page.getByRole('contentinfo').getByRole('link', { name: 'RSS feed' }),
    ).toHaveAttribute('href', '/blog/feed.xml');

    await page.goto('/blog/categories/devops/');
    expect(
      await alternates.evaluateAll((links) => links.map((l) => l.getAttribute('href'))),
    ).toEqual(
      expect.arrayContaining([
        `${ORIGIN}/categories/devops/feed.xml`,
        `${ORIGIN}/categories/devops/atom.xml`,
        `${ORIGIN}/categories/devops/feed.json`,
      ]),
    );
    await expect(page.getByRole('main').getByRole('link', { name: 'RSS feed' })).toHaveAttribute(
      'href',
      '/blog/categories/devops/feed.xml',
    );
  });
});

async function jsonLd(page: Page) {
  return page
    .locator('script[type="application/ld+json"]')
    .evaluateAll((scripts) => scripts.map((s) => JSON.parse(s.textContent ?? '{}')));
}

const meta = (page: Page, key: string) =>
  page.locator(`meta[property="${key}"], meta[name="${key}"]`).first().getAttribute('content');

test.describe('search engines and sharing', () => {
  test('a post has its description, canonical, Open Graph, Twitter and article tags', async ({
    page,
  }) => {
    await page.goto('/blog/posts/markdown-tables/');
    await expect(page).toHaveTitle('Markdown Features Tour · Full Stack Master');
    expect(await meta(page, 'description')).toBe(
      'This post has no excerpt in its front matter, so the first paragraph becomes the excerpt shown in listings.',
    );
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      'href',
      `${ORIGIN}/posts/markdown-tables/`,
    );
    expect(await meta(page, 'og:type')).toBe('article');
    expect(await meta(page, 'og:title')).toBe('Markdown Features Tour');
    expect(await meta(page, 'og:url')).toBe(`${ORIGIN}/posts/markdown-tables/`);
    expect(await meta(page, 'og:image')).toBe(`${ORIGIN}/posts/markdown-tables/share-image.png`);
    expect(await meta(page, 'og:image:width')).toBe('1200');
    expect(await meta(page, 'twitter:card')).toBe('summary_large_image');
    expect(await meta(page, 'twitter:image')).toBe(
      `${ORIGIN}/posts/markdown-tables/share-image.png`,
    );
    expect(await meta(page, 'article:published_time')).toBe('2023-06-01T14:30:00+02:00');
    expect(await meta(page, 'article:modified_time')).toBe('2023-06-01T14:30:00+02:00');
    const sections = await page
      .locator('meta[property="article:section"]')
      .evaluateAll((m) => m.map((e) => e.getAttribute('content')));
    expect(sections).toEqual(['DevOps']);
  });

  test('a post carries BlogPosting and BreadcrumbList JSON-LD with ISO dates', async ({ page }) => {
    await page.goto('/blog/posts/hello-custom/');
    const [posting, breadcrumbs] = await jsonLd(page);
    expect(posting['@type']).toBe('BlogPosting');
    for (const key of ['headline', 'datePublished', 'dateModified', 'author', 'url', 'image'])
      expect(posting, key).toHaveProperty(key);
    expect(posting.headline).toBe('Year-End Notes');
    expect(posting.datePublished).toMatch(ISO_8601);
    expect(posting.datePublished).toBe('2021-12-31T23:30:00Z');
    expect(posting.dateModified).toBe('2022-02-01T00:00:00Z');
    expect(posting.url).toBe(`${ORIGIN}/posts/hello-custom/`);
    expect(posting.image).toBe(`${ORIGIN}/posts/hello-custom/share-image.png`);
    // A blog of several authors names each post's as Persons with their pages; this post names none: the site's.
    expect(posting.author).toEqual([
      {
        '@type': 'Person',
        name: 'Full Stack Master',
        url: `${ORIGIN}/authors/full-stack-master/`,
        sameAs: ['https://www.fullstackmaster.net'],
      },
    ]);
    expect(breadcrumbs['@type']).toBe('BreadcrumbList');
    expect(
      breadcrumbs.itemListElement.map((item: { position: number; item: string }) => [
        item.position,
        item.item,
      ]),
    ).toEqual([
      [1, `${ORIGIN}/`],
      [2, `${ORIGIN}/posts/hello-custom/`],
    ]);
    await expect(page.locator('meta[property="article:modified_time"]')).toHaveAttribute(
      'content',
      '2022-02-01T00:00:00Z',
    );
  });

  test('the home page has WebSite and a category page BreadcrumbList JSON-LD', async ({ page }) => {
    await page.goto('/blog/');
    const [website] = await jsonLd(page);
    expect(website).toMatchObject({
      '@type': 'WebSite',
      name: 'Full Stack Master',
      url: `${ORIGIN}/`,
    });
    expect(await meta(page, 'og:image')).toBe(`${ORIGIN}/share-image.png`);
    await page.goto('/blog/categories/cafe-ops/');
    const [breadcrumbs] = await jsonLd(page);
    expect(breadcrumbs.itemListElement.map((item: { name: string }) => item.name)).toEqual([
      'Home',
      'Categories',
      'Café Ops',
    ]);
  });

  test('share images are 1200×630 PNGs, one per post and one for the site', async ({ page }) => {
    for (const url of [
      '/blog/posts/kubernetes-rollouts/share-image.png',
      '/blog/posts/escaping-and-accents/share-image.png',
      '/blog/share-image.png',
    ]) {
      const response = await page.request.get(url);
      expect(response.status(), url).toBe(200);
      const png = await response.body();
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], url).toEqual([1200, 630]);
      expect(png.length, url).toBeGreaterThan(10_000);
    }
  });

  test('the sitemap dates each post by its update, and robots.txt points at it', async ({
    page,
  }) => {
    const { text } = await fetchText(page, '/blog/sitemap.xml');
    const entries = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      return Object.fromEntries(
        [...doc.getElementsByTagName('url')].map((url) => [
          url.getElementsByTagName('loc')[0]?.textContent,
          url.getElementsByTagName('lastmod')[0]?.textContent,
        ]),
      );
    }, text);
    expect(entries[`${ORIGIN}/posts/hello-custom/`]).toBe('2022-02-01T00:00:00.000Z');
    expect(entries[`${ORIGIN}/posts/markdown-tables/`]).toBe('2023-06-01T12:30:00.000Z');
    const robots = (await fetchText(page, '/blog/robots.txt')).text;
    expect(robots).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
  });
});
