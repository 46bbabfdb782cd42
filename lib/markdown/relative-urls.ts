/**
 * Relative URLs of a Jekyll site's documents (`<img src="pic.png">`, `[next](../other/)`) were written for the
 * URL Jekyll gave the document, where the browser resolved them. Here the document has another URL
 * (`/posts/x/`), so they are resolved once, against the old URL, into root-relative paths: the image still
 * loads and the link still leads where it did. Pure; applied to the rendered HTML and by the link check.
 */

/** Not relative: a scheme (`https:`, `mailto:`, `data:`), root-relative, protocol-relative, `#…` or `?…`. */
const NOT_RELATIVE = /^(?:[a-z][a-z0-9+.-]*:|[/#?])/i;

/** The folder a URL's relative references resolve in: the URL itself when it ends in "/", else its parent. */
function folderOf(documentUrl: string): string {
  return documentUrl.slice(0, documentUrl.lastIndexOf('/') + 1) || '/';
}

/**
 * A relative reference resolved against a document URL (root-relative, decoded or encoded alike) as a
 * browser resolves it, with its query and fragment; undefined when the reference is not relative.
 */
export function resolveRelative(reference: string, documentUrl: string): string | undefined {
  const trimmed = reference.trim();
  if (!trimmed || NOT_RELATIVE.test(trimmed)) return undefined;
  const base = new URL(`http://site.invalid${encodeURI(folderOf(documentUrl))}`);
  const resolved = new URL(trimmed, base);
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}

/** A start tag: text inside code is escaped (`&#x3C;a href="x"`), so what looks like a tag there is none. */
const START_TAG = /<[a-z][a-z0-9-]*\s[^<>]*>/gi;
const URL_ATTRIBUTE = /(\s(?:src|href|poster)\s*=\s*)(?:"([^"]*)"|'([^']*)')/gi;

/** The HTML with every relative `src`, `href` and `poster` of its tags resolved against the document's old URL. */
export function resolveRelativeUrls(html: string, documentUrl: string): string {
  return html.replace(START_TAG, (tag) =>
    tag.replace(URL_ATTRIBUTE, (whole, start: string, double?: string, single?: string) => {
      const value = double ?? single ?? '';
      // The HTML's `&` is `&#x26;` or `&amp;`: read and written back as such.
      const decoded = value.replaceAll('&#x26;', '&').replaceAll('&amp;', '&');
      const resolved = resolveRelative(decoded, documentUrl);
      return resolved === undefined ? whole : `${start}"${resolved.replaceAll('&', '&#x26;')}"`;
    }),
  );
}
