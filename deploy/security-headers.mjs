/**
 * The security headers of every response, built in this one place for every host (the CloudFront
 * stack, the nginx snippet, their tests): deploy/security-headers.json, with the hashes of the export's
 * own inline scripts added to the CSP's `script-src`. The build writes those hashes to
 * `<export>/_csp-script-hashes.json` (lib/export/csp.ts), so the header always fits the export it is served with.
 * Dependency-free so plain Node scripts can import it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SECURITY_HEADERS_FILE = fileURLToPath(
  new URL('./security-headers.json', import.meta.url),
);

/** In the export, beside `_redirects`: not a page, and not uploaded to S3 (deploy/aws/lib/deploy-plan.ts). */
export const SCRIPT_HASHES_FILE = '_csp-script-hashes.json';

/** A CSP hash source without its quotes: `sha256-` and the base64 of 32 bytes. */
const SHA256_SOURCE = /^sha256-[A-Za-z0-9+/]{43}=$/;

/** Directives whose sources decide which inline <script> elements run. */
const SCRIPT_DIRECTIVES = new Set(['script-src', 'script-src-elem']);

/**
 * deploy/security-headers.json as header name -> value; a Content-Security-Policy written as a list of
 * directives is joined with "; ".
 * @param {string} [file]
 * @returns {Record<string, string>}
 */
export function loadSecurityHeaders(file = SECURITY_HEADERS_FILE) {
  const raw = /** @type {Record<string, unknown>} */ (JSON.parse(readFileSync(file, 'utf8')));
  /** @type {Record<string, string>} */
  const headers = {};
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value) && value.every((item) => typeof item === 'string'))
      headers[name] = value.join('; ');
    else if (typeof value === 'string') headers[name] = value;
    else throw new Error(`${file}: "${name}" must be a string or a list of strings`);
  }
  return headers;
}

/**
 * The hash sources (`sha256-…`, unquoted) of the export's inline scripts. An export without the file
 * was not built by this project's post-export step: serving it with this policy would block its theme
 * script, so that is an error, not an empty list.
 * @param {string} siteDir
 * @returns {string[]}
 */
export function readScriptHashes(siteDir) {
  const file = path.join(siteDir, SCRIPT_HASHES_FILE);
  if (!existsSync(file)) {
    throw new Error(
      `${file} is missing: the export's inline script hashes are written by the build (npm run build), and the CSP allows no inline script without them`,
    );
  }
  const parsed = /** @type {{ scripts?: { hash?: unknown }[] }} */ (
    JSON.parse(readFileSync(file, 'utf8'))
  );
  if (!Array.isArray(parsed.scripts))
    throw new Error(`${file}: expected {"scripts": [{"hash": "sha256-…"}, …]}`);
  return parsed.scripts.map(({ hash }, index) => {
    if (typeof hash !== 'string' || !SHA256_SOURCE.test(hash))
      throw new Error(
        `${file}: scripts[${index}].hash is not a sha256 source: ${JSON.stringify(hash)}`,
      );
    return hash;
  });
}

/**
 * The policy with each hash added (quoted) to `script-src`, and to `script-src-elem` when the policy has
 * one (it then decides for <script> elements). Without hashes the policy is unchanged.
 * @param {string} policy
 * @param {readonly string[]} hashes
 */
export function policyWithScriptHashes(policy, hashes) {
  if (hashes.length === 0) return policy;
  const sources = hashes.map((hash) => `'${hash}'`).join(' ');
  let added = false;
  const directives = policy.split(';').map((directive) => {
    const name = directive.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
    if (!SCRIPT_DIRECTIVES.has(name)) return directive.trim();
    added = true;
    return `${directive.trim()} ${sources}`;
  });
  if (!added)
    throw new Error(
      `the Content-Security-Policy has no script-src directive to add ${hashes.length} inline script hashes to`,
    );
  return directives.filter(Boolean).join('; ');
}

/**
 * @param {Record<string, string>} headers
 * @param {readonly string[]} hashes
 * @returns {Record<string, string>}
 */
export function withScriptHashes(headers, hashes) {
  const name = Object.keys(headers).find((key) => key.toLowerCase() === 'content-security-policy');
  if (!name) return { ...headers };
  return {
    ...headers,
    [name]: policyWithScriptHashes(/** @type {string} */ (headers[name]), hashes),
  };
}

/** Directives a third-party service of the site may add sources to (lib/site/third-party.ts). */
const SOURCE_DIRECTIVES = new Set([
  'script-src',
  'style-src',
  'img-src',
  'connect-src',
  'frame-src',
]);
/** An https origin, or a wildcard of one (`https://*.example.com`): nothing else is accepted from the file. */
const HTTPS_SOURCE = /^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(:\d{1,5})?$/i;

/**
 * The CSP sources the site's third-party services need (comments, analytics), by directive, as the build wrote
 * them beside the script hashes: `{"sources": {"script-src": ["https://giscus.app"], …}}`. None when the site
 * turned none on (or the export predates them).
 * @param {string} siteDir
 * @returns {Record<string, string[]>}
 */
export function readCspSources(siteDir) {
  const file = path.join(siteDir, SCRIPT_HASHES_FILE);
  const parsed = /** @type {{ sources?: unknown }} */ (JSON.parse(readFileSync(file, 'utf8')));
  if (parsed.sources === undefined) return {};
  if (
    typeof parsed.sources !== 'object' ||
    parsed.sources === null ||
    Array.isArray(parsed.sources)
  )
    throw new Error(`${file}: "sources" must map directives to lists of https origins`);
  /** @type {Record<string, string[]>} */
  const sources = {};
  for (const [directive, list] of Object.entries(parsed.sources)) {
    if (!SOURCE_DIRECTIVES.has(directive))
      throw new Error(
        `${file}: sources for "${directive}", which no service of the site may widen (${[...SOURCE_DIRECTIVES].join(', ')})`,
      );
    if (
      !Array.isArray(list) ||
      !list.every((item) => typeof item === 'string' && HTTPS_SOURCE.test(item))
    )
      throw new Error(
        `${file}: sources["${directive}"] must be https origins, got ${JSON.stringify(list)}`,
      );
    sources[directive] = list;
  }
  return sources;
}

/**
 * The policy with `sources` added, directive by directive. A directive the policy lacks is written with
 * `default-src`'s sources first, so adding `frame-src https://giscus.app` does not take `'self'` away from frames.
 * @param {string} policy
 * @param {Record<string, readonly string[]>} sources
 */
export function policyWithSources(policy, sources) {
  const directives = policy
    .split(';')
    .map((directive) => directive.trim())
    .filter(Boolean);
  const nameOf = (/** @type {string} */ directive) =>
    directive.split(/\s+/)[0]?.toLowerCase() ?? '';
  const defaults = directives.find((directive) => nameOf(directive) === 'default-src');
  for (const [name, added] of Object.entries(sources)) {
    if (added.length === 0) continue;
    const at = directives.findIndex((directive) => nameOf(directive) === name);
    const current =
      at >= 0 ? directives[at] : `${name}${defaults ? defaults.slice('default-src'.length) : ''}`;
    const present = new Set(current.split(/\s+/).slice(1));
    const widened = [current, ...added.filter((source) => !present.has(source))].join(' ');
    if (at >= 0) directives[at] = widened;
    else directives.push(widened);
  }
  return directives.join('; ');
}

/**
 * The headers an export is served with: deploy/security-headers.json plus the export's script hashes and the
 * sources of the services it turned on.
 * @param {Record<string, string>} headers
 * @param {string} siteDir
 * @returns {Record<string, string>}
 */
export function withSiteCsp(headers, siteDir) {
  const withHashes = withScriptHashes(headers, readScriptHashes(siteDir));
  const name = Object.keys(withHashes).find(
    (key) => key.toLowerCase() === 'content-security-policy',
  );
  if (!name) return withHashes;
  return {
    ...withHashes,
    [name]: policyWithSources(/** @type {string} */ (withHashes[name]), readCspSources(siteDir)),
  };
}

/**
 * The headers an export is served with: deploy/security-headers.json plus the export's script hashes and the
 * sources of its third-party services.
 * @param {string} siteDir
 * @param {string} [file] the security headers file
 */
export function siteSecurityHeaders(siteDir, file = SECURITY_HEADERS_FILE) {
  return withSiteCsp(loadSecurityHeaders(file), siteDir);
}

/**
 * The headers as nginx `add_header … always;` lines (`always`: also on 301s and the 404 page), for
 * deploy/nginx.conf to include. Values that nginx would read otherwise than written (a quote, a
 * backslash, a `$` variable, a line break) are refused.
 * @param {Record<string, string>} headers
 */
export function nginxSecurityHeaders(headers) {
  const lines = [
    "# Generated by deploy/nginx-security-headers.mjs from deploy/security-headers.json and the export's",
    `# ${SCRIPT_HASHES_FILE}; do not edit: regenerate after every build.`,
  ];
  for (const [name, value] of Object.entries(headers)) {
    if (!/^[A-Za-z0-9-]+$/.test(name))
      throw new Error(`header name "${name}" is not a token nginx can send`);
    if (/["\\$\u0000-\u001f\u007f]/.test(value))
      throw new Error(
        `${name}: the value holds a quote, backslash, $ or control character, which nginx would not send as written`,
      );
    lines.push(`add_header ${name} "${value}" always;`);
  }
  return `${lines.join('\n')}\n`;
}
