/**
 * The export's `_redirects` (one `FROM TO 301` line per old URL, paths URI-encoded,
 * base path included), read the same way by the CloudFront stack, its tests and the
 * nginx setup. Dependency-free so plain Node scripts can import it.
 */

/**
 * The form an old URL is looked up by: percent-decoded, then encoded as encodeURI
 * does, so `%c3%a9`, `%C3%A9` and a raw `é` all find the same key. The CloudFront
 * function applies the same rule to the request URI.
 * @param {string} path
 */
export function redirectKey(path) {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A malformed escape is kept as sent; it simply matches no redirect.
  }
  return encodeURI(decoded);
}

/**
 * @param {string} text the contents of `_redirects`
 * @param {string} [source] the file name, for error messages
 * @returns {{ from: string, to: string, status: number }[]}
 */
export function parseRedirects(text, source = '_redirects') {
  const redirects = [];
  const seen = new Map();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const where = `${source}:${index + 1}`;
    const fields = line.split(/\s+/);
    if (fields.length !== 3) throw new Error(`${where}: expected "FROM TO 301", got "${line}"`);
    const [from, to, status] = /** @type {[string, string, string]} */ (fields);
    if (status !== '301')
      throw new Error(`${where}: only 301 redirects are supported, got ${status}`);
    // A target off the site (a post moved with `redirect_to: https://…`) is a whole http(s) URL.
    if (!from.startsWith('/') || !(to.startsWith('/') || /^https?:\/\/\S+$/i.test(to)))
      throw new Error(
        `${where}: both paths must start with "/" (the target may be an http(s) URL)`,
      );
    const key = redirectKey(from);
    const earlier = seen.get(key);
    if (earlier !== undefined)
      throw new Error(`${where}: "${from}" is already redirected on line ${earlier}`);
    seen.set(key, index + 1);
    redirects.push({ from, to, status: 301 });
  });
  return redirects;
}

/** Characters nginx would read as syntax inside a quoted string. */
const quote = (/** @type {string} */ value) => `"${value.replace(/[\\"]/g, '\\$&')}"`;

/**
 * An nginx `map $uri …` body: nginx compares the decoded, normalized `$uri`, so keys
 * are decoded; values are the encoded targets (a `$` would start a variable, so it is
 * escaped as %24). A folder URL also gets its form without the trailing slash.
 * @param {{ from: string, to: string }[]} redirects
 */
export function nginxRedirectMap(redirects) {
  const lines = [
    "# Generated from the export's _redirects by deploy/nginx-redirects.mjs; do not edit.",
  ];
  for (const { from, to } of redirects) {
    const decoded = decodeURIComponent(redirectKey(from));
    const target = quote(to.replaceAll('$', '%24'));
    lines.push(`${quote(decoded)} ${target};`);
    if (decoded.length > 1 && decoded.endsWith('/'))
      lines.push(`${quote(decoded.slice(0, -1))} ${target};`);
  }
  return `${lines.join('\n')}\n`;
}
