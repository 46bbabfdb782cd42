/**
 * Share images (Open Graph / Twitter, 1200×630), drawn after the export by
 * scripts/post-export.ts with satori (layout to SVG), resvg (SVG to pixels) and sharp (PNG),
 * fonts and emoji from npm (nothing is downloaded while building). Each image is cached by
 * what it shows (lib/export/share-image-cache.ts), so a rebuild draws only new or changed ones.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import sharp from 'sharp';
import { siteConfig } from '../../site.config';

export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 };

/** Colours the layout uses; the tests read them to find what was drawn where. */
export const SHARE_IMAGE_COLOURS = {
  background: '#0f1419',
  title: '#e6edf3',
  kicker: '#9ba7b4',
  category: '#9cd0ff',
  site: '#ffffff',
  accent: '#6cb6ff',
} as const;

const PADDING = { x: 80, y: 72 };
const TOP_BAND = 12;
const TITLE_LINE_HEIGHT = 1.15;
/**
 * Height left for the title: the image less the top border, the padding, the kicker (30 px, 24 px gap)
 * and the footer row (pills of 28 px text, 8 px padding, 2 px border) with a 24 px gap above it.
 */
const TITLE_BOX_HEIGHT = SHARE_IMAGE_SIZE.height - TOP_BAND - 2 * PADDING.y - (36 + 24) - (52 + 24);
const MOST_CATEGORIES = 3;

/**
 * The title's font size by its length: short titles large, long ones smaller so more fits; past what fits
 * at the smallest size, the title is clamped to the lines the box holds, with an ellipsis.
 */
export function titleFontSize(title: string): number {
  const length = [...title].length;
  if (length <= 40) return 72;
  if (length <= 70) return 62;
  if (length <= 110) return 52;
  return 44;
}

/** How many lines of the title fit in its box at `fontSize`. */
export function titleLines(fontSize: number): number {
  return Math.floor(TITLE_BOX_HEIGHT / (fontSize * TITLE_LINE_HEIGHT));
}

// Inter from @fontsource: every subset it ships (Latin, Latin-ext, Cyrillic, Greek, Vietnamese), so these
// scripts are drawn; others (CJK, Arabic, Hebrew, Indic…) have no font here and show as missing glyphs.
// Each subset gets its own family name: satori keeps one font per name and weight, and falls back to
// another *name* for a character the first lacks.
const INTER_SUBSETS = [
  'latin',
  'latin-ext',
  'cyrillic',
  'cyrillic-ext',
  'greek',
  'greek-ext',
  'vietnamese',
];
const fontFile = (name: string) =>
  path.join(process.cwd(), 'node_modules/@fontsource/inter/files', name);
type ShareImageFont = { name: string; data: Buffer; weight: 400 | 700; style: 'normal' };
let fontsPromise: Promise<ShareImageFont[]> | undefined;

function loadFonts() {
  fontsPromise ??= Promise.all(
    INTER_SUBSETS.flatMap((subset) =>
      ([400, 700] as const).map(async (weight) => ({
        name: subset === 'latin' ? 'Inter' : `Inter ${subset}`,
        data: await readFile(fontFile(`inter-${subset}-${weight}-normal.woff`)),
        weight,
        style: 'normal' as const,
      })),
    ),
  );
  return fontsPromise;
}

interface IconifySet {
  icons: Record<string, { body: string }>;
  aliases?: Record<string, { parent: string }>;
  width?: number;
  height?: number;
}
let emojiPromise: Promise<{ icons: IconifySet; chars: Record<string, string> }> | undefined;

/** Twemoji (CC BY 4.0) as packaged by Iconify: one JSON of SVG bodies, read only when a title has an emoji. */
function loadEmoji() {
  emojiPromise ??= (async () => {
    const require = createRequire(import.meta.url);
    const read = async (file: string) =>
      JSON.parse(
        await readFile(require.resolve(`@iconify-json/twemoji/${file}`), 'utf8'),
      ) as unknown;
    const [icons, chars] = await Promise.all([read('icons.json'), read('chars.json')]);
    return { icons: icons as IconifySet, chars: chars as Record<string, string> };
  })();
  return emojiPromise;
}

/** Iconify's key for an emoji: its code points in hex, at least 4 digits, without variation selector 16. */
export function emojiKey(segment: string): string {
  return [...segment]
    .map((char) => char.codePointAt(0)!)
    .filter((code) => code !== 0xfe0f)
    .map((code) => code.toString(16).padStart(4, '0'))
    .join('-');
}

/** An SVG data URL of the emoji `segment`, or '' when Twemoji has none (satori then draws nothing). */
export async function emojiDataUrl(segment: string): Promise<string> {
  const { icons, chars } = await loadEmoji();
  let name = chars[emojiKey(segment)];
  // An alias names another icon (e.g. a variant); a few hops at most.
  for (let hops = 0; name && !icons.icons[name] && hops < 4; hops++)
    name = icons.aliases?.[name]?.parent;
  const body = name ? icons.icons[name]?.body : undefined;
  if (!body) return '';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${icons.width ?? 16} ${icons.height ?? 16}">${body}</svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

export interface ShareImageInput {
  title: string;
  categories?: string[];
  /** Shown small above the title, e.g. the date. */
  kicker?: string;
}

/** The image as satori's SVG (text drawn as paths); `renderShareImage` turns it into a PNG. */
export async function shareImageSvg({
  title,
  categories = [],
  kicker,
}: ShareImageInput): Promise<string> {
  const fontSize = titleFontSize(title);
  const shownCategories = categories.slice(0, MOST_CATEGORIES);
  const hiddenCategories = categories.length - shownCategories.length;
  const pill = {
    fontSize: 28,
    padding: '8px 22px',
    borderRadius: 999,
    border: `2px solid ${SHARE_IMAGE_COLOURS.accent}`,
    color: SHARE_IMAGE_COLOURS.category,
    // Long names shrink and end in an ellipsis rather than push the row off the image.
    flexShrink: 1,
    minWidth: 0,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
  } as const;
  return satori(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        // A flat background: a gradient triples the PNG's size.
        background: SHARE_IMAGE_COLOURS.background,
        color: SHARE_IMAGE_COLOURS.title,
        fontFamily: 'Inter',
      }}
    >
      {/* The accent band on top: a box of its own, as a border is drawn through a mask the size of the image. */}
      <div style={{ height: TOP_BAND, flexShrink: 0, background: SHARE_IMAGE_COLOURS.accent }} />
      <div
        style={{
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
          flexGrow: 1,
          minHeight: 0,
          padding: `${PADDING.y}px ${PADDING.x}px`,
        }}
      >
        <div
          style={{ display: 'flex', flexDirection: 'column', gap: 24, minHeight: 0, flexShrink: 1 }}
        >
          {kicker ? (
            <div
              style={{
                fontSize: 30,
                color: SHARE_IMAGE_COLOURS.kicker,
                whiteSpace: 'nowrap',
                overflow: 'hidden',
                textOverflow: 'ellipsis',
              }}
            >
              {kicker}
            </div>
          ) : null}
          <div
            style={{
              // satori clamps lines only on a block; break-word breaks a word (a URL) only where it must.
              display: 'block',
              lineClamp: titleLines(fontSize),
              wordBreak: 'break-word',
              maxHeight: TITLE_BOX_HEIGHT,
              fontSize,
              fontWeight: 700,
              lineHeight: TITLE_LINE_HEIGHT,
              letterSpacing: '-0.02em',
            }}
          >
            {title}
          </div>
        </div>
        <div
          style={{
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'flex-end',
            gap: 32,
            marginTop: 24,
          }}
        >
          <div style={{ display: 'flex', gap: 16, flexShrink: 1, minWidth: 0, overflow: 'hidden' }}>
            {shownCategories.map((category) => (
              <div key={category} style={pill}>
                {category}
              </div>
            ))}
            {hiddenCategories > 0 ? (
              <div style={{ ...pill, flexShrink: 0 }}>{`+${hiddenCategories}`}</div>
            ) : null}
          </div>
          <div
            style={{
              fontSize: 34,
              fontWeight: 700,
              color: SHARE_IMAGE_COLOURS.site,
              flexShrink: 0,
              whiteSpace: 'nowrap',
            }}
          >
            {siteConfig.title}
          </div>
        </div>
      </div>
    </div>,
    {
      ...SHARE_IMAGE_SIZE,
      fonts: await loadFonts(),
      // Called for what the fonts lack: emoji become Twemoji images; other scripts have no font here.
      loadAdditionalAsset: async (code, segment) => (code === 'emoji' ? emojiDataUrl(segment) : []),
    },
  );
}

/**
 * The PNG: resvg draws the pixels and sharp (libvips) encodes them, in half the time of resvg's own encoder
 * and a few percent smaller; resvg-js also keeps every PNG it encodes until its process exits.
 */
export async function renderShareImage(input: ShareImageInput): Promise<Buffer> {
  const image = new Resvg(await shareImageSvg(input), { fitTo: { mode: 'original' } }).render();
  return sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 4 } })
    .png({ compressionLevel: 6 })
    .toBuffer();
}
