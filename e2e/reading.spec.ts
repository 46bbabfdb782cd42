/**
 * Reading and browsing on the fixture export (under /blog, two posts a page):
 * table of contents, code blocks, post navigation, images, pagination, archive,
 * header, keyboard use and the theme.
 */
import { expect, test } from './fixtures';

test.describe('table of contents', () => {
  test('beside the text on wide screens: its links scroll to their heading and mark it', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1440, height: 800 });
    await page.goto('/blog/posts/kubernetes-rollouts/');
    const toc = page.getByRole('navigation', { name: 'Table of contents' });
    await expect(toc).toHaveCount(1); // the phone version is hidden
    await expect(toc.getByRole('link')).toHaveText([
      'Readiness before traffic',
      'Surge and unavailability',
      'Watching a rollout',
    ]);
    const tocBox = await toc.boundingBox();
    const textBox = await page.locator('.prose-blog').boundingBox();
    expect(tocBox!.x).toBeGreaterThanOrEqual(textBox!.x + textBox!.width);

    const target = page.getByRole('heading', { name: 'Watching a rollout' });
    await expect(target).not.toBeInViewport();
    await toc.getByRole('link', { name: 'Watching a rollout' }).click();
    await expect(page).toHaveURL(/#watching-a-rollout$/);
    await expect(target).toBeInViewport();
    // Sticky: still on screen after scrolling.
    await expect(toc).toBeInViewport();
    // The section in view is marked (CSS :target-current).
    await expect
      .poll(() =>
        toc
          .getByRole('link', { name: 'Watching a rollout' })
          .evaluate((a) => a.matches(':target-current')),
      )
      .toBe(true);
  });

  test('collapsible above the text on phones', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto('/blog/posts/kubernetes-rollouts/');
    const toc = page.getByRole('navigation', { name: 'Table of contents' });
    await expect(toc).toBeHidden();
    await page.getByText('Contents', { exact: true }).click();
    await expect(toc).toBeVisible();
    await toc.getByRole('link', { name: 'Surge and unavailability' }).click();
    await expect(page.getByRole('heading', { name: 'Surge and unavailability' })).toBeInViewport();
  });

  test('is left out of posts with fewer than two headings', async ({ page }) => {
    await page.goto('/blog/posts/escaping-and-accents/');
    await expect(page.getByRole('heading', { level: 2 })).toHaveCount(1);
    await expect(page.getByRole('navigation', { name: 'Table of contents' })).toHaveCount(0);
    await expect(page.getByText('Contents', { exact: true })).toHaveCount(0);
  });

  test('headings link to themselves', async ({ page }) => {
    await page.goto('/blog/posts/kubernetes-rollouts/');
    const heading = page.getByRole('heading', { level: 2, name: 'Readiness before traffic' });
    await expect(heading.getByRole('link')).toHaveAttribute('href', '#readiness-before-traffic');
    await expect(heading).toHaveText('Readiness before traffic');
  });
});

test.describe('code blocks', () => {
  test('show the language and copy the code to the clipboard', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/blog/posts/kubernetes-rollouts/');
    const block = page.locator('figure.code-block', {
      has: page.locator('pre[data-language="yaml"]'),
    });
    await expect(block.locator('.code-language')).toHaveText('yaml');
    const button = block.getByRole('button', { name: 'Copy yaml code' });
    await expect(button).toBeVisible();
    await button.click();
    await expect(button).toHaveText('Copied');
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    expect(clipboard).toBe(
      'readinessProbe:\n  httpGet:\n    path: /healthz\n    port: 8080\n  periodSeconds: 5',
    );
  });

  test('keep long lines on one line and scroll', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto('/blog/posts/kubernetes-rollouts/');
    const pre = page.locator('pre[data-language="bash"]');
    expect(await pre.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('pre');
    expect(await pre.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  });

  test('are themed for the dark scheme too', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/blog/posts/markdown-tables/');
    const keyword = page.locator('pre[data-language="ts"] span[style]', { hasText: /^export$/ });
    const { color, dark } = await keyword.evaluate((span) => ({
      color: getComputedStyle(span).color,
      dark: span.style.getPropertyValue('--shiki-dark'),
    }));
    const hex = (rgb: string) =>
      `#${(rgb.match(/\d+/g) ?? [])
        .slice(0, 3)
        .map((n) => Number(n).toString(16).padStart(2, '0'))
        .join('')}`;
    expect(hex(color)).toBe(dark.toLowerCase());
  });
});

test.describe('after the post', () => {
  test('previous and next posts by date, and related posts by shared categories', async ({
    page,
  }) => {
    await page.goto('/blog/posts/kubernetes-rollouts/');
    const more = page.getByRole('navigation', { name: 'More posts' });
    await expect(more.getByRole('link')).toHaveCount(1);
    await expect(more.getByRole('link', { name: /Previous post/ })).toHaveAttribute(
      'href',
      '/blog/posts/markdown-tables/',
    );
    const related = page.getByRole('region', { name: 'Related posts' });
    await expect(related.getByRole('link')).toHaveText([
      'Markdown Features Tour',
      'Pictures in Posts',
      'Written on Windows',
    ]);

    await page.goto('/blog/posts/liquid-in-posts/');
    await expect(more.getByRole('link')).toHaveCount(1);
    await expect(more.getByRole('link', { name: /Next post/ })).toHaveAttribute(
      'href',
      '/blog/posts/excerpt-separator/',
    );

    await page.goto('/blog/posts/hello-custom/');
    await expect(
      more.getByRole('link', { name: /Previous post.*Pictures in Posts/ }),
    ).toBeVisible();
    await expect(more.getByRole('link', { name: /Next post.*Escaping/ })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Related posts' })).toHaveCount(0);
  });
});

test('images load lazily under the base path, with alt text, inside the text column', async ({
  page,
}) => {
  await page.goto('/blog/posts/pictures-in-posts/');
  const beside = page.getByRole('img', { name: 'A CI pipeline from commit to deploy' });
  const underPublic = page.getByRole('img', { name: 'Browser to CloudFront to S3' });
  await expect(beside).toHaveAttribute('src', '/blog/content-assets/assets/pipeline.svg');
  await expect(underPublic).toHaveAttribute('src', '/blog/images/example-diagram.svg');
  const column = (await page.locator('.prose-blog').boundingBox())!;
  // Sizes from the files, so nothing shifts while they load.
  await expect(beside).toHaveAttribute('width', '1600');
  await expect(beside).toHaveAttribute('height', '400');
  await expect(underPublic).toHaveAttribute('width', '640');
  await expect(underPublic).toHaveAttribute('height', '200');
  for (const image of [beside, underPublic]) {
    await expect(image).toHaveAttribute('loading', 'lazy');
    await image.scrollIntoViewIfNeeded();
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    const box = (await image.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(column.width + 0.5);
    // Scaled to the column with its aspect ratio kept.
    const ratio =
      Number(await image.getAttribute('width')) / Number(await image.getAttribute('height'));
    expect(Math.abs(box.width / box.height - ratio)).toBeLessThan(0.05);
  }
  // Root-relative links in the post body carry the base path.
  await expect(page.getByRole('link', { name: 'Kubernetes rollouts post' })).toHaveAttribute(
    'href',
    '/blog/posts/kubernetes-rollouts/',
  );
});

test.describe('browsing', () => {
  test('page 2 links to its neighbours with rel prev/next and marks itself', async ({ page }) => {
    await page.goto('/blog/page/2/');
    const pager = page.getByRole('navigation', { name: 'Pagination' });
    await expect(pager.locator('a[rel="prev"]')).toHaveAttribute('href', '/blog/');
    await expect(pager.locator('a[rel="next"]')).toHaveAttribute('href', '/blog/page/3/');
    await expect(pager.locator('[aria-current="page"]')).toHaveText('Page 2');
    await expect(page).toHaveTitle('Latest posts (page 2) · Full Stack Master');
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      'href',
      'https://www.fullstackmaster.net/blog/page/2/',
    );
  });

  test('/page/1/ sends the reader to the plain URL', async ({ page }) => {
    await page.goto('/blog/page/1/');
    await expect(page).toHaveURL('/blog/');
    await page.goto('/blog/categories/devops/page/1/');
    await expect(page).toHaveURL('/blog/categories/devops/');
  });

  test('the archive groups every post by year, newest first, with counts', async ({ page }) => {
    await page.goto('/blog/');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Archive' })
      .click();
    await expect(page).toHaveURL('/blog/archive/');
    const years = page.getByRole('main').getByRole('heading', { level: 2 });
    await expect(years).toHaveText([
      '2024 1 post',
      '2023 1 post',
      '2022 1 post',
      '2021 1 post',
      '2020 1 post',
      '2019 2 posts',
      '2018 1 post',
      '2017 1 post',
    ]);
    const section2023 = page.getByRole('region', { name: /2023/ });
    await expect(section2023.getByRole('link')).toHaveText(['Markdown Features Tour']);
    await expect(section2023.locator('time')).toHaveAttribute('datetime', '2023-06-01');
  });

  test('on a phone the header menu opens and navigates', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto('/blog/');
    await expect(page.getByRole('navigation', { name: 'Main', exact: true })).toBeHidden();
    const menu = page.getByRole('navigation', { name: 'Main menu' });
    await expect(menu).toBeHidden();
    await page.getByText('Menu', { exact: true }).click();
    await menu.getByRole('link', { name: 'Categories' }).click();
    await expect(page).toHaveURL('/blog/categories/');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
  });
});

test.describe('keyboard', () => {
  async function tabStops(page: import('@playwright/test').Page, count: number) {
    const stops: string[] = [];
    for (let i = 0; i < count; i += 1) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const outline = el ? getComputedStyle(el).outlineStyle : 'none';
        const name = el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '';
        return `${el?.closest('nav')?.getAttribute('aria-label') ?? '-'} | ${name} | ${outline}`;
      });
      // Past the last element, focus leaves the page.
      if (stop === null) break;
      stops.push(stop);
    }
    return stops;
  }

  test('a skip link comes first and moves focus to the content', async ({ page }) => {
    await page.goto('/blog/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
    await expect(page.locator('main')).toBeFocused();
  });

  test('reaches the theme toggle, the pager and the table of contents, with a visible focus ring', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/blog/page/2/');
    const listingStops = await tabStops(page, 30);
    expect(listingStops.some((stop) => stop.includes('Theme:'))).toBe(true);
    expect(listingStops).toContain('Pagination | ← Newer | solid');
    expect(listingStops).toContain('Pagination | Older → | solid');
    for (const stop of listingStops) expect(stop.endsWith('| solid'), stop).toBe(true);

    await page.goto('/blog/posts/kubernetes-rollouts/');
    const postStops = await tabStops(page, 20);
    expect(postStops).toContain('Table of contents | Watching a rollout | solid');
  });
});

test.describe('theme', () => {
  test('the toggle cycles system, light and dark, and the choice survives a reload', async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/blog/');
    const html = page.locator('html');
    const toggle = page.getByRole('button', { name: /^Theme:/ });
    await expect(toggle).toHaveAccessibleName('Theme: System. Switch to Light');
    // The toggle works once site.js has run (deferred); a click before that is simply repeated.
    await expect(async () => {
      await toggle.click();
      await expect(html).toHaveClass(/\blight\b/, { timeout: 500 });
    }).toPass();
    await toggle.click();
    await expect(html).toHaveClass(/\bdark\b/);
    await expect(toggle).toHaveAccessibleName('Theme: Dark. Switch to System');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(15, 20, 25)',
    );

    await page.reload();
    await expect(html).toHaveClass(/\bdark\b/);
    await expect(page.getByRole('button', { name: /^Theme:/ })).toHaveAccessibleName(
      'Theme: Dark. Switch to System',
    );
    await page.goto('/blog/archive/');
    await expect(html).toHaveClass(/\bdark\b/);

    await page.getByRole('button', { name: /^Theme:/ }).click();
    await expect(html).not.toHaveClass(/\b(light|dark)\b/);
    expect(await page.evaluate(() => localStorage.getItem('theme'))).toBe('system');
  });

  test('the chosen theme is on <html> before any framework script runs (no flash)', async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/blog/');
    await page.evaluate(() => localStorage.setItem('theme', 'dark'));
    // Block every script file: only the inline script in <head> can set the theme.
    for (const pattern of ['**/_next/static/**/*.js', '**/site.js']) {
      await page.route(pattern, (route) =>
        route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }),
      );
    }
    await page.goto('/blog/posts/markdown-tables/', { waitUntil: 'commit' });
    await page.waitForSelector('body');
    await expect(page.locator('html')).toHaveClass(/\bdark\b/);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(15, 20, 25)',
    );

    await page.evaluate(() => localStorage.setItem('theme', 'light'));
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload({ waitUntil: 'commit' });
    await page.waitForSelector('body');
    await expect(page.locator('html')).toHaveClass(/\blight\b/);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(255, 255, 255)',
    );
  });
});
