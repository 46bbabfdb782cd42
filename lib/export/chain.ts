/**
 * The export steps, as one explicit chain run in order over the finished `next build` export: each reads the
 * export folder and writes into it, and says in one line what it did. scripts/post-export.ts moves the export
 * aside, runs the chain and moves it back only when every step succeeded (lib/build/paths.mjs).
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { pathInside } from '../build/safe-path';
import { permalinkProblem } from '../content/rules';
import type { Post, PostListItem } from '../site/post-index';
import {
  authorPath,
  authorsPath,
  categoryPath,
  mathStylesheetPath,
  PLACEHOLDER_PAGE,
  PLACEHOLDER_TERM,
  tagPath,
} from '../site/urls';
import { IMAGE_VARIANT_CACHE_DIR } from '../build/paths.mjs';
import { writeCspHashes } from './csp';
import type { CspSources } from '../site/third-party';
import { writeImageVariants } from './image-variants';
import { RUNTIME_PAGES, withoutFrameworkRuntime } from './framework-runtime';
import { postBodyHtml, spliceBodies, spliceFormat, type PostBodyHtml } from './post-bodies';
import {
  buildRedirects,
  redirectFile,
  redirectHtml,
  redirectSource,
  type RedirectSource,
} from './redirects';
import { siteShareImages, writeShareImages } from './share-image-cache';

export interface ExportContext {
  /** Where the steps work. */
  dir: string;
  /** How messages name the export (out/), wherever it is while the steps work. */
  shownDir: string;
  /** The published posts, newest first, and each by slug. */
  posts: readonly PostListItem[];
  postBySlug: ReadonlyMap<string, Post>;
  /** What redirects need of each post beyond the index, by slug: its old URLs (lib/export/redirects.ts). */
  redirectSources: ReadonlyMap<string, { oldUrls?: readonly string[]; jekyllUrl?: string }>;
  /** The markdown pages, for their old URLs (lib/content/pages.ts). */
  pages?: readonly RedirectSource[];
  /** Posts and pages that moved elsewhere (`redirect_to`): their old URLs lead to the target, a path or a URL. */
  moved?: readonly RedirectSource[];
  /** jekyll-feed's `feed.path` of a Jekyll site: the feed URL its subscribers already have. */
  oldFeedPath?: string;
  /** A Jekyll site's static files (lib/jekyll/site-files.ts), copied to the same paths. */
  staticFiles?: { root: string; files: readonly string[] };
  /** The nonce of the body markers of this export (lib/export/post-bodies.ts). */
  nonce: string;
  /** What the site's third-party services add to the CSP (lib/site/third-party.ts); none when none is on. */
  cspSources?: CspSources;
  site: {
    basePath: string;
    title: string;
    absoluteUrl: (path: string) => string;
  };
}

export interface ExportStep {
  name: string;
  /** Does the step's work; returns the line that says what it did. */
  run: (context: ExportContext) => string | Promise<string>;
}

/**
 * A blog without categories, tags, authors or pages still has those routes' placeholders (lib/site/urls.ts): no
 * page of the site. A blog of one author has no author index either (lib/site/taxonomies.ts), and a blog
 * without math no math stylesheet.
 */
const removePlaceholders: ExportStep = {
  name: 'Placeholder',
  run: ({ dir, postBySlug }) => {
    const oneAuthor = existsSync(pathInside(dir, authorPath(PLACEHOLDER_TERM)));
    const noMath = ![...postBySlug.values()].some((post) => post.hasMath);
    const removed = [
      ['the category placeholder', categoryPath(PLACEHOLDER_TERM)],
      ['the tag placeholder', tagPath(PLACEHOLDER_TERM)],
      ['the author placeholder', authorPath(PLACEHOLDER_TERM)],
      ...(oneAuthor ? [['the author index', authorsPath()]] : []),
      ...(noMath ? [['the math stylesheet', path.posix.dirname(mathStylesheetPath())]] : []),
      ['the page placeholder', `/${PLACEHOLDER_PAGE}/`],
    ].filter(([, placeholderPath]) => {
      const placeholder = pathInside(dir, placeholderPath!);
      const found = existsSync(placeholder);
      rmSync(placeholder, { recursive: true, force: true });
      return found;
    });
    return removed.length
      ? `${removed.map(([what]) => what).join(', ')} removed (nothing of this blog needs them)`
      : 'none';
  },
};

/**
 * Redirect pages for old URLs (front-matter `permalink:` and `redirect_from`, and the URL Jekyll gave each post
 * of a Jekyll site, or of a folder of posts with `jekyllRedirects`), as plain HTML files at those paths, and listed in `_redirects` (`from to 301` per
 * line, as Netlify and Cloudflare Pages read it; the CloudFront function and nginx config read it too).
 */
const writeRedirects: ExportStep = {
  name: 'Redirects',
  run: ({ dir, posts, pages = [], moved = [], redirectSources, site }) => {
    const redirects = buildRedirects([
      ...posts.map((post) => redirectSource(post, redirectSources.get(post.slug))),
      ...pages,
      ...moved,
    ]);
    const manifest: string[] = [];
    for (const redirect of redirects) {
      const file = pathInside(dir, redirectFile(redirect.from));
      if (existsSync(file)) {
        // A URL Jekyll gave a post or page that is now a file of this site: the check warned, the file stays.
        if (!redirect.explicit) continue;
        throw new Error(
          `${redirect.sourcePath}: permalink: "${redirect.from}" is already a page of the site (${path.relative(dir, file)})`,
        );
      }
      mkdirSync(path.dirname(file), { recursive: true });
      // A post moved off the site (`redirect_to: https://…`) leads there as written.
      const offSite = /^https?:\/\//i.test(redirect.to);
      const target = offSite ? redirect.to : `${site.basePath}${redirect.to}`;
      writeFileSync(
        file,
        redirectHtml(
          target,
          site.absoluteUrl(redirect.to),
          site.title,
          `${site.basePath}/icon.svg`,
        ),
      );
      manifest.push(
        `${encodeURI(`${site.basePath}${redirect.from}`)} ${offSite ? target : encodeURI(target)} 301`,
      );
    }
    writeFileSync(path.join(dir, '_redirects'), manifest.length ? `${manifest.join('\n')}\n` : '');
    return `${manifest.length} old URLs`;
  },
};

/** Pages as plain documents: Next's runtime removed (lib/export/framework-runtime.ts), post bodies put into pages and feeds. */
const finishPages: ExportStep = {
  name: 'Plain pages',
  run: ({ dir, shownDir, postBySlug, nonce, site }) => {
    // A body is read once, though the page and several feeds (site and each category, three formats) ask for it.
    const bodies = new Map<string, PostBodyHtml>();
    const bodyOf = (slug: string): PostBodyHtml | undefined => {
      const post = postBySlug.get(slug);
      if (!post) return undefined;
      if (!bodies.has(slug)) bodies.set(slug, postBodyHtml(post));
      return bodies.get(slug);
    };
    let pages = 0;
    let filled = 0;
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      const relative = path.relative(dir, file).split(path.sep).join('/');
      if (relative.startsWith('_next/')) continue;
      const format = spliceFormat(relative);
      if (!format) continue;
      const shown = path.join(shownDir, relative);
      const text = readFileSync(file, 'utf8');
      let finished = text;
      if (format === 'html' && !RUNTIME_PAGES.includes(relative)) {
        finished = withoutFrameworkRuntime(finished, site.basePath, shown);
        if (finished !== text) pages += 1;
      }
      const withBodies = spliceBodies(finished, format, bodyOf, shown, nonce);
      if (withBodies !== finished) filled += 1;
      if (withBodies !== text) writeFileSync(file, withBodies);
    }
    return `runtime removed from ${pages} pages, bodies put into ${filled} files`;
  },
};

/** One share image per published post and one for the site, drawn only when new or changed. */
const drawShareImages: ExportStep = {
  name: 'Share images',
  run: async ({ dir, posts }) => {
    const targets = siteShareImages(posts, dir);
    const drawn = await writeShareImages(targets);
    return `${targets.length} written, ${drawn} drawn (the rest cached)`;
  },
};

/** AVIF and WebP in a few widths of each raster image that pages offer in `<picture>`, cached by content. */
const writeImages: ExportStep = {
  name: 'Images',
  run: async ({ dir, site }) => {
    const { written, encoded } = await writeImageVariants(
      dir,
      IMAGE_VARIANT_CACHE_DIR,
      site.basePath,
    );
    return written
      ? `${written} widths and formats written, ${encoded} encoded (the rest cached)`
      : 'none';
  },
};

/** The Pagefind index in pagefind/; only post pages are indexed (they alone carry data-pagefind-body). */
const indexSearch: ExportStep = {
  name: 'Search index',
  run: async ({ dir, shownDir }) => {
    const { index, errors: createErrors } = await pagefind.createIndex({});
    if (!index) throw new Error(`pagefind: ${createErrors.join('; ')}`);
    const { page_count: pages, errors } = await index.addDirectory({ path: dir });
    if (errors.length > 0) throw new Error(`pagefind: ${errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(dir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    await pagefind.close();
    return `${pages} pages read, written to ${shownDir}/pagefind/`;
  },
};

/**
 * A Jekyll site's static files (images, downloads, CNAME…) at the paths Jekyll gave them, so `/img/a.png` in a
 * post still loads. A path the export already has keeps the export's file (the check warned about it).
 */
const copyStaticFiles: ExportStep = {
  name: 'Static files',
  run: ({ dir, staticFiles }) => {
    if (!staticFiles) return 'none (not a Jekyll site)';
    let copied = 0;
    let kept = 0;
    for (const relative of staticFiles.files) {
      const target = pathInside(dir, relative);
      if (existsSync(target)) {
        kept += 1;
        continue;
      }
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(pathInside(staticFiles.root, relative), target);
      copied += 1;
    }
    return `${copied} copied${kept ? `, ${kept} left to the site's own pages` : ''}`;
  },
};

/**
 * The feed URL a Jekyll site's subscribers have (jekyll-feed's `feed.path`) keeps answering with a feed: the
 * site's Atom feed, as jekyll-feed wrote Atom. Nothing to do when it is one of this site's own feed URLs.
 */
const keepOldFeedUrl: ExportStep = {
  name: 'Old feed URL',
  run: ({ dir, oldFeedPath }) => {
    if (!oldFeedPath) return 'none';
    const problem = permalinkProblem(oldFeedPath);
    if (problem) return `${oldFeedPath} left out: it ${problem}`;
    const target = pathInside(dir, oldFeedPath);
    if (existsSync(target)) return `${oldFeedPath} is already a feed of the site`;
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(path.join(dir, 'atom.xml'), target);
    return `${oldFeedPath} serves the Atom feed`;
  },
};

/** The hashes of the export's inline scripts, for the Content-Security-Policy the hosts send (lib/export/csp.ts). */
const hashInlineScripts: ExportStep = {
  name: 'CSP',
  run: ({ dir, shownDir, cspSources = {} }) => {
    const hashes = writeCspHashes(dir, cspSources).length;
    const services = Object.values(cspSources).flat().length;
    return `${hashes} inline script hashes${services ? ` and ${services} sources of third-party services` : ''} in ${shownDir}/_csp-script-hashes.json`;
  },
};

/** The chain, in order: bodies go in before the search index reads the pages, and the hashes are taken last. */
export const EXPORT_STEPS: readonly ExportStep[] = [
  removePlaceholders,
  writeRedirects,
  finishPages,
  writeImages,
  drawShareImages,
  indexSearch,
  copyStaticFiles,
  keepOldFeedUrl,
  hashInlineScripts,
];

/** Runs every step in order, printing what each did and how long it took; throws at the first failure. */
export async function runExportSteps(
  context: ExportContext,
  log: (line: string) => void = console.log,
): Promise<void> {
  for (const step of EXPORT_STEPS) {
    const started = performance.now();
    const said = await step.run(context);
    log(`${step.name}: ${said}, in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}
