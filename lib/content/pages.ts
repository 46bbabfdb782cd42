/**
 * A Jekyll site's markdown pages (`about.md`, `projects/index.md`): front matter with the site's defaults for
 * pages, Liquid, the one markdown pipeline, and a URL — the one Jekyll gave the page when it ends in "/", else
 * that URL as a folder (`/about.html` becomes `/about/`, and the old URL redirects). The home page, and a page
 * whose URL is one of the site's own routes, stay ours: reported, not carried over.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { problem, type Problem } from '../build/problems';
import type { JekyllConfig } from '../jekyll/config';
import { frontMatterDefaults } from '../jekyll/defaults';
import { jekyllPageUrl, jekyllTitleFromSlug } from '../jekyll/permalink';
import { runBodyJobs } from './body-jobs';
import { fieldLine, parseFrontMatter, splitFrontMatter } from './front-matter';
import { LiquidProblem, sourceLine, type LiquidRenderer } from './liquid';
import type { MarkdownDialect } from '../markdown/dialect';
import type { PostLink } from '../markdown/links';
import { permalinkProblem, postSizeProblem, quoted } from './rules';
import { redirectTo } from './post-fields';
import type { MovedDocument } from './source';

export interface LoadedPage {
  /** Relative to the site root. */
  relativePath: string;
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

export interface PageSourceOptions {
  contentDir: string;
  displayDir: string;
  config: JekyllConfig;
  liquid: LiquidRenderer;
  dialect: MarkdownDialect;
}

/** Reads, renders and places every markdown page; what is not carried over is in `notCarried`. */
export async function loadJekyllPages(
  relativePaths: readonly string[],
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
  for (const relativePath of relativePaths) {
    const sourcePath = path.join(options.displayDir, relativePath);
    const tooBig = postSizeProblem(statSync(path.join(options.contentDir, relativePath)).size);
    if (tooBig) {
      problems.push(problem(sourcePath, 1, 'file', tooBig));
      continue;
    }
    const text = readFileSync(path.join(options.contentDir, relativePath), 'utf8')
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n');
    const split = splitFrontMatter(text);
    if (!split) continue; // sorted as a page because it starts with "---": an unclosed block is text
    const defaults = frontMatterDefaults(options.config.defaults, relativePath, 'pages');
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
    const jekyllUrl = jekyllPageUrl({
      relativePath,
      sitePermalink: options.config.permalink,
      ...(typeof data.permalink === 'string' ? { pagePermalink: data.permalink } : {}),
    });
    const url = ownPageUrl(jekyllUrl);
    const first = url.split('/')[1] ?? '';
    // A site's 404 page (404.md at /404.html, as GitHub Pages wants it): this site has its own.
    const notFoundPage = jekyllUrl === '/404.html' || url === '/404/';
    if (
      url === '/' ||
      notFoundPage ||
      RESERVED_FIRST_SEGMENTS.has(first) ||
      permalinkProblem(url)
    ) {
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
          `its URL ${quoted(url)} is also the URL of ${path.join(options.displayDir, other)}; give one of them another permalink`,
        ),
      );
      continue;
    }
    pageAt.set(url, relativePath);
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
    prepared.push({
      relativePath,
      sourcePath,
      title:
        data.title?.trim() || jekyllTitleFromSlug(fileName === 'index' ? folderName : fileName),
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
