/**
 * The site's markdown pages: its own (`content/pages/about.md`, at `/about/` or its `permalink:`) and a Jekyll
 * site's (`about.md`, `projects/index.md`, with the site's defaults for pages). Both have front matter, Liquid,
 * the one markdown pipeline, and a URL — the one Jekyll gives the file when it ends in "/", else that URL as a
 * folder (`/about.html` becomes `/about/`; for a Jekyll page the old URL redirects). An own page at one of the
 * site's routes is an error; a Jekyll page there (the home page, its old `/tags/`) is reported and left to the
 * site's own route, so a site brought over builds as it is.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { problem, type Problem } from '../build/problems';
import type { JekyllConfig } from '../jekyll/config';
import { frontMatterDefaults } from '../jekyll/defaults';
import { jekyllPageUrl, jekyllTitleFromSlug } from '../jekyll/permalink';
import { runBodyJobs } from './body-jobs';
import { drawResultDiagrams } from './diagrams';
import { fieldLine, parseFrontMatter, splitFrontMatter } from './front-matter';
import { LiquidProblem, sourceLine, type LiquidRenderer } from './liquid';
import type { MarkdownDialect } from '../markdown/dialect';
import type { PostLink } from '../markdown/links';
import { permalinkProblem, postSizeProblem, quoted } from './rules';
import { redirectTo } from './post-fields';
import type { MovedDocument } from './source';

export interface LoadedPage {
  /** Relative to its folder (the site root, or the own pages' folder). */
  relativePath: string;
  /** One of the site's own pages (PAGES_DIR), not a Jekyll site's. */
  own: boolean;
  sourcePath: string;
  title: string;
  /** Its URL on this site (ends in "/"). */
  url: string;
  /** The URL Jekyll gave it, redirected when it differs. */
  jekyllUrl: string;
  /** `redirect_from` of jekyll-redirect-from. */
  oldUrls: string[];
  description: string;
  /** `sitemap: false` leaves it out of the sitemap, as jekyll-sitemap does. */
  sitemap: boolean;
  html: string;
  /** In the header's navigation (`nav: true`, or `nav: "Label"`), with this label, ordered by `navOrder`. */
  nav?: string;
  /** `nav_order`: lower first; pages without one follow, by label. */
  navOrder?: number;
  /** For the link check, not staged: the body's links and ids, and the line the body starts after. */
  links: PostLink[];
  anchors: string[];
  bodyLineOffset: number;
  sourceLines?: number[];
}

/** The first segment of every route of this site: a page there would be shadowed by the route, or shadow it. */
export const RESERVED_FIRST_SEGMENTS = new Set([
  'posts',
  'categories',
  'tags',
  'authors',
  'page',
  'archive',
  'search',
  'pagefind',
  'content-assets',
  '_next',
  '_',
  'feed.xml',
  'atom.xml',
  'feed.json',
  'sitemap.xml',
  'robots.txt',
  'icon.svg',
]);

/** This site's URL of a page Jekyll publishes at `jekyllUrl`. */
export function ownPageUrl(jekyllUrl: string): string {
  if (jekyllUrl.endsWith('/')) return jekyllUrl;
  return `${jekyllUrl.replace(/(?:\/index)?\.[^./]+$/, '')}/`;
}

/** Where pages are read from: a Jekyll site root (with its `_config.yml`), or a folder of the site's own pages. */
export interface PageFolder {
  dir: string;
  /** How messages name the folder (as the author configured it). */
  displayDir: string;
  relativePaths: readonly string[];
  /** Unset for the site's own pages. */
  jekyll?: JekyllConfig;
}

export interface PageSourceOptions {
  liquid: LiquidRenderer;
  dialect: MarkdownDialect;
  /** Draw Mermaid diagrams into the HTML (a build; `npm run check` starts no browser). */
  drawDiagrams?: boolean;
}

/** `nav` and `nav_order` of a page's front matter, or the problem with them. */
function pageNav(
  data: Record<string, unknown>,
  title: string,
): { nav?: string; navOrder?: number } | { field: string; message: string } {
  const { nav, nav_order: navOrder } = data;
  if (nav !== undefined && typeof nav !== 'boolean' && typeof nav !== 'string')
    return { field: 'nav', message: 'must be true, false or the label to show in the header' };
  if (navOrder !== undefined && (typeof navOrder !== 'number' || !Number.isFinite(navOrder)))
    return { field: 'nav_order', message: 'must be a number (lower comes first)' };
  const label = typeof nav === 'string' ? nav.trim() : nav === true ? title : undefined;
  if (typeof nav === 'string' && !label)
    return { field: 'nav', message: 'is an empty label; write true to show the title' };
  if (label && label.length > 40)
    return { field: 'nav', message: 'is longer than 40 characters; a header link must be short' };
  return {
    ...(label ? { nav: label } : {}),
    ...(label && navOrder !== undefined ? { navOrder: navOrder as number } : {}),
  };
}

/** Reads, renders and places every markdown page; what is not carried over is in `notCarried`. */
export async function loadPages(
  folders: readonly PageFolder[],
  options: PageSourceOptions,
): Promise<{
  pages: LoadedPage[];
  notCarried: string[];
  moved: MovedDocument[];
  problems: Problem[];
}> {
  const problems: Problem[] = [];
  const moved: MovedDocument[] = [];
  const notCarried: string[] = [];
  const prepared: (Omit<LoadedPage, 'html' | 'links' | 'anchors'> & { body: string })[] = [];
  // Two pages at one URL: only one could be written; the first keeps it, the others are named.
  const pageAt = new Map<string, string>();
  const files = folders.flatMap((folder) =>
    folder.relativePaths.map((relativePath) => ({ folder, relativePath })),
  );
  for (const { folder, relativePath } of files) {
    const own = !folder.jekyll;
    const sourcePath = path.join(folder.displayDir, relativePath);
    const tooBig = postSizeProblem(statSync(path.join(folder.dir, relativePath)).size);
    if (tooBig) {
      problems.push(problem(sourcePath, 1, 'file', tooBig));
      continue;
    }
    const text = readFileSync(path.join(folder.dir, relativePath), 'utf8')
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n');
    const split = splitFrontMatter(text);
    if (!split) {
      // A Jekyll page starts with "---" to be one: an unclosed block is text. An own page must have the block.
      if (own)
        problems.push(
          problem(sourcePath, 1, 'front matter', 'is missing; start the page with a "---" block'),
        );
      continue;
    }
    const defaults = folder.jekyll
      ? frontMatterDefaults(folder.jekyll.defaults, relativePath, 'pages')
      : {};
    const { data, problems: fieldProblems } = parseFrontMatter(split.yaml, defaults);
    for (const found of fieldProblems)
      problems.push(problem(sourcePath, found.line, found.field, found.message));
    if (fieldProblems.length > 0 || data.published === false) continue;
    // Jekyll refuses a page's empty permalink (jekyllPageUrl throws): reported at the field, like Jekyll's error.
    if (data.permalink === '') {
      problems.push(
        problem(
          sourcePath,
          fieldLine(split.yaml, 'permalink'),
          'permalink',
          "is empty; Jekyll refuses an empty permalink: remove the field or write the page's path",
        ),
      );
      continue;
    }
    // An own permalink is taken as written: "..", "//" or a scheme is an error, not quietly resolved as Jekyll does.
    const ownPermalinkProblem =
      own && typeof data.permalink === 'string' ? permalinkProblem(data.permalink) : null;
    if (ownPermalinkProblem) {
      problems.push(
        problem(
          sourcePath,
          fieldLine(split.yaml, 'permalink'),
          'permalink',
          `${quoted(data.permalink as string)} ${ownPermalinkProblem}`,
        ),
      );
      continue;
    }
    const fromFile = jekyllPageUrl({
      relativePath,
      sitePermalink: folder.jekyll?.permalink,
      ...(typeof data.permalink === 'string' ? { pagePermalink: data.permalink } : {}),
    });
    const url = ownPageUrl(fromFile);
    // An own page never had another URL: nothing to redirect.
    const jekyllUrl = own ? url : fromFile;
    const first = url.split('/')[1] ?? '';
    // A site's 404 page (404.md at /404.html, as GitHub Pages wants it): this site has its own.
    const notFoundPage = jekyllUrl === '/404.html' || url === '/404/';
    if (
      url === '/' ||
      notFoundPage ||
      RESERVED_FIRST_SEGMENTS.has(first) ||
      permalinkProblem(url)
    ) {
      if (own) {
        problems.push(
          problem(
            sourcePath,
            data.permalink === undefined ? 1 : fieldLine(split.yaml, 'permalink'),
            'permalink',
            url === '/'
              ? 'the home page is the newest posts; give this page a permalink such as /about/'
              : `its URL ${quoted(url)} is one of this site's own routes, or not a path of the export; give it another permalink`,
          ),
        );
        continue;
      }
      notCarried.push(relativePath);
      problems.push(
        problem(
          sourcePath,
          data.permalink === undefined ? 1 : fieldLine(split.yaml, 'permalink'),
          'page',
          url === '/'
            ? 'the home page is this site’s own (the newest posts); this page is not carried over'
            : notFoundPage
              ? 'the "not found" page (404.html) is this site’s own; this page is not carried over'
              : `its URL ${quoted(url)} is one of this site's own, or not a path of the export; this page is not carried over`,
          'warning',
        ),
      );
      continue;
    }
    const other = pageAt.get(url);
    if (other !== undefined) {
      problems.push(
        problem(
          sourcePath,
          data.permalink === undefined ? 1 : fieldLine(split.yaml, 'permalink'),
          'permalink',
          `its URL ${quoted(url)} is also the URL of ${other}; give one of them another permalink`,
        ),
      );
      continue;
    }
    pageAt.set(url, sourcePath);
    const redirectFrom = data.redirect_from;
    const oldUrls = (Array.isArray(redirectFrom) ? redirectFrom : [redirectFrom]).filter(
      (item): item is string => typeof item === 'string',
    );
    if (data.redirect_to !== undefined) {
      // jekyll-redirect-from: the page has moved; its URLs lead there and it is not rendered.
      try {
        moved.push({
          sourcePath,
          url: redirectTo(data.redirect_to),
          oldUrls,
          jekyllUrl,
          isDraft: false,
          moved: true,
        });
      } catch (error) {
        problems.push(
          problem(
            sourcePath,
            fieldLine(split.yaml, 'redirect_to'),
            'redirect_to',
            (error as Error).message,
          ),
        );
      }
      continue;
    }
    const fileName = relativePath
      .split('/')
      .pop()!
      .replace(/\.[^.]+$/, '');
    const folderName = relativePath.split('/').slice(-2, -1)[0] ?? fileName;
    const title =
      data.title?.trim() || jekyllTitleFromSlug(fileName === 'index' ? folderName : fileName);
    // Only own pages join the header: a Jekyll theme's `nav_order` (a string in some) means something else.
    const nav = own ? pageNav(data, title) : {};
    if ('field' in nav) {
      problems.push(problem(sourcePath, fieldLine(split.yaml, nav.field), nav.field, nav.message));
      continue;
    }
    prepared.push({
      relativePath,
      own,
      sourcePath,
      title,
      ...nav,
      url,
      jekyllUrl,
      oldUrls,
      description: typeof data.description === 'string' ? data.description : '',
      sitemap: data.sitemap !== false,
      body: split.body,
      bodyLineOffset: split.bodyLineOffset,
    });
    const page = prepared[prepared.length - 1]!;
    if (data.render_with_liquid === false) continue;
    try {
      const rendered = options.liquid.render(split.body, {
        ...data,
        url: jekyllUrl,
        path: relativePath,
      });
      page.body = rendered.text;
      if (rendered.sourceLines) page.sourceLines = rendered.sourceLines;
    } catch (error) {
      if (!(error instanceof LiquidProblem)) throw error;
      problems.push(problem(sourcePath, split.bodyLineOffset + error.line, 'liquid', error.detail));
    }
  }
  const results = await runBodyJobs(
    prepared.map((page) => ({
      body: page.body,
      relativePath: page.relativePath,
      dialect: options.dialect,
      documentUrl: page.jekyllUrl,
      facts: true,
      html: true,
    })),
  );
  if (options.drawDiagrams) await drawResultDiagrams(results);
  const pages: LoadedPage[] = [];
  prepared.forEach(({ body: _body, ...page }, index) => {
    const result = results[index]!;
    for (const found of result.problems ?? [])
      problems.push(
        problem(
          page.sourcePath,
          page.bodyLineOffset + sourceLine(page, found.line),
          found.field,
          found.message,
          found.severity,
        ),
      );
    if (result.html !== undefined && result.facts)
      pages.push({
        ...page,
        html: result.html,
        links: result.facts.links,
        anchors: result.facts.anchors,
      });
  });
  return { pages, notCarried, moved, problems };
}
