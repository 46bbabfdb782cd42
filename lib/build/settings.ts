/**
 * The environment variables the site reads, validated where they are read
 * (site.config.ts is the one caller in the site): a value that would build a
 * broken or unsafe site (a base path with markup, a relative SITE_URL, a page
 * size of -1) stops the build with one message naming the variable, its value
 * and what is allowed. Pure apart from `cwd`: unit-tested without spawning.
 */
import path from 'node:path';

/** A setting that cannot be used; its message is the whole report (no stack is needed to act on it). */
export class SettingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingError';
  }
}

/** What the environment sets; `undefined` where it sets nothing, so site.config.ts keeps the defaults. */
export interface EnvSettings {
  /** Origin without a trailing slash: `https://www.example.com`. */
  baseUrl?: string;
  /** `''` or `/blog` (segments without slashes at either end). */
  basePath?: string;
  postsPerPage?: number;
  contentDir?: string;
  /** PAGES_DIR: the folder of the site's own markdown pages (About…); default content/pages. */
  pagesDir?: string;
  showDrafts?: boolean;
  jekyllRedirects?: boolean;
  showFuture?: boolean;
  /** JEKYLL_ENV: Liquid's `jekyll.environment`, as Jekyll reads it. */
  jekyllEnvironment?: string;
  /** EDIT_URL: where a post's source is edited, `{path}` standing for its path in the content folder. */
  editUrl?: string;
}

export const POSTS_PER_PAGE_MAX = 1000;

type Env = Readonly<Record<string, string | undefined>>;

/** The value as the message quotes it: JSON, so spaces, quotes and control characters show. */
const quoted = (value: string) => JSON.stringify(value);

/** A variable set to nothing counts as unset, as shells and CI files often pass blank variables. */
const valueOf = (env: Env, name: string) =>
  env[name] === undefined || env[name] === '' ? undefined : env[name];

/** SITE_URL: an absolute http(s) origin. A path is refused rather than guessed at: the sub-path is BASE_PATH's. */
export function parseSiteUrl(raw: string, name = 'SITE_URL'): string {
  const fail = (why: string): never => {
    throw new SettingError(
      `${name}: ${quoted(raw)} ${why}; use an origin such as https://www.example.com (a sub-path goes in BASE_PATH)`,
    );
  };
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return fail('is not an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') fail('is not an http or https URL');
  if (!url.hostname) fail('has no host name');
  if (url.username || url.password) fail('carries a user name or password');
  if (url.pathname !== '/' || url.search || url.hash || /[?#]/.test(raw))
    fail('is not just an origin (it has a path, query or fragment)');
  return url.origin;
}

/** Characters a base path segment may hold: RFC 3986's unreserved ones, which need no escaping in any URL, HTML or XML. */
const BASE_PATH_SEGMENT = /^[A-Za-z0-9._~-]+$/;

/** BASE_PATH: `/blog`, `blog/`, `/a/b`; `''` for the root. */
export function parseBasePath(raw: string, name = 'BASE_PATH'): string {
  const trimmed = raw.trim().replace(/^\/+|\/+$/g, '');
  if (!trimmed) return '';
  const segments = trimmed.split('/');
  if (
    segments.every(
      (segment) => BASE_PATH_SEGMENT.test(segment) && segment !== '.' && segment !== '..',
    )
  )
    return `/${segments.join('/')}`;
  throw new SettingError(
    `${name}: ${quoted(raw)} is not a usable base path; use letters, digits, "-", "_", "." and "~" in segments like /blog or /docs/blog (no empty, "." or ".." segments)`,
  );
}

/** POSTS_PER_PAGE: a whole number from 1 to 1000 (more would make one page of thousands of posts). */
export function parsePostsPerPage(raw: string, name = 'POSTS_PER_PAGE'): number {
  const value = raw.trim();
  const count = /^\d{1,7}$/.test(value) ? Number(value) : NaN;
  if (count >= 1 && count <= POSTS_PER_PAGE_MAX) return count;
  throw new SettingError(
    `${name}: ${quoted(raw)} is not a number of posts per page; use a whole number from 1 to ${POSTS_PER_PAGE_MAX}`,
  );
}

/**
 * CONTENT_DIR: a folder, relative to `cwd` or absolute, outside public/ (whose files are all published as
 * they are, and whose content-assets/ the build rewrites: posts there would be published raw, or deleted).
 */
export function parseContentDir(raw: string, cwd: string, name = 'CONTENT_DIR'): string {
  const value = raw.trim();
  if (!value || value.includes('\0')) {
    throw new SettingError(
      `${name}: ${quoted(raw)} is not a folder name; use a folder such as content/posts or /path/to/_posts`,
    );
  }
  const publicDir = path.resolve(cwd, 'public');
  const relative = path.relative(publicDir, path.resolve(cwd, value));
  if (!relative.startsWith('..') && !path.isAbsolute(relative)) {
    throw new SettingError(
      `${name}: ${quoted(raw)} is inside public/, whose files are published as they are; keep posts in a folder outside public/, such as content/posts`,
    );
  }
  return value;
}

/**
 * EDIT_URL: an https URL with `{path}` where the post's file goes, relative to the content folder, such as
 * https://github.com/me/blog/edit/main/content/posts/{path}.
 */
export function parseEditUrl(raw: string): string {
  const value = raw.trim();
  let valid = false;
  try {
    valid = new URL(value.replace('{path}', 'x')).protocol === 'https:';
  } catch {
    valid = false;
  }
  if (!valid || !value.includes('{path}') || /[\s"<>]/.test(value))
    throw new SettingError(
      `EDIT_URL: ${quoted(raw)} is not an https URL with {path}; use one such as https://github.com/me/blog/edit/main/content/posts/{path}`,
    );
  return value;
}

/** A switch: `1` on, `0` off. Anything else is refused rather than read as off ("true" would silently be off). */
export function parseFlag(raw: string, name: string): boolean {
  if (raw === '1') return true;
  if (raw === '0') return false;
  throw new SettingError(
    `${name}: ${quoted(raw)} is not a switch; use 1 (on) or 0 (off), or leave it unset`,
  );
}

/** Every setting the environment gives, validated; throws SettingError on the first unusable one. */
export function readSettings(env: Env, cwd = process.cwd()): EnvSettings {
  const read = <T>(name: string, parse: (raw: string) => T): T | undefined => {
    const raw = valueOf(env, name);
    return raw === undefined ? undefined : parse(raw);
  };
  return {
    baseUrl: read('SITE_URL', (raw) => parseSiteUrl(raw)),
    basePath: read('BASE_PATH', (raw) => parseBasePath(raw)),
    postsPerPage: read('POSTS_PER_PAGE', (raw) => parsePostsPerPage(raw)),
    contentDir: read('CONTENT_DIR', (raw) => parseContentDir(raw, cwd)),
    pagesDir: read('PAGES_DIR', (raw) => parseContentDir(raw, cwd, 'PAGES_DIR')),
    showDrafts: read('SHOW_DRAFTS', (raw) => parseFlag(raw, 'SHOW_DRAFTS')),
    jekyllRedirects: read('JEKYLL_REDIRECTS', (raw) => parseFlag(raw, 'JEKYLL_REDIRECTS')),
    showFuture: read('FUTURE', (raw) => parseFlag(raw, 'FUTURE')),
    jekyllEnvironment: read('JEKYLL_ENV', (raw) => {
      if (/^[\w.-]{1,40}$/.test(raw)) return raw;
      throw new SettingError(
        `JEKYLL_ENV: ${quoted(raw)} is not an environment name; use a word such as production or development`,
      );
    }),
    editUrl: read('EDIT_URL', parseEditUrl),
  };
}
