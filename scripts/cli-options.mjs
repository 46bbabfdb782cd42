/**
 * What the plain Node scripts (serve, nginx-server, lighthouse) read from their command line and environment.
 * They cannot import TypeScript, so BASE_PATH is normalised here as lib/build/settings.ts parseBasePath
 * does (which also validates it); tests/scripts/cli-options.test.ts keeps the two alike.
 */

/** The value after `--name` on the command line, else the fallback. */
export function optionValue(name, fallback) {
  const args = process.argv.slice(2);
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
}

/** `/blog` from `blog/`, `/blog` or ` /blog/ `; '' for the root. */
export function normalizeBasePath(raw) {
  const trimmed = raw.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}` : '';
}
