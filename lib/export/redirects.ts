/**
 * Redirect pages for old URLs: each post's `permalink:` and `redirect_from` (written by its author) and the URL
 * Jekyll gave it (computed by the content step, lib/jekyll/permalink.ts). Pure, so the rules are unit-tested.
 */
import { ContentError, permalinkProblem, quoted } from '../content/rules';
import { escapeHtml } from '../site/format';
import type { PostListItem } from '../site/post-index';

export interface RedirectSource {
  url: string;
  sourcePath: string;
  /** Old URLs the author wrote (`permalink`, `redirect_from`): each must be free. */
  oldUrls: readonly string[];
  /** The URL Jekyll gave the post ('' for none): kept unless a page or another post's old URL has it. */
  jekyllUrl: string;
  /** `url` is where the post or page moved (`redirect_to`), not a page of the site of its own. */
  moved?: boolean;
}

/** A published post as the redirects read it: its place in the index and its old URLs (staged fields). */
export function redirectSource(
  post: PostListItem,
  fields: { oldUrls?: readonly string[]; jekyllUrl?: string } | undefined,
): RedirectSource {
  return {
    url: post.url,
    sourcePath: post.sourcePath,
    oldUrls: fields?.oldUrls ?? [],
    jekyllUrl: fields?.jekyllUrl ?? '',
  };
}

export interface Redirect {
  /** Path of the redirect page, e.g. `/devops/2019/05/20/moved-post.html` or `/old/` */
  from: string;
  /** The post's URL (root-relative, no base path). */
  to: string;
  sourcePath: string;
  /** Written by the author (an error when taken) rather than computed (skipped when taken). */
  explicit: boolean;
}

function checkedPermalink(post: RedirectSource, permalink: string): string {
  const problem = permalinkProblem(permalink);
  if (problem)
    throw new ContentError(post.sourcePath, 'permalink', `${quoted(permalink)} ${problem}`);
  return permalink.trim();
}

/** Every redirect to write; fails on two posts claiming one old URL, or an old URL that is a page of the site. */
export function buildRedirects(posts: readonly RedirectSource[]): Redirect[] {
  const byPath = new Map<string, Redirect>();
  const pageUrls = new Set(posts.filter((post) => !post.moved).map((post) => post.url));
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
      if (!explicit) return; // a computed Jekyll URL never displaces another post's
      if (!other.explicit) {
        byPath.delete(from);
      } else
        throw new ContentError(
          post.sourcePath,
          'permalink',
          `"${from}" is also the old URL of ${other.sourcePath}`,
        );
    }
    byPath.set(from, { from, to: post.url, sourcePath: post.sourcePath, explicit });
  };
  for (const post of posts)
    for (const oldUrl of post.oldUrls) add(post, checkedPermalink(post, oldUrl), true);
  for (const post of posts) {
    // A Jekyll URL that makes no path of the export (a control character, "?") gives no redirect.
    if (post.jekyllUrl && !permalinkProblem(post.jekyllUrl)) add(post, post.jekyllUrl, false);
  }
  // A post moved to another's old URL goes straight to that post's URL: one hop, not two.
  for (const redirect of byPath.values()) {
    const onward = byPath.get(redirect.to);
    if (onward && onward.from !== redirect.from) redirect.to = onward.to;
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
