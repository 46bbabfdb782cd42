/**
 * Internal links and images of posts, checked against what the export will
 * contain: post, category, listing and feed URLs, files under public/, files
 * beside the posts, and `#anchors` of the same or the linked post. External
 * links are not fetched. Pure over its inputs, so it is unit-tested directly.
 */
import { sourceLine } from './liquid';
import { resolveRelative } from '../markdown/relative-urls';
import { statSync } from 'node:fs';
import path from 'node:path';
import type { PostLink } from '../markdown/links';
import { withoutBasePath } from '../markdown/base-path';
import { problem, type Problem } from '../build/problems';
import { pathInsideOrUndefined } from '../build/safe-path';

/** A file inside `root` at `relativePath`; never one outside it, whatever the path says. */
function isFileInside(root: string, relativePath: string): boolean {
  const file = pathInsideOrUndefined(root, relativePath);
  try {
    return file !== undefined && statSync(file).isFile();
  } catch {
    return false;
  }
}

export interface CheckedPost {
  /** The author's file, as messages name it. */
  sourcePath: string;
  /** The post file relative to the content folder, for resolving relative paths. */
  relativePath: string;
  url: string;
  /** Line of the closing front-matter `---`: body line n is file line offset + n. */
  lineOffset: number;
  /** A Jekyll site's document: the URL its relative links were written for (lib/markdown/relative-urls.ts). */
  documentUrl?: string;
  /** Where Liquid moved the body's lines (lib/content/liquid.ts sourceLine). */
  sourceLines?: number[];
  links: PostLink[];
  anchors: string[];
}

export interface SiteFiles {
  /** Every page URL of the site (root-relative, trailing slash) and every generated file. */
  pages: Set<string>;
  /** The folder served at the site's root (public/): root-relative links may name its files. */
  publicDir: string;
  /** The content folder: relative links may name files beside the post. */
  contentDir: string;
  /** The site's base path: a link that already carries it (`{{ site.baseurl }}/…`, `relative_url`) is checked without it. */
  basePath?: string;
  /** A Jekyll site's static files, by their root-relative path (`/img/a.png`). */
  staticFiles?: ReadonlySet<string>;
  /** Old URLs of posts (Jekyll's, `permalink`, `redirect_from`) and the post each leads to. */
  oldUrls?: ReadonlyMap<string, string>;
  /** The site's own origin (`url`): absolute links to it are internal links, checked as such. */
  origin?: string;
  /** A Jekyll site's HTML pages built by its old theme, not carried over, by the path Jekyll gave them. */
  themePages?: ReadonlyMap<string, string>;
  /** A Jekyll site: Jekyll publishes broken links, so they are warnings, not errors. */
  brokenLinksAreWarnings?: boolean;
}

const EXTERNAL = /^([a-z][a-z0-9+.-]*:|\/\/)/i;
const JAVASCRIPT_URL =
  "a javascript: URL does not run: the site's Content-Security-Policy blocks it; use a <script> or a real link";

export function checkLinks(posts: CheckedPost[], site: SiteFiles): Problem[] {
  const anchorsByUrl = new Map(posts.map((post) => [post.url, new Set(post.anchors)]));
  const problems: Problem[] = [];
  for (const post of posts) {
    for (const link of post.links) {
      const found = problemWith(link.url, post, site, anchorsByUrl);
      if (!found) continue;
      const severity =
        found === JAVASCRIPT_URL || site.brokenLinksAreWarnings ? 'warning' : 'error';
      const field =
        found === JAVASCRIPT_URL ? 'link' : link.kind === 'image' ? 'missing image' : 'broken link';
      problems.push(
        problem(
          post.sourcePath,
          post.lineOffset + sourceLine(post, link.line),
          field,
          `"${link.url}": ${found}`,
          severity,
        ),
      );
    }
  }
  return problems;
}

function problemWith(
  url: string,
  post: CheckedPost,
  site: SiteFiles,
  anchorsByUrl: Map<string, Set<string>>,
): string | null {
  if (/^\s*javascript:/i.test(url)) return JAVASCRIPT_URL;
  if (site.origin && url.startsWith(`${site.origin}/`)) url = url.slice(site.origin.length);
  if (!url || EXTERNAL.test(url)) return null;
  const [withoutHash = '', hash] = url.split('#', 2);
  const target = withoutHash.split('?')[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURI(target);
  } catch {
    return 'not a valid URL';
  }

  if (decoded === '') return anchorProblem(hash, post.url, anchorsByUrl);
  // A Jekyll site's relative link leads where it led from the document's old URL.
  const fromOldUrl = post.documentUrl && resolveRelative(decoded, post.documentUrl);
  if (fromOldUrl) decoded = decodeURI(fromOldUrl);
  decoded = withoutBasePath(decoded, site.basePath ?? '');
  if (decoded.startsWith('/')) {
    // Resolved within the site: `/../../etc/passwd` is `/etc/passwd` of the site, as a browser reads it.
    decoded = path.posix.normalize(decoded);
    const page = decoded.endsWith('/') || path.posix.extname(decoded) ? decoded : `${decoded}/`;
    if (site.pages.has(page) || site.pages.has(decoded))
      return anchorProblem(hash, page, anchorsByUrl);
    const movedTo = site.oldUrls?.get(decoded);
    if (movedTo) return anchorProblem(hash, movedTo, anchorsByUrl);
    if (site.staticFiles?.has(decoded)) return null;
    if (isFileInside(site.publicDir, decoded)) return null;
    const themePage = site.themePages?.get(page) ?? site.themePages?.get(decoded);
    if (themePage)
      return `leads to ${themePage}, an HTML page of the old theme, which is not carried over`;
    return 'no page or file of the site has this path';
  }
  const relative = path.posix.normalize(
    path.posix.join(path.posix.dirname(post.relativePath), decoded),
  );
  if (relative.startsWith('../')) return 'points outside the content folder';
  return isFileInside(site.contentDir, relative) ? null : 'no such file beside the post';
}

function anchorProblem(
  hash: string | undefined,
  pageUrl: string,
  anchorsByUrl: Map<string, Set<string>>,
): string | null {
  if (!hash) return null;
  const anchors = anchorsByUrl.get(pageUrl);
  if (!anchors) return null; // not a post: listings have no author anchors to check
  let id: string;
  try {
    id = decodeURIComponent(hash);
  } catch {
    return 'not a valid anchor';
  }
  return anchors.has(id) ? null : `no heading or element with id "${id}" in ${pageUrl}`;
}
