/**
 * The only door to a Jekyll site's markdown pages (lib/content/pages.ts, typed by contentlayer): the page
 * route, the sitemap and the redirects read them here.
 */
import { allPages } from 'contentlayer/generated';
import { siteBodyHtml } from './posts';
import { PLACEHOLDER_PAGE } from './urls';

export interface SitePage {
  /** Root-relative, ending in "/". */
  url: string;
  title: string;
  description: string;
  html: string;
  sitemap: boolean;
  sourcePath: string;
  /** The URL Jekyll gave it and the author's `redirect_from`: redirected to `url`. */
  jekyllUrl: string;
  oldUrls: string[];
}

const pages: SitePage[] = allPages
  .map((page) => ({
    url: page.pageUrl,
    title: page.title,
    description: page.description,
    html: siteBodyHtml(page.html),
    sitemap: page.sitemap,
    sourcePath: page.sourcePath,
    jekyllUrl: page.jekyllUrl,
    oldUrls: page.oldUrls,
  }))
  .sort((a, b) => a.url.localeCompare(b.url));
const pageByUrl = new Map(pages.map((page) => [page.url, page]));

export function getPages(): SitePage[] {
  return pages;
}

/** The page at `/a/b/` from the route's segments `['a', 'b']`. */
export function getPage(segments: readonly string[]): SitePage | undefined {
  return pageByUrl.get(`/${segments.map((segment) => decodeURIComponent(segment)).join('/')}/`);
}

/** The params of the page route; the placeholder when the site has no page (a static export needs one). */
export function pageParams(): { pagePath: string[] }[] {
  if (pages.length === 0) return [{ pagePath: [PLACEHOLDER_PAGE] }];
  return pages.map((page) => ({ pagePath: page.url.split('/').filter(Boolean) }));
}
