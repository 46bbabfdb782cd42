/**
 * Posts' raster images: offered in `<picture>` in a few widths as AVIF and WebP (lib/markdown/images.ts), and
 * those files made by the export step from the image the export holds, cached by content
 * (lib/export/image-variants.ts).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import sharp from 'sharp';
import { writeImageVariants } from '../../lib/export/image-variants';
import { variantWidths } from '../../lib/markdown/image-variant-names';
import { renderMarkdown } from '../../lib/markdown/render';

const root = mkdtempSync(path.join(tmpdir(), 'image-variants-'));
after(() => rmSync(root, { recursive: true, force: true }));

describe('variant widths', () => {
  it('are the standard widths below the image and the image its own, up to the largest', () => {
    assert.deepEqual(variantWidths(500), [500]);
    assert.deepEqual(variantWidths(1280), [640, 1280]);
    assert.deepEqual(variantWidths(1600), [640, 1280, 1600]);
    assert.deepEqual(variantWidths(4000), [640, 1280, 1920]);
  });
});

describe('a raster image in a post', () => {
  it('is a <picture> of AVIF and WebP widths around the original, the first image eager and first', async () => {
    const { html } = await renderMarkdown(
      '![Harbour](/images/harbour.png)\n\n![Logo](/images/example-diagram.svg)\n',
      '2024-01-01-a.md',
    );
    // No such file under public/: no size, no hash, so no picture; the first image is still eager.
    assert.match(
      html,
      /<img src="\/images\/harbour.png" alt="Harbour" loading="eager" fetchpriority="high"/,
    );
    assert.match(html, /<img src="\/images\/example-diagram.svg"[^>]* loading="lazy"/);
    assert.doesNotMatch(html, /<picture>/);
  });
});

describe('the export step', () => {
  it('makes each width and format the pages ask for from the exported image, then reuses the cache', async () => {
    const out = path.join(root, 'out');
    const cache = path.join(root, 'cache');
    mkdirSync(path.join(out, 'content-assets'), { recursive: true });
    await sharp({
      create: { width: 1500, height: 1000, channels: 3, background: { r: 40, g: 120, b: 200 } },
    })
      .png()
      .toFile(path.join(out, 'content-assets/photo.png'));
    const sources = (format: string) =>
      `<source type="image/${format}" srcset="/blog/_img/0123456789abcdef-640.${format} 640w, /blog/_img/0123456789abcdef-1280.${format} 1280w, /blog/_img/0123456789abcdef-1500.${format} 1500w" sizes="100vw">`;
    const page = `<p><picture>${sources('avif')}${sources('webp')}<img src="/blog/content-assets/photo.png" width="1500" height="1000"></picture></p>`;
    mkdirSync(path.join(out, 'posts/a'), { recursive: true });
    writeFileSync(path.join(out, 'posts/a/index.html'), page);
    // The same image on a second page is made once.
    writeFileSync(path.join(out, 'index.html'), page);

    assert.deepEqual(await writeImageVariants(out, cache, '/blog'), { written: 6, encoded: 6 });
    const made = readdirSync(path.join(out, '_img')).sort();
    assert.deepEqual(made, [
      '0123456789abcdef-1280.avif',
      '0123456789abcdef-1280.webp',
      '0123456789abcdef-1500.avif',
      '0123456789abcdef-1500.webp',
      '0123456789abcdef-640.avif',
      '0123456789abcdef-640.webp',
    ]);
    const small = await sharp(path.join(out, '_img/0123456789abcdef-640.avif')).metadata();
    assert.deepEqual([small.format, small.width, small.height], ['heif', 640, 427]);
    assert.equal(
      (await sharp(path.join(out, '_img/0123456789abcdef-1280.webp')).metadata()).format,
      'webp',
    );

    rmSync(path.join(out, '_img'), { recursive: true });
    assert.deepEqual(await writeImageVariants(out, cache, '/blog'), { written: 6, encoded: 0 });
    assert.equal(readdirSync(path.join(out, '_img')).length, 6);
  });

  it('stops on an image it cannot read, naming the image', async () => {
    const out = path.join(root, 'broken');
    mkdirSync(path.join(out, 'img'), { recursive: true });
    writeFileSync(path.join(out, 'img/cut.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]));
    writeFileSync(
      path.join(out, 'index.html'),
      '<picture><source srcset="/_img/0123456789abcdef-640.avif 640w"><img src="/img/cut.jpg"></picture>',
    );
    await assert.rejects(
      writeImageVariants(out, path.join(root, 'cache3'), ''),
      /^Error: img\/cut\.jpg: cannot be made into 0123456789abcdef-640\.avif \(/,
    );
  });

  it('makes nothing for pages without pictures, and never reads outside the export', async () => {
    const out = path.join(root, 'plain');
    mkdirSync(out, { recursive: true });
    writeFileSync(
      path.join(out, 'index.html'),
      '<picture><source srcset="/_img/0123456789abcdef-640.avif 640w"><img src="/../../etc/passwd"></picture>',
    );
    assert.deepEqual(await writeImageVariants(out, path.join(root, 'cache2'), ''), {
      written: 0,
      encoded: 0,
    });
  });
});
