/**
 * Root-relative URLs in post HTML (`/posts/x/`, `/images/a.png`) carry the base
 * path when the site is served under one. Post HTML is built without it, so the
 * cached HTML stays valid whatever BASE_PATH a build uses.
 */
export function withBasePath(html: string, basePath: string): string {
  if (!basePath) return html;
  // A URL that already starts with the base path (Liquid's `relative_url`, `{{ site.baseurl }}`, or a
  // link written for Jekyll's baseurl) is left as it is.
  const segment = basePath.slice(1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const rootRelative = new RegExp(`(\\s(?:src|href|poster)=")\\/(?!\\/|${segment}(?:[/"?#]))`, 'g');
  const own = new RegExp(`^\\/(?!\\/|${segment}(?:[/?#]|$))`);
  return inSrcsets(html.replace(rootRelative, `$1${basePath}/`), (url) =>
    own.test(url) ? `${basePath}${url}` : url,
  );
}

/** Each URL of every `srcset` (a list: `/a-640.avif 640w, /a-1280.avif 1280w`) through `rewrite`. */
function inSrcsets(html: string, rewrite: (url: string) => string): string {
  return html.replace(
    /(\ssrcset=")([^"]*)"/g,
    (_match, start: string, list: string) =>
      `${start}${list
        .split(',')
        .map((candidate) =>
          candidate.replace(
            /^(\s*)(\S+)/,
            (_all, space: string, url: string) => `${space}${rewrite(url)}`,
          ),
        )
        .join(',')}"`,
  );
}

/**
 * A root-relative path without the base path it was written with (Liquid's `relative_url`, a link written for
 * Jekyll's baseurl); any other path as it is.
 */
export function withoutBasePath(pathname: string, basePath: string): string {
  if (!basePath) return pathname;
  if (pathname === basePath) return '/';
  return pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : pathname;
}

/**
 * Absolute URLs for HTML read outside the site (feeds): root-relative links and
 * sources get the origin, in-page anchors the page's own URL.
 */
export function absolutizeUrls(html: string, origin: string, pageUrl: string): string {
  return inSrcsets(
    html
      .replace(/(\s(?:src|href|poster)=")\/(?!\/)/g, `$1${origin}/`)
      .replace(/(\shref=")#/g, `$1${pageUrl}#`),
    (url) => (/^\/(?!\/)/.test(url) ? `${origin}${url}` : url),
  );
}
