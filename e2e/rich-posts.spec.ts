/**
 * What a post body may hold beyond plain markdown, on the fixture's "Markdown Features Tour": GitHub's callouts,
 * footnotes that link both ways, Mermaid diagrams drawn at build time to SVG, and math rendered at build time to MathML, with its stylesheet loaded only
 * where there is math and no script for any of it. axe runs on this post in a11y.spec.ts.
 */
import { expect, test } from './fixtures';

const POST = '/blog/posts/markdown-tables/';

test('callouts of each kind are notes with their kind as title', async ({ page }) => {
  await page.goto(POST);
  const callouts = page.getByRole('note');
  await expect(callouts).toHaveCount(5);
  await expect(callouts.locator('.callout-title')).toHaveText([
    'Note',
    'Tip',
    'Important',
    'Warning',
    'Caution',
  ]);
  await expect(callouts.nth(3)).toContainText('Mind the edges.');
  // Each kind has its own colour, from the site's tokens.
  const colours = await callouts.evaluateAll((notes) =>
    notes.map((note) => getComputedStyle(note).borderLeftColor),
  );
  expect(new Set(colours).size).toBe(5);
});

test('footnotes link down to their note and back up to where they were read', async ({ page }) => {
  await page.goto(POST);
  const references = page.locator('[data-footnote-ref]');
  await expect(references).toHaveText(['1', '2']);
  await references.first().click();
  await expect(page).toHaveURL(/#user-content-fn-why$/);
  const note = page.locator('#user-content-fn-why');
  await expect(note).toContainText('Because readers jump down');
  await expect(note).toBeInViewport();
  await note.getByRole('link', { name: 'Back to reference 1' }).click();
  await expect(page).toHaveURL(/#user-content-fnref-why$/);
  await expect(references.first()).toBeInViewport();
  // The list has a heading for screen readers only.
  await expect(page.getByRole('heading', { name: 'Footnotes' })).toHaveCount(1);
});

test('math is MathML made at build time, with its stylesheet only where there is math', async ({
  page,
}) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto(POST);
  const inline = page.locator('p math').first();
  await expect(inline.locator('annotation')).toHaveText('e^{i\\pi} + 1 = 0');
  const display = page.locator('math[display="block"]');
  await expect(display).toHaveCount(1);
  await expect(display.locator('mfrac')).toHaveCount(1);
  // Prices are text, not math.
  await expect(page.getByText('while prices like $5 and $10 stay text')).toBeVisible();
  // Rendered by the browser as math: the fraction is taller than a line of text.
  expect((await display.boundingBox())!.height).toBeGreaterThan(30);
  expect(requests).toContain('/blog/math/temml.css');
  // No math script of any kind, and no framework runtime.
  expect(requests.filter((path) => path.endsWith('.js'))).toEqual(['/blog/site.js']);

  requests.length = 0;
  await page.goto('/blog/posts/excerpt-separator/');
  expect(requests.filter((path) => path.includes('/math/'))).toEqual([]);
  await expect(page.locator('link[href$="/math/temml.css"]')).toHaveCount(0);
});

test("a post's photograph comes in widths and formats the browser picks, first and without layout shift", async ({
  page,
}) => {
  const responses: { url: string; type: string; bytes: number }[] = [];
  page.on('response', async (response) => {
    if (new URL(response.url()).pathname.includes('/_img/'))
      responses.push({
        url: new URL(response.url()).pathname,
        type: response.headers()['content-type'] ?? '',
        bytes: (await response.body()).length,
      });
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/blog/posts/pictures-in-posts/');
  const photo = page.getByRole('img', { name: 'Green hills under a pale sky' });
  const picture = page.locator('picture', { has: photo });
  await expect(picture.locator('source')).toHaveCount(2);
  await expect(picture.locator('source').first()).toHaveAttribute('type', 'image/avif');
  await expect(picture.locator('source').last()).toHaveAttribute('type', 'image/webp');
  // The original stays the fallback, with its size and the first image's priority.
  await expect(photo).toHaveAttribute('src', '/blog/content-assets/assets/hills.jpg');
  await expect(photo).toHaveAttribute('width', '1600');
  await expect(photo).toHaveAttribute('height', '900');
  await expect(photo).toHaveAttribute('loading', 'eager');
  await expect(photo).toHaveAttribute('fetchpriority', 'high');
  await expect
    .poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
  // Chromium takes AVIF, in the width the 45rem column asks for at this screen's density.
  const chosen = await photo.evaluate((img: HTMLImageElement) => new URL(img.currentSrc).pathname);
  expect(chosen).toMatch(/^\/blog\/_img\/[0-9a-f]{16}-(1280|1600)\.avif$/);
  expect(responses.map((response) => response.type)).toEqual(['image/avif']);
  // Smaller than the original JPEG.
  const original = (await (await page.request.get('/blog/content-assets/assets/hills.jpg')).body())
    .length;
  expect(responses[0]!.bytes).toBeLessThan(original / 2);
  // Every width and format listed is there.
  const listed = await picture.locator('source').evaluateAll((sources) =>
    sources.flatMap((source) =>
      source
        .getAttribute('srcset')!
        .split(', ')
        .map((entry) => entry.split(' ')[0]!),
    ),
  );
  expect(listed).toHaveLength(6);
  for (const url of listed) expect((await page.request.get(url)).status(), url).toBe(200);
  // An SVG passes through as it is, lazily.
  const diagram = page.getByRole('img', { name: 'A CI pipeline from commit to deploy' });
  await expect(page.locator('picture', { has: diagram })).toHaveCount(0);
  await expect(diagram).toHaveAttribute('loading', 'lazy');
});

test("a Mermaid diagram is an SVG drawn at build time, in the reader's scheme, its source kept as its text", async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(POST);
    const figure = page.locator('figure.diagram');
    await expect(figure).toHaveCount(1);
    const shown = figure.locator(`.diagram-${scheme} svg`);
    const hidden = figure.locator(`.diagram-${scheme === 'light' ? 'dark' : 'light'} svg`);
    await expect(shown).toBeVisible();
    await expect(hidden).toBeHidden();
    // The labels are text of the drawing, laid out inside the column.
    await expect(shown.locator('text', { hasText: 'Write a post' }).first()).toBeVisible();
    const box = (await shown.boundingBox())!;
    expect(box.width).toBeGreaterThan(200);
    expect(box.x + box.width).toBeLessThanOrEqual(
      (await page.locator('article').boundingBox())!.x + 800,
    );
  }
  // The reader's own choice wins over the system's.
  await page.getByRole('button', { name: /theme/i }).first().click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(page.locator('figure.diagram .diagram-light svg')).toBeVisible();
  await expect(page.locator('figure.diagram .diagram-dark svg')).toBeHidden();
  // The source, folded, is the diagram's text alternative.
  const source = page.locator('figure.diagram details');
  await source.getByText('Diagram source').click();
  await expect(source.locator('pre')).toContainText('Write[Write a post] --> Build{npm run build}');
  // No Mermaid in the browser: the page's one script is the site's.
  expect([...new Set(scripts)]).toEqual(['/blog/site.js']);
  // Feeds carry the source, not the drawings (readers drop inline SVG).
  const feed = await (await page.request.get('/blog/feed.xml')).text();
  expect(feed).toContain('Write[Write a post] --> Build{npm run build}');
  expect(feed).not.toContain('diagram-light');
  expect(feed).not.toContain('<svg');
});

test('"Edit this post" leads to the post\'s file in the repository (EDIT_URL), its path encoded', async ({
  page,
}) => {
  await page.goto('/blog/posts/%C3%A7a-marche/');
  const edit = page.getByRole('link', { name: 'Edit this post' });
  await expect(edit).toHaveAttribute(
    'href',
    'https://github.com/fullstackmaster/blog/edit/main/e2e/fixtures/jekyll/_posts/2019-07-14-%C3%A7a-marche.markdown',
  );
  await expect(edit).toHaveAttribute('rel', 'noopener');
});
