import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  emojiDataUrl,
  emojiKey,
  renderShareImage,
  SHARE_IMAGE_COLOURS,
  SHARE_IMAGE_SIZE,
  shareImageSvg,
  titleFontSize,
  type ShareImageInput,
} from '../../lib/export/share-image-drawing';
import { imageBatches } from '../../lib/export/share-image-cache';

describe('share image batches', () => {
  const jobs = Array.from({ length: 1001 }, (_, index) => index);

  it('keeps every image once, in order, in one even batch per drawer', () => {
    for (const drawers of [1, 2, 3, 8]) {
      const batches = imageBatches(jobs, drawers);
      assert.deepEqual(batches.flat(), jobs, `${drawers} drawers`);
      assert.equal(batches.length, drawers, `${drawers} drawers`);
      const sizes = batches.map((batch) => batch.length);
      assert.ok(
        Math.max(...sizes) - Math.min(...sizes) <= drawers,
        `${drawers}: ${sizes.join(',')}`,
      );
    }
    assert.deepEqual(imageBatches([1, 2], 8), [[1], [2]]);
    assert.deepEqual(imageBatches([], 2), []);
  });
});

describe('share image layout', () => {
  const { width, height } = SHARE_IMAGE_SIZE;
  const longTitle =
    'Building a resilient multi-region event pipeline on AWS with Kinesis, Lambda and DynamoDB global tables: what we learned after eighteen months of running it in production at scale for payment and more';
  const urlTitle = `https://example.com/${'a'.repeat(140)}/${'b'.repeat(139)}`;

  /** The box around the glyphs satori drew in `fill` (text is drawn as absolute-coordinate paths). */
  function drawnBox(svg: string, fill: string) {
    const box = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
    for (const [, data] of svg.matchAll(new RegExp(`<path fill="${fill}" d="([^"]*)"`, 'g'))) {
      assert.match(data!, /^[MLQCZ\d\s.,-]*$/, 'glyph paths use absolute M/L/Q/C/Z only');
      const numbers = data!.match(/-?\d+(?:\.\d+)?/g)!.map(Number);
      for (let index = 0; index + 1 < numbers.length; index += 2) {
        box.left = Math.min(box.left, numbers[index]!);
        box.right = Math.max(box.right, numbers[index]!);
        box.top = Math.min(box.top, numbers[index + 1]!);
        box.bottom = Math.max(box.bottom, numbers[index + 1]!);
      }
    }
    assert.ok(Number.isFinite(box.left), `something is drawn in ${fill}`);
    return box;
  }

  /** Emoji are images: their boxes. */
  function emojiBoxes(svg: string) {
    return [
      ...svg.matchAll(
        /<image href="data:image\/svg\+xml;base64,[^"]+" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g,
      ),
    ].map(([, x, y, w, h]) => ({
      left: Number(x),
      top: Number(y),
      right: Number(x) + Number(w),
      bottom: Number(y) + Number(h),
    }));
  }

  /** The title lies inside the image's padding and above the footer row (categories and site name). */
  async function assertTitleFits(input: ShareImageInput) {
    const svg = await shareImageSvg(input);
    const title = drawnBox(svg, SHARE_IMAGE_COLOURS.title);
    const site = drawnBox(svg, SHARE_IMAGE_COLOURS.site);
    const footerTop = input.categories?.length
      ? Math.min(site.top, drawnBox(svg, SHARE_IMAGE_COLOURS.category).top)
      : site.top;
    for (const box of [title, ...emojiBoxes(svg)]) {
      assert.ok(
        box.left >= 0 && box.right <= width && box.top >= 0 && box.bottom <= height,
        `${JSON.stringify(box)} inside ${width}×${height}`,
      );
      assert.ok(box.right <= width - 60, `right edge ${box.right} inside the padding`);
      assert.ok(box.bottom < footerTop, `bottom ${box.bottom} above the footer at ${footerTop}`);
    }
    return { svg, title };
  }

  it('fits a normal title, in large type', async () => {
    const { title } = await assertTitleFits({
      title: 'AWS Architecture Best Practices for 2024',
      kicker: '15 November 2024',
      categories: ['aws'],
    });
    assert.equal(titleFontSize('AWS Architecture Best Practices for 2024'), 72);
    assert.ok(title.bottom - title.top < 2 * 72 * 1.15 + 10, 'two lines at most');
  });

  it('fits a 200-character title in smaller type over several lines', async () => {
    assert.equal(longTitle.length, 200);
    const { title } = await assertTitleFits({
      title: longTitle,
      kicker: '15 November 2024',
      categories: ['aws', 'data'],
    });
    assert.ok(
      title.bottom - title.top > 3 * titleFontSize(longTitle),
      'drawn on more than three lines',
    );
  });

  it('breaks and clamps a 300-character title without spaces (a URL)', async () => {
    assert.equal(urlTitle.length, 300);
    const { title } = await assertTitleFits({
      title: urlTitle,
      kicker: '1 January 2024',
      categories: ['links'],
    });
    assert.ok(
      title.bottom - title.top > 4 * titleFontSize(urlTitle),
      'broken over more than four lines',
    );
    assert.ok(title.right > width / 2, 'the lines run across the box');
  });

  it('draws emoji as Twemoji images inside the title box', async () => {
    const input = {
      title: `Shipping 🚀 faster with CI ✅ and ❤️ — ${'long words '.repeat(20)}👩‍💻`,
      kicker: '3 March 2024',
    };
    const { svg } = await assertTitleFits(input);
    assert.ok(emojiBoxes(svg).length >= 3, `${emojiBoxes(svg).length} emoji drawn`);
    assert.equal(emojiKey('❤️'), '2764');
    assert.match(await emojiDataUrl('👩‍💻'), /^data:image\/svg\+xml;base64,/);
    assert.equal(
      await emojiDataUrl('\u{10FFFD}'),
      '',
      'an unknown code point draws nothing rather than failing',
    );
  });

  it('keeps six long categories on one row that ends before the site name', async () => {
    const categories = [
      'Cloud Computing And Infrastructure',
      'Kubernetes Operations At Scale',
      'Site Reliability Engineering',
      'Continuous Delivery Pipelines',
      'Observability And Monitoring',
      'Developer Experience Tooling',
    ];
    const { svg } = await assertTitleFits({ title: urlTitle, kicker: '3 March 2024', categories });
    const pills = drawnBox(svg, SHARE_IMAGE_COLOURS.category);
    const site = drawnBox(svg, SHARE_IMAGE_COLOURS.site);
    assert.ok(
      pills.right < site.left,
      `categories end at ${pills.right}, the site name starts at ${site.left}`,
    );
    assert.ok(site.right <= width - 60, `site name ends at ${site.right}`);
    assert.ok(pills.bottom - pills.top < 40, 'one row');
  });

  it('draws a 1200×630 PNG', async () => {
    const png = await renderShareImage({ title: urlTitle, categories: ['a'] });
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [width, height]);
  });
});
