/**
 * The names of the widths and formats of posts' raster images, shared by the markdown step that lists them in
 * `<picture>` (images.ts) and the export step that makes them (lib/export/image-variants.ts). Apart from
 * images.ts so the export step's cache key does not reach the site config through it.
 */

/** Where the export puts the widths of each image, named by the hash of its bytes and the width. */
export const IMAGE_VARIANTS_PATH = '/_img';
/** Widths offered below the image's own (which is offered too, up to the largest of these). */
export const VARIANT_WIDTHS = [640, 1280, 1920] as const;
export const VARIANT_FORMATS = ['avif', 'webp'] as const;
export type VariantFormat = (typeof VARIANT_FORMATS)[number];
/** A variant's URL: `/_img/<hash of the source's bytes>-<width>.<format>`. */
export const variantUrl = (hash: string, width: number, format: VariantFormat) =>
  `${IMAGE_VARIANTS_PATH}/${hash}-${width}.${format}`;

/** The widths an image is offered in: the standard ones below its own, and its own up to the largest. */
export function variantWidths(width: number): number[] {
  const largest = VARIANT_WIDTHS[VARIANT_WIDTHS.length - 1]!;
  return [
    ...VARIANT_WIDTHS.filter((candidate) => candidate < width),
    Math.min(width, largest),
  ].filter((candidate, index, all) => all.indexOf(candidate) === index);
}
