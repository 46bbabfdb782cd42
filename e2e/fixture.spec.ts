/**
 * The fixture corpus (e2e/fixtures/jekyll/_posts), exported under the base path /blog:
 * several posts and categories, a draft and an unpublished post, a post without
 * excerpt, GFM tables, code blocks, raw HTML and titles that need escaping.
 */
import { expect, fetchXml, test } from './fixtures';

const ORIGIN = 'https://www.fullstackmaster.net/blog';
// Newest first. The fixture export shows two posts a page.
const PUBLISHED = [
  { slug: 'kubernetes-rollouts', title: 'Zero-Downtime Kubernetes Rollouts', day: '2024-03-10' },
  { slug: 'markdown-tables', title: 'Markdown Features Tour', day: '2023-06-01' },
  {
    slug: 'escaping-and-accents',
    title: 'Escaping <b>tags</b> & ampersands in titles',
    day: '2022-01-20',
  },
  { slug: 'hello-custom', title: 'Year-End Notes', day: '2021-12-31' },
  { slug: 'pictures-in-posts', title: 'Pictures in Posts', day: '2020-05-05' },
  {
    slug: 'ça-marche',
    title: 'Ça marche: a .markdown file with an accented name',
    day: '2019-07-14',
  },
  { slug: 'written-on-windows', title: 'Written on Windows', day: '2019-03-01' },
  { slug: 'excerpt-separator', title: 'An Excerpt Separator', day: '2018-11-02' },
  {
    slug: 'liquid-in-posts',
    title:
      'Liquid in Posts, as Jekyll Renders It: Jekyll::Filters::URLFilters.relative_url_and_absolute_url_with_site_baseurl_and_site_url_prefixed_in_that_order',
    day: '2017-08-15',
  },
];
const HIDDEN = [
  { slug: 'draft-post', title: 'Secret Draft About Serverless' },
  { slug: 'unpublished-post', title: 'Unpublished Thoughts On Lambda' },
  { slug: 'from-the-future', title: 'A Post From The Future' },
];

test('the home pages list the published posts newest first, with links under /blog', async ({
  page,
}) => {
  await page.goto('/blog/');
  const seen: { title: string; href: string | null; day: string | null }[] = [];
  for (let pageNumber = 1; ; pageNumber += 1) {
    const articles = page.getByRole('main').getByRole('article');
    await expect(articles.first()).toBeVisible();
    for (const article of await articles.all()) {
      const link = article.getByRole('heading', { level: 2 }).getByRole('link');
      seen.push({
        title: await link.innerText(),
        href: await link.getAttribute('href'),
        day: await article.locator('time').getAttribute('datetime'),
      });
    }
    const older = page.getByRole('link', { name: 'Older →' });
    if ((await older.count()) === 0) break;
    await older.click();
    await expect(page).toHaveURL(`/blog/page/${pageNumber + 1}/`);
  }
  expect(seen).toEqual(
    PUBLISHED.map((post) => ({
      title: post.title,
      href: `/blog/posts/${post.slug}/`,
      day: post.day,
    })),
  );
  // The stylesheet under /blog/_next/ is applied.
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(255, 255, 255)');
});

test('no listing shows a draft or an unpublished post', async ({ page }) => {
  for (const url of [
    '/blog/',
    '/blog/page/2/',
    '/blog/page/3/',
    '/blog/archive/',
    '/blog/categories/devops/',
    '/blog/categories/devops/page/2/',
  ]) {
    await page.goto(url);
    for (const hidden of HIDDEN)
      await expect(page.getByRole('main')).not.toContainText(hidden.title);
  }
});

test('drafts, unpublished and future posts have no page and no category of their own', async ({
  page,
  pageProblems,
}) => {
  pageProblems.allowNotFound();
  for (const hidden of HIDDEN) {
    const response = await page.goto(`/blog/posts/${hidden.slug}/`);
    expect(response?.status(), hidden.slug).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  }
  expect((await page.goto('/blog/categories/serverless/'))?.status()).toBe(404);
  expect((await page.goto('/blog/categories/futures/'))?.status()).toBe(404);
});

test('a post without an excerpt is listed with its first paragraph as plain text', async ({
  page,
}) => {
  await page.goto('/blog/');
  const item = page.getByRole('article').filter({ hasText: 'Markdown Features Tour' });
  await expect(item.locator('p')).toHaveText(
    'This post has no excerpt in its front matter, so the first paragraph becomes the excerpt shown in listings.',
  );
});

test("Jekyll's excerpt_separator makes the excerpt of the text before it", async ({ page }) => {
  await page.goto('/blog/page/4/');
  const item = page.getByRole('article').filter({ hasText: 'An Excerpt Separator' });
  await expect(item.locator('p')).toHaveText(
    'This opening spans two paragraphs, and both belong to the excerpt.',
  );
  await page.goto('/blog/posts/excerpt-separator/');
  await expect(page.getByRole('article')).toContainText(
    'Everything after the separator is only on the post page.',
  );
});

test('titles, excerpts and category names are escaped text', async ({ page }) => {
  await page.goto('/blog/posts/escaping-and-accents/');
  const h1 = page.getByRole('heading', { level: 1 });
  await expect(h1).toHaveText('Escaping <b>tags</b> & ampersands in titles');
  await expect(h1.locator('b')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Café Ops' })).toHaveAttribute(
    'href',
    '/blog/categories/cafe-ops/',
  );
  await page.goto('/blog/page/2/');
  const item = page.getByRole('article').filter({ hasText: 'ampersands' });
  await expect(item.locator('p')).toHaveText(
    'An excerpt with <i>angle brackets</i> & an ampersand stays text.',
  );
  await expect(item.locator('i')).toHaveCount(0);
});

test('GitHub-flavoured markdown, raw HTML and highlighted code render', async ({ page }) => {
  await page.goto('/blog/posts/markdown-tables/');
  await expect(page.locator('article header time')).toHaveAttribute('datetime', '2023-06-01');
  const table = page.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText(['Tool', 'Kind', 'Stars']);
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(page.getByRole('checkbox')).toHaveCount(2);
  await expect(page.getByRole('checkbox').first()).toBeChecked();
  await expect(page.locator('del')).toHaveText('Strikethrough');
  await expect(page.getByRole('link', { name: 'https://www.fullstackmaster.net' })).toHaveAttribute(
    'href',
    'https://www.fullstackmaster.net',
  );
  await expect(page.locator('div.author-note em')).toHaveText('HTML');

  const code = page.locator('pre[data-language="ts"]');
  await expect(code).toContainText('export function add(a: number, b: number): number {');
  // Highlighted at build time: coloured spans in the HTML, with a light and a dark colour each.
  const keyword = code.locator('span', { hasText: /^export$/ });
  await expect(keyword).toHaveAttribute(
    'style',
    /--shiki-light:#[0-9A-Fa-f]{6};--shiki-dark:#[0-9A-Fa-f]{6}/,
  );
  const colour = await keyword.evaluate((span) => getComputedStyle(span).color);
  expect(colour).not.toBe(
    await page
      .locator('article p')
      .first()
      .evaluate((p) => getComputedStyle(p).color),
  );
});

test('headings get stable ids; an unknown code language is shown plain', async ({ page }) => {
  await page.goto('/blog/posts/kubernetes-rollouts/');
  await expect(
    page.getByRole('heading', { level: 2, name: 'Readiness before traffic' }),
  ).toHaveAttribute('id', 'readiness-before-traffic');
  await expect(page.getByRole('heading', { level: 3, name: 'Watching a rollout' })).toHaveAttribute(
    'id',
    'watching-a-rollout',
  );
  await expect(page.locator('pre[data-language="cobol"]')).toHaveText('IDENTIFICATION DIVISION.');
  await expect(page.locator('pre[data-language="yaml"] span[style]').first()).toHaveAttribute(
    'style',
    /--shiki-light/,
  );
});

test('on a phone, long code lines scroll inside the block and the page does not widen', async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/blog/posts/kubernetes-rollouts/');
  const pre = page.locator('pre[data-language="bash"]');
  const { scrollWidth, clientWidth, overflowX } = await pre.evaluate((el) => ({
    scrollWidth: el.scrollWidth,
    clientWidth: el.clientWidth,
    overflowX: getComputedStyle(el).overflowX,
  }));
  expect(scrollWidth).toBeGreaterThan(clientWidth);
  expect(overflowX).toBe('auto');
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(pageWidth).toBeLessThanOrEqual(375);
});

test('categories merge by slug and list their posts newest first, page by page', async ({
  page,
}) => {
  await page.goto('/blog/categories/');
  const main = page.getByRole('main');
  await expect(main.getByRole('listitem')).toHaveCount(5);
  await expect(main.getByRole('link', { name: /DevOps/ })).toContainText('4 posts');
  await expect(main.getByRole('link', { name: /Café Ops/ })).toHaveAttribute(
    'href',
    '/blog/categories/cafe-ops/',
  );
  await expect(main).not.toContainText('Serverless');

  await main.getByRole('link', { name: /DevOps/ }).click();
  await expect(page).toHaveURL('/blog/categories/devops/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('DevOps');
  const titles = page.getByRole('main').getByRole('article').getByRole('heading', { level: 2 });
  await expect(titles).toHaveText(['Zero-Downtime Kubernetes Rollouts', 'Markdown Features Tour']);
  await expect(page.getByRole('main')).toContainText('Readiness probes, surge settings');
  await page.getByRole('link', { name: 'Older →' }).click();
  await expect(page).toHaveURL('/blog/categories/devops/page/2/');
  await expect(titles).toHaveText(['Pictures in Posts', 'Written on Windows']);
});

test('a custom slug gives the URL; the updated date is shown', async ({ page }) => {
  await page.goto('/blog/posts/hello-custom/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Year-End Notes');
  const updated = page.locator('article header').getByText(/^Updated/);
  await expect(updated).toHaveText('Updated February 1, 2022');
  await expect(updated.locator('time')).toHaveAttribute('datetime', '2022-02-01');
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    'href',
    `${ORIGIN}/posts/hello-custom/`,
  );
});

test('the feed lists every published post and no draft, with absolute URLs under /blog', async ({
  page,
}) => {
  const feed = await fetchXml(page, '/blog/feed.xml');
  expect(feed.items.map((item) => item.link)).toEqual(
    PUBLISHED.map((post) => encodeURI(`${ORIGIN}/posts/${post.slug}/`)),
  );
  expect(feed.items.map((item) => item.title)).toEqual(PUBLISHED.map((post) => post.title));
  expect(feed.items[0]?.categories).toEqual(['DevOps', 'Kubernetes', 'zero downtime']);
  expect(feed.items).toHaveLength(PUBLISHED.length);
  // 2023-06-01 14:30 +0200 is 12:30 UTC.
  expect(feed.items[1]?.pubDate).toBe('Thu, 01 Jun 2023 12:30:00 GMT');
});

test('the sitemap lists every page under /blog and no draft', async ({ page }) => {
  const sitemap = await fetchXml(page, '/blog/sitemap.xml');
  expect(sitemap.locs.sort()).toEqual(
    [
      '/',
      '/page/2/',
      '/page/3/',
      '/page/4/',
      '/page/5/',
      '/categories/',
      '/tags/',
      '/archive/',
      // Own pages (e2e/fixtures/pages); the colophon says sitemap: false.
      '/about/',
      '/talks/',
      ...['cafe-ops', 'cloud-computing', 'devops', 'kubernetes', 'testing'].map(
        (slug) => `/categories/${slug}/`,
      ),
      '/categories/devops/page/2/',
      '/categories/testing/page/2/',
      ...['cafe', 'gfm', 'images', 'jekyll', 'liquid', 'markdown', 'zero-downtime'].map(
        (slug) => `/tags/${slug}/`,
      ),
      '/tags/markdown/page/2/',
      // Three authors (e2e/fixtures/jekyll/_data/authors.yml and the posts' author fields).
      '/authors/',
      '/authors/ada/',
      '/authors/ada/page/2/',
      '/authors/full-stack-master/',
      '/authors/full-stack-master/page/2/',
      '/authors/full-stack-master/page/3/',
      '/authors/sam-lee/',
      ...PUBLISHED.map((post) => encodeURI(`/posts/${post.slug}/`)),
    ]
      .map((path) => `${ORIGIN}${path}`)
      .sort(),
  );
});

test('the 404 page works under the base path', async ({ page, pageProblems }) => {
  pageProblems.allowNotFound();
  const response = await page.goto('/blog/missing/');
  expect(response?.status()).toBe(404);
  await page.getByRole('link', { name: 'Browse categories' }).click();
  await expect(page).toHaveURL('/blog/categories/');
});

test.describe('old URLs', () => {
  const cases = [
    [
      'a front-matter permalink ending in .html',
      '/blog/notes/2021/year-end.html',
      '/blog/posts/hello-custom/',
    ],
    [
      'a front-matter permalink ending in /',
      '/blog/devops/2024/03/10/k8s-rollouts/',
      '/blog/posts/kubernetes-rollouts/',
    ],
    [
      "Jekyll's default permalink",
      '/blog/devops/kubernetes/2024/03/10/kubernetes-rollouts.html',
      '/blog/posts/kubernetes-rollouts/',
    ],
    [
      "Jekyll's default permalink without categories",
      '/blog/2021/12/31/hello-custom.html',
      '/blog/posts/hello-custom/',
    ],
    [
      "Jekyll's default permalink with an accented, spaced category",
      '/blog/caf%C3%A9%20ops/2022/01/20/escaping-and-accents.html',
      '/blog/posts/escaping-and-accents/',
    ],
    [
      "Jekyll's default permalink of a .markdown post with an accented name",
      '/blog/cloud%20computing/2019/07/14/%C3%A7a-marche.html',
      '/blog/posts/%C3%A7a-marche/',
    ],
  ] as const;
  for (const [kind, from, to] of cases) {
    test(`${kind} sends the reader to the post`, async ({ page }) => {
      const response = await page.request.get(from);
      expect(response.status()).toBe(200);
      const html = await response.text();
      expect(html).toContain('<meta name="robots" content="noindex, follow">');
      expect(html).toContain(`<link rel="canonical" href="https://www.fullstackmaster.net${to}">`);
      expect(html).toContain(`<a href="${decodeURI(to)}">`);
      await page.goto(from);
      await expect(page).toHaveURL(to);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    });
  }

  test("a draft's permalink gets no redirect", async ({ page }) => {
    expect((await page.request.get('/blog/secret/draft.html')).status()).toBe(404);
  });
});

test('a .markdown post with an accented file name, and a post saved with a BOM and CRLF, are published', async ({
  page,
}) => {
  await page.goto('/blog/posts/%C3%A7a-marche/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Ça marche: a .markdown file with an accented name',
  );
  await expect(page.getByRole('link', { name: 'Cloud Computing' })).toHaveAttribute(
    'href',
    '/blog/categories/cloud-computing/',
  );
  await page.goto('/blog/posts/written-on-windows/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Written on Windows');
  await expect(page.locator('article header time')).toHaveAttribute('datetime', '2019-03-01');
  await page.goto('/blog/archive/');
  await expect(page.getByRole('region', { name: /2019/ }).getByRole('link')).toHaveText([
    'Ça marche: a .markdown file with an accented name',
    'Written on Windows',
  ]);
});

test.describe('Liquid in posts, rendered as Jekyll renders it', () => {
  const POST = '/blog/posts/liquid-in-posts/';

  test('site and page variables, assign, for, if and filters render; undefined variables render empty', async ({
    page,
  }) => {
    await page.goto(POST);
    const body = page.locator('.prose');
    await expect(body).toContainText(
      'This post was written for Full Stack Master before it moved off Jekyll. It mentions 3 tools.',
    );
    await expect(body.getByRole('list').last().getByRole('listitem')).toHaveText([
      'NGINX',
      'CLOUDFRONT',
      'S3',
    ]);
    await expect(body).toContainText('This line is shown because the title mentions Liquid.');
    await expect(body).toContainText('An unset variable renders empty: "".');
    await expect(body).not.toContainText('{{ tools');
    await expect(body).not.toContainText('{% assign');
    // The excerpt in listings is the rendered first paragraph too.
    await page.goto('/blog/categories/testing/page/2/');
    await expect(page.getByRole('main')).toContainText('It mentions 3 tools.');
  });

  test("post_url, link, relative_url and absolute_url give this site's URLs under the base path", async ({
    page,
  }) => {
    await page.goto(POST);
    const body = page.locator('.prose');
    await expect(body.getByRole('link', { name: 'the Kubernetes post' })).toHaveAttribute(
      'href',
      '/blog/posts/kubernetes-rollouts/',
    );
    await expect(body.getByRole('link', { name: 'the tables post' })).toHaveAttribute(
      'href',
      '/blog/posts/markdown-tables/',
    );
    await expect(body.getByRole('link', { name: 'the accented one' })).toHaveAttribute(
      'href',
      '/blog/posts/%C3%A7a-marche/',
    );
    await expect(body.getByRole('link', { name: 'the diagram' })).toHaveAttribute(
      'href',
      '/blog/images/example-diagram.svg',
    );
    await expect(body.getByRole('link', { name: `${ORIGIN}/feed.xml` })).toHaveAttribute(
      'href',
      `${ORIGIN}/feed.xml`,
    );
    await body.getByRole('link', { name: 'the tables post' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Markdown Features Tour');
  });

  test('highlight becomes a highlighted code block; raw and code blocks are shown as written', async ({
    page,
  }) => {
    await page.goto(POST);
    const ruby = page.locator('figure.code-block[data-language="ruby"] pre');
    await expect(ruby).toHaveText('def greet(name)\n  "Hello, #{name}"\nend');
    await expect(ruby.locator('span[style*="--shiki-light"]').first()).toBeVisible();
    const body = page.locator('.prose');
    await expect(body).toContainText('Templates write {{ page.title }} and {% if %} tags.');
    await expect(page.locator('figure.code-block[data-language="liquid"] pre')).toHaveText(
      '{% for post in site.posts %}{{ post.title }}{% endfor %}',
    );
    await expect(body.locator('p code')).toHaveText('{{ site.title }}');
    await expect(body).not.toContainText('{% raw %}');
    await expect(body).not.toContainText('endhighlight');
  });

  test('an include from _includes renders with its parameters', async ({ page }) => {
    await page.goto(POST);
    await expect(page.locator('.prose aside.note')).toHaveText(
      'Includes take parameters. From the Full Stack Master includes.',
    );
  });
});

test.describe('pages are plain documents', () => {
  test('a post page loads one small script and no framework; the search page alone hydrates', async ({
    page,
    pageProblems,
  }) => {
    pageProblems.allowNotFound();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    for (const url of [
      '/blog/',
      '/blog/posts/markdown-tables/',
      '/blog/categories/',
      '/blog/archive/',
      '/blog/no-such-page/',
    ]) {
      scripts.length = 0;
      await page.goto(url);
      await page.waitForLoadState('load');
      expect(scripts, url).toEqual(['/blog/site.js']);
      expect(await page.content(), url).not.toContain('__next_f');
    }
    scripts.length = 0;
    await page.goto('/blog/search/?q=rollout');
    await expect(
      page.getByRole('main').getByRole('link', { name: 'Zero-Downtime Kubernetes Rollouts' }),
    ).toBeVisible();
    expect(scripts.some((script) => script.startsWith('/blog/_next/static/'))).toBe(true);
  });

  test('links load the next page as a document, and the export has no RSC payload files', async ({
    page,
  }) => {
    await page.goto('/blog/posts/markdown-tables/');
    const documentRequest = page.waitForRequest(
      (request) =>
        request.resourceType() === 'document' && request.url().endsWith('/blog/categories/'),
    );
    await page.getByRole('banner').getByRole('link', { name: 'Categories' }).click();
    await documentRequest;
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Categories');
    for (const payload of [
      '/blog/index.txt',
      '/blog/posts/markdown-tables/index.txt',
      '/blog/__next._full.txt',
    ]) {
      expect((await page.request.get(payload)).status(), payload).toBe(404);
    }
  });
});
