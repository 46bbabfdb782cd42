/**
 * The widths and formats of the export's raster images that pages offer in `<picture>` (lib/markdown/images.ts),
 * made with sharp from the image the export holds and kept in a cache by their key (the source's bytes, width,
 * format and this code), so a rebuild encodes only new images.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
} from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { cacheKey, CACHED_OUTPUTS, codeFingerprint } from '../build/cache-key';
import { pathInsideOrUndefined, safeDecode } from '../build/safe-path';
import { withoutBasePath } from '../markdown/base-path';
import { IMAGE_VARIANTS_PATH, type VariantFormat } from '../markdown/image-variant-names';

/** One file to make: where its source is in the export, and what to make of it. */
export interface VariantJob {
  source: string;
  width: number;
  format: VariantFormat;
  /** Its name under IMAGE_VARIANTS_PATH. */
  name: string;
}

const PICTURE = /<picture>([\s\S]*?)<\/picture>/g;
const VARIANT = new RegExp(
  `${IMAGE_VARIANTS_PATH}/([0-9a-f]{16})-(\\d+)\\.(avif|webp)(?=[\\s",])`,
  'g',
);

/** Every HTML file of the export but the framework's and the search index's. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !/[/\\](_next|pagefind)[/\\]/.test(path.relative(dir, file)));
}

/** The variants the export's pages ask for, each once, with the image in the export each is made from. */
export function variantJobs(dir: string, basePath: string): VariantJob[] {
  const jobs = new Map<string, VariantJob>();
  for (const file of htmlFiles(dir)) {
    const html = readFileSync(file, 'utf8');
    if (!html.includes('<picture>')) continue;
    for (const [, picture = ''] of html.matchAll(PICTURE)) {
      const src = /<img[^>]*\ssrc="([^"]+)"/.exec(picture)?.[1];
      if (!src) continue;
      const source = pathInsideOrUndefined(
        dir,
        safeDecode(withoutBasePath(src.split(/[?#]/)[0]!, basePath)).slice(1),
      );
      if (!source || !existsSync(source)) continue;
      for (const [, hash, width, format] of picture.matchAll(VARIANT)) {
        const name = `${hash}-${width}.${format}`;
        if (!jobs.has(name))
          jobs.set(name, { source, width: Number(width), format: format as VariantFormat, name });
      }
    }
  }
  return [...jobs.values()];
}

async function encode(job: VariantJob, target: string): Promise<void> {
  const resized = sharp(readFileSync(job.source), { limitInputPixels: 100_000_000 }).resize({
    width: job.width,
    withoutEnlargement: true,
  });
  // Quality where the two formats look alike to the eye on photographs.
  const encoded =
    job.format === 'avif'
      ? resized.avif({ quality: 55, effort: 4 })
      : resized.webp({ quality: 78 });
  const partial = `${target}.partial`;
  await encoded.toFile(partial);
  renameSync(partial, target);
}

/**
 * Makes every variant the pages ask for into `<dir>/_img/`, from the cache when its key is there. At most
 * `parallel` encodings at once: sharp runs each on its own threads.
 */
export async function writeImageVariants(
  dir: string,
  cacheDir: string,
  basePath: string,
  parallel = 2,
): Promise<{ written: number; encoded: number }> {
  const jobs = variantJobs(dir, basePath);
  if (jobs.length === 0) return { written: 0, encoded: 0 };
  const code = codeFingerprint(CACHED_OUTPUTS.imageVariant);
  const outDir = path.join(dir, IMAGE_VARIANTS_PATH.slice(1));
  mkdirSync(outDir, { recursive: true });
  mkdirSync(cacheDir, { recursive: true });
  let encoded = 0;
  let next = 0;
  const worker = async () => {
    for (let job = jobs[next++]; job; job = jobs[next++]) {
      // The name holds the source's hash already; the key adds the code that encodes it.
      const cached = path.join(cacheDir, `${cacheKey(code, job.name)}.${job.format}`);
      if (!existsSync(cached)) {
        try {
          await encode(job, cached);
        } catch (error) {
          // sharp says what is wrong with the bytes; the reader of the build needs which image it was.
          throw new Error(
            `${path.relative(dir, job.source)}: cannot be made into ${job.name} (${(error as Error).message.split('\n')[0]}); replace the image or convert it to PNG or JPEG`,
          );
        }
        encoded += 1;
      }
      copyFileSync(cached, path.join(outDir, job.name));
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, jobs.length) }, worker));
  return { written: jobs.length, encoded };
}
