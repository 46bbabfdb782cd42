/**
 * Root-relative URLs in post HTML (`/posts/x/`, `/images/a.png`) carry the base
 * path when the site is served under one. Post HTML is built without it, so the
 * cached HTML stays valid whatever BASE_PATH a build uses.
 */
export function withBasePath(html: string, basePath: string): string {
  if (!basePath) return html;
  return html.replace(/(\s(?:src|href|poster|srcset)=")\/(?!\/)/g, `$1${basePath}/`);
}
