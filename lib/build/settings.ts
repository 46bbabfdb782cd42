/**
 * The environment variables the site reads, validated where they are read
 * (site.config.ts is the one caller in the site): a value that would build a
 * broken or unsafe site (a base path with markup, a relative SITE_URL, a page
 * size of -1) stops the build with one message naming the variable, its value
 * and what is allowed. Pure apart from `cwd`: unit-tested without spawning.
 */
import path from 'node:path';
import {
  PLAUSIBLE_SCRIPT,
  UMAMI_CLOUD_SCRIPT,
  type AnalyticsSettings,
  type GiscusSettings,
} from '../site/third-party';

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
  /** GISCUS_REPO, GISCUS_REPO_ID, GISCUS_CATEGORY and GISCUS_CATEGORY_ID: giscus comments under each post. */
  comments?: GiscusSettings;
  /** PLAUSIBLE_DOMAIN (PLAUSIBLE_SRC), UMAMI_WEBSITE_ID (UMAMI_SRC), GA4_ID: each turns one service on. */
  analytics?: AnalyticsSettings[];
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

/**
 * giscus's four values, as giscus.app shows them for a repository: all or none. They end up in HTML attributes,
 * so each is held to the characters giscus uses.
 */
export function parseGiscus(env: Env): GiscusSettings | undefined {
  const values = {
    GISCUS_REPO: valueOf(env, 'GISCUS_REPO')?.trim(),
    GISCUS_REPO_ID: valueOf(env, 'GISCUS_REPO_ID')?.trim(),
    GISCUS_CATEGORY: valueOf(env, 'GISCUS_CATEGORY')?.trim(),
    GISCUS_CATEGORY_ID: valueOf(env, 'GISCUS_CATEGORY_ID')?.trim(),
  };
  const missing = Object.entries(values).filter(([, value]) => !value);
  if (missing.length === Object.keys(values).length) return undefined;
  if (missing.length > 0)
    throw new SettingError(
      `${missing.map(([name]) => name).join(', ')}: not set, and giscus needs all four of GISCUS_REPO, GISCUS_REPO_ID, GISCUS_CATEGORY and GISCUS_CATEGORY_ID (giscus.app gives them for your repository)`,
    );
  // All four are set past the check above.
  const repo = values.GISCUS_REPO ?? '';
  const repoId = values.GISCUS_REPO_ID ?? '';
  const category = values.GISCUS_CATEGORY ?? '';
  const categoryId = values.GISCUS_CATEGORY_ID ?? '';
  const check = (name: string, value: string, pattern: RegExp, example: string) => {
    if (!pattern.test(value)) throw new SettingError(`${name}: ${quoted(value)} is not ${example}`);
  };
  check('GISCUS_REPO', repo, /^[\w.-]{1,100}\/[\w.-]{1,100}$/, 'a repository such as owner/blog');
  check('GISCUS_REPO_ID', repoId, /^[\w-]{1,100}$/, 'an id such as R_kgDOExample');
  check(
    'GISCUS_CATEGORY',
    category,
    /^[^"<>&\u0000-\u001f]{1,100}$/,
    'a category name such as Announcements',
  );
  check('GISCUS_CATEGORY_ID', categoryId, /^[\w-]{1,100}$/, 'an id such as DIC_kwDOExample');
  return { repo, repoId, category, categoryId };
}

/** An analytics script's URL: https, no credentials, nothing an HTML attribute or a CSP source would misread. */
export function parseScriptUrl(raw: string, name: string): string {
  const value = raw.trim();
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || url.protocol !== 'https:' || url.username || url.password || /[\s"'<>;,]/.test(value))
    throw new SettingError(
      `${name}: ${quoted(raw)} is not an https URL of a script; use one such as https://analytics.example.com/script.js`,
    );
  return value;
}

/** Every analytics service the environment turns on, in a fixed order (Plausible, Umami, GA4). */
export function parseAnalytics(env: Env): AnalyticsSettings[] | undefined {
  const services: AnalyticsSettings[] = [];
  const plausibleDomain = valueOf(env, 'PLAUSIBLE_DOMAIN')?.trim();
  const plausibleSrc = valueOf(env, 'PLAUSIBLE_SRC');
  if (plausibleSrc !== undefined && !plausibleDomain)
    throw new SettingError('PLAUSIBLE_SRC: set without PLAUSIBLE_DOMAIN, which turns Plausible on');
  if (plausibleDomain) {
    if (!/^(?=.{1,253}$)[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(plausibleDomain))
      throw new SettingError(
        `PLAUSIBLE_DOMAIN: ${quoted(plausibleDomain)} is not a domain; use the one the site has in Plausible, such as blog.example.com`,
      );
    services.push({
      provider: 'plausible',
      domain: plausibleDomain,
      src: plausibleSrc ? parseScriptUrl(plausibleSrc, 'PLAUSIBLE_SRC') : PLAUSIBLE_SCRIPT,
    });
  }
  const umamiId = valueOf(env, 'UMAMI_WEBSITE_ID')?.trim();
  const umamiSrc = valueOf(env, 'UMAMI_SRC');
  if (umamiSrc !== undefined && !umamiId)
    throw new SettingError('UMAMI_SRC: set without UMAMI_WEBSITE_ID, which turns Umami on');
  if (umamiId) {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(umamiId))
      throw new SettingError(
        `UMAMI_WEBSITE_ID: ${quoted(umamiId)} is not a website id; Umami shows one such as 94db1cb1-74f4-4a40-ad6c-962362670409`,
      );
    services.push({
      provider: 'umami',
      websiteId: umamiId,
      src: umamiSrc ? parseScriptUrl(umamiSrc, 'UMAMI_SRC') : UMAMI_CLOUD_SCRIPT,
    });
  }
  const ga4 = valueOf(env, 'GA4_ID')?.trim();
  if (ga4) {
    if (!/^G-[A-Z0-9]{4,20}$/.test(ga4))
      throw new SettingError(
        `GA4_ID: ${quoted(ga4)} is not a Google Analytics 4 measurement id; use one such as G-ABC123XYZ9`,
      );
    services.push({ provider: 'ga4', measurementId: ga4 });
  }
  return services.length ? services : undefined;
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
    comments: parseGiscus(env),
    analytics: parseAnalytics(env),
  };
}
