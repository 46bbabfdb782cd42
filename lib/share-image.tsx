/**
 * Share images (Open Graph / Twitter, 1200×630), drawn after the export by
 * scripts/post-export.ts with satori (layout to SVG) and resvg (SVG to PNG),
 * fonts from npm (nothing is downloaded while building). Each image is cached by
 * what it shows (lib/share-images.ts), so a rebuild draws only new or changed ones.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { siteConfig } from '../site.config';

export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 };

const fontFile = (name: string) => path.join(process.cwd(), 'node_modules/@fontsource/inter/files', name);
let fontsPromise: Promise<{ name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[]> | undefined;

function loadFonts() {
  fontsPromise ??= Promise.all(
    (
      [
        ['inter-latin-400-normal.woff', 400],
        ['inter-latin-700-normal.woff', 700],
        ['inter-latin-ext-700-normal.woff', 700],
      ] as const
    ).map(async ([file, weight]) => ({ name: 'Inter', data: await readFile(fontFile(file)), weight, style: 'normal' as const })),
  );
  return fontsPromise;
}

export interface ShareImageInput {
  title: string;
  categories?: string[];
  /** Shown small above the title, e.g. the date. */
  kicker?: string;
}

export async function renderShareImage({ title, categories = [], kicker }: ShareImageInput): Promise<Buffer> {
  const fontSize = title.length > 80 ? 52 : title.length > 50 ? 62 : 72;
  const svg = await satori(
    (
      <div
        style={{
          width: '100%',
          height: '100%',
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
          padding: '72px 80px',
          // A flat background: a gradient triples the PNG's size.
          background: '#0f1419',
          borderTop: '12px solid #6cb6ff',
          color: '#e6edf3',
          fontFamily: 'Inter',
        }}
      >
        <div style={{ display: 'flex', flexDirection: 'column', gap: 24 }}>
          {kicker ? <div style={{ fontSize: 30, color: '#9ba7b4' }}>{kicker}</div> : null}
          <div style={{ fontSize, fontWeight: 700, lineHeight: 1.15, letterSpacing: '-0.02em' }}>{title}</div>
        </div>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end' }}>
          <div style={{ display: 'flex', gap: 16 }}>
            {categories.slice(0, 4).map((category) => (
              <div key={category} style={{ fontSize: 28, padding: '8px 22px', borderRadius: 999, border: '2px solid #6cb6ff', color: '#9cd0ff' }}>
                {category}
              </div>
            ))}
          </div>
          <div style={{ fontSize: 34, fontWeight: 700, color: '#ffffff' }}>{siteConfig.title}</div>
        </div>
      </div>
    ),
    { ...SHARE_IMAGE_SIZE, fonts: await loadFonts() },
  );
  return new Resvg(svg, { fitTo: { mode: 'original' } }).render().asPng();
}
