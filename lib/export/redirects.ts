/**
 * Redirect pages for old URLs: each post's `permalink:` and, with the site
 * config's `jekyllRedirects`, Jekyll's default permalink
 * `/:categories/:year/:month/:day/:title.html`. Pure, so the rules are unit-tested.
 */
import { ContentError, permalinkProblem, quoted } from '../content/rules';
import { escapeHtml } from '../site/format';
import type { PostListItem } from '../site/post-index';

export interface RedirectSource {
  url: string;
  sourcePath: string;
  /** File name without the date prefix, as Jekyll's :title (or the front-matter slug). */
  slug: string;
  day: string;
  /** Category names as the post writes them. */
  categoryNames: string[];
  permalink?: string | null;
}

/** A published post as the redirects read it: its place in the index, its categories as written, its permalink. */
export function redirectSource(
  post: PostListItem,
  categoryNames: string[],
  permalink: string | null | undefined,
): RedirectSource {
  return {
    url: post.url,
    sourcePath: post.sourcePath,
    slug: post.slug,
    day: post.date.day,
    categoryNames,
    permalink,
  };
}

export interface Redirect {
  /** Path of the redirect page, e.g. `/devops/2019/05/20/moved-post.html` or `/old/` */
  from: string;
  /** The post's URL (root-relative, no base path). */
  to: string;
  sourcePath: string;
}

/**
 * Jekyll's `/:categories/:year/:month/:day/:title.html`: categories lowercased and joined with "/", then
 * cleaned as Jekyll cleans a URL (`..` becomes "/", `./` goes, repeated slashes become one), so a category
 * such as `../../tmp` gives `/tmp/…` inside the site, as on Jekyll.
 */
export function jekyllDefaultPermalink(post: RedirectSource): string {
  const [year, month, day] = post.day.split('-');
  const categories = [...new Set(post.categoryNames.map((name) => name.toLowerCase()))];
  const url = `/${[...categories, year, month, day].join('/')}/${post.slug}.html`;
  return url
    .replaceAll('..', '/')
    .replaceAll('./', '')
    .replace(/\/{2,}/g, '/');
}

function checkedPermalink(post: RedirectSource, permalink: string): string {
  const problem = permalinkProblem(permalink);
  if (problem)
    throw new ContentError(post.sourcePath, 'permalink', `${quoted(permalink)} ${problem}`);
  return permalink.trim();
}

/** Every redirect to write; fails on two posts claiming one old URL, or an old URL that is a page of the site. */
export function buildRedirects(
  posts: RedirectSource[],
  options: { jekyllRedirects: boolean },
): Redirect[] {
  const byPath = new Map<string, Redirect>();
  const pageUrls = new Set(posts.map((post) => post.url));
  const add = (post: RedirectSource, from: string, explicit: boolean) => {
    if (from === post.url || pageUrls.has(from)) {
      if (explicit && from !== post.url)
        throw new ContentError(
          post.sourcePath,
          'permalink',
          `"${from}" is the URL of another post`,
        );
      return;
    }
    const other = byPath.get(from);
    if (other && other.to !== post.url) {
      if (!explicit) return; // a generated Jekyll URL never displaces another post's
      throw new ContentError(
        post.sourcePath,
        'permalink',
        `"${from}" is also the old URL of ${other.sourcePath}`,
      );
    }
    byPath.set(from, { from, to: post.url, sourcePath: post.sourcePath });
  };
  for (const post of posts)
    if (post.permalink) add(post, checkedPermalink(post, post.permalink), true);
  if (options.jekyllRedirects) {
    for (const post of posts) {
      const from = jekyllDefaultPermalink(post);
      // A category that makes no valid path (a control character, "?") gives no redirect: the check reported it.
      if (!permalinkProblem(from)) add(post, from, false);
    }
  }
  return [...byPath.values()].sort((a, b) => a.from.localeCompare(b.from));
}

/** The file in the export that serves a path: `/a/b.html` as is, `/a/` (or `/a`) as `/a/index.html`. */
export function redirectFile(from: string): string {
  if (from.endsWith('/')) return `${from}index.html`;
  return /\.[a-z0-9]+$/i.test(from) ? from : `${from}/index.html`;
}

/** A redirect page for any static host: immediate meta refresh, canonical link, a plain link, not indexed. */
export function redirectHtml(
  targetHref: string,
  canonicalUrl: string,
  siteTitle: string,
  iconHref: string,
): string {
  const href = escapeHtml(targetHref);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Moved · ${escapeHtml(siteTitle)}</title>
<meta name="robots" content="noindex, follow">
<meta http-equiv="refresh" content="0; url=${href}">
<link rel="canonical" href="${escapeHtml(canonicalUrl)}">
<link rel="icon" href="${escapeHtml(iconHref)}" type="image/svg+xml">
<meta name="viewport" content="width=device-width, initial-scale=1">
</head>
<body>
<p>This post has moved to <a href="${href}">${escapeHtml(canonicalUrl)}</a>.</p>
</body>
</html>
`;
}
