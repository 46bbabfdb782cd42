/**
 * The key of everything `next build` reads, so a rebuild can reuse its last
 * export when nothing it reads has changed (scripts/next-export.ts). Post
 * bodies are not among its inputs: pages and feeds mark where they go, and
 * the post-export step puts them in (lib/export/post-bodies.ts). So editing a post's
 * text skips `next build`; editing its title, date, categories, excerpt,
 * headings or reading time does not.
 *
 * What goes in:
 * - every file of the project by content, except the folders below: the code,
 *   styles, config, lock file, public/ (with the mirrored content assets) and
 *   .contentlayer/generated (every post's fields, no bodies);
 * - the environment variables the site reads (NEXT_BUILD_ENV; a unit test
 *   checks the source names no other);
 * - what depends on the clock: which posts are published (future posts appear
 *   when their date passes) and the year (the footer's copyright).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { jekyllConfigFile } from '../jekyll/config';

/** Environment variables that change what `next build` writes. */
export const NEXT_BUILD_ENV = [
  'NODE_ENV',
  'SITE_URL',
  'BASE_PATH',
  'POSTS_PER_PAGE',
  'CONTENT_DIR',
  'PAGES_DIR',
  'SHOW_DRAFTS',
  'FUTURE',
  'JEKYLL_REDIRECTS',
  'JEKYLL_ENV',
  'EDIT_URL',
  'GISCUS_REPO',
  'GISCUS_REPO_ID',
  'GISCUS_CATEGORY',
  'GISCUS_CATEGORY_ID',
  'PLAUSIBLE_DOMAIN',
  'PLAUSIBLE_SRC',
  'UMAMI_WEBSITE_ID',
  'UMAMI_SRC',
  'GA4_ID',
] as const;

/**
 * Environment variables the site's code reads that do not change what `next build` writes: CHROMIUM_PATH only
 * says where the content step finds a browser to draw diagrams (lib/content/diagrams.ts), into the staged HTML,
 * which `next build` never reads.
 */
export const ENV_NOT_READ_BY_NEXT = ['CHROMIUM_PATH'] as const;

/**
 * Folders (relative to the project) that `next build` does not read: dependencies (the lock file stands for
 * them), build output and caches, the staged bodies, and the test, deploy and tooling folders. Scripts are
 * hashed anyway: cheap, and a changed build script is a fair reason to rebuild.
 */
export const NOT_READ_BY_NEXT = [
  'node_modules',
  '.git',
  '.next',
  'out',
  '.cache',
  '.content',
  '.contentlayer/.cache',
  '.bench',
  'test-results',
  'playwright-report',
  'blob-report',
  'e2e',
  'tests',
  'deploy',
  // Written by tsc and by Next itself.
  'tsconfig.tsbuildinfo',
  'next-env.d.ts',
];

export interface NextBuildInputs {
  /** The project folder. */
  root: string;
  /** The posts folder: read by the content step only (its assets reach Next through public/). */
  contentDir: string;
  /** The pages folder, read by the content step only (pages reach Next through contentlayer's data). */
  pagesDir?: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Slugs of the published posts, as the publish rule decides today. */
  publishedSlugs: readonly string[];
  year: number;
}

export function nextBuildKey(inputs: NextBuildInputs): string {
  const hash = createHash('sha256');
  const add = (label: string, value: string | Buffer) => {
    hash.update(`${label}\0${value.length}\0`);
    hash.update(value);
  };
  const skipped = new Set([
    ...NOT_READ_BY_NEXT.map((dir) => path.resolve(inputs.root, dir)),
    path.resolve(inputs.root, inputs.contentDir),
    ...(inputs.pagesDir ? [path.resolve(inputs.root, inputs.pagesDir)] : []),
  ]);
  for (const file of projectFiles(inputs.root, skipped))
    add(`file ${file}`, readFileSync(path.join(inputs.root, file)));
  // A Jekyll site's _config.yml is read by site.config.ts (title, url…), so by every page.
  const jekyllConfig = jekyllConfigFile(path.resolve(inputs.root, inputs.contentDir));
  if (jekyllConfig) add('jekyll config', readFileSync(jekyllConfig));
  for (const name of NEXT_BUILD_ENV) add(`env ${name}`, inputs.env[name] ?? '\u0000unset');
  add('published', inputs.publishedSlugs.join('\n'));
  add('year', String(inputs.year));
  // The lock file is a project file above; the Node that runs the build is not.
  add('node', process.version);
  return hash.digest('hex');
}

/** Project files outside the skipped folders, relative to `root` with `/`, sorted. */
function projectFiles(root: string, skipped: ReadonlySet<string>): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (skipped.has(full)) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(root);
  return files.sort();
}
