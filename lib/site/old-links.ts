/**
 * Links in a post's HTML to another post by an old URL (the URL Jekyll gave it, a `permalink`, a
 * `redirect_from`), root-relative or absolute with the site's own address, rewritten to the post's URL, so
 * readers never take the redirect's hop. The redirects stay for links from outside. Pure.
 */
import { withoutBasePath } from '../markdown/base-path';

const LINK_ATTRIBUTE = /(\shref=")([^"]*)"/g;

export interface OldLinkSite {
  /** Old path (decoded, no base path) to the post's URL. */
  oldUrls: ReadonlyMap<string, string>;
  /** The site's origin (`https://example.org`) and base path (`/blog` or ''). */
  origin: string;
  basePath: string;
}

/** The post URL an href leads to through an old URL, with its #fragment, or undefined. */
export function movedTarget(href: string, site: OldLinkSite): string | undefined {
  let url = href.replaceAll('&#x26;', '&').replaceAll('&amp;', '&');
  if (site.origin && url.startsWith(`${site.origin}/`)) url = url.slice(site.origin.length);
  if (!url.startsWith('/') || url.startsWith('//')) return undefined;
  const hashAt = url.indexOf('#');
  const hash = hashAt < 0 ? '' : url.slice(hashAt);
  const pathPart = (hashAt < 0 ? url : url.slice(0, hashAt)).split('?')[0]!;
  let decoded: string;
  try {
    decoded = decodeURI(pathPart);
  } catch {
    return undefined;
  }
  const target = site.oldUrls.get(withoutBasePath(decoded, site.basePath));
  return target === undefined ? undefined : `${target}${hash}`;
}

export function rewriteOldLinks(html: string, site: OldLinkSite): string {
  if (site.oldUrls.size === 0) return html;
  return html.replace(LINK_ATTRIBUTE, (whole, start: string, href: string) => {
    const target = movedTarget(href, site);
    return target === undefined ? whole : `${start}${target.replaceAll('&', '&#x26;')}"`;
  });
}
