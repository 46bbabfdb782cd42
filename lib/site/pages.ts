/**
 * The only door to the site's markdown pages, its own and a Jekyll site's (lib/content/pages.ts, typed by
 * contentlayer): the page route, the header's navigation, the sitemap and the redirects read them here.
 */
import { allPages } from 'contentlayer/generated';
import { siteConfig, type NavItem } from '@/site.config';
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
  /** Its label in the header's navigation, when it is there. */
  nav?: string;
  navOrder?: number;
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
    ...(page.nav ? { nav: page.nav } : {}),
    ...(page.navOrder !== undefined ? { navOrder: page.navOrder } : {}),
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

/** The header's links: site.config.ts's `nav`, then the pages that ask to be there, by `nav_order`, then label. */
export function siteNav(): NavItem[] {
  const pageItems = pages
    .filter((page) => page.nav)
    .sort(
      (a, b) => (a.navOrder ?? Infinity) - (b.navOrder ?? Infinity) || a.nav!.localeCompare(b.nav!),
    )
    .map((page) => ({ label: page.nav!, href: page.url }));
  return [...siteConfig.nav, ...pageItems];
}
