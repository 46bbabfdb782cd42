/**
 * The content contract as pure functions: what a post's front matter may say
 * and what we derive from it. Used by the content step, which derives every field
 * once (lib/content/post-fields.ts), and by the post index and redirects downstream.
 * Nothing here touches the file system, so every rule is unit-tested directly.
 */

/** A post file: Markdown, as Jekyll reads it (`.md` or `.markdown`). */
export const POST_FILE = /\.(md|markdown)$/i;

/** A long post is 100 KB: a file past this is refused before it is read (a 1 GB one would not fit in a string). */
export const MAX_POST_BYTES = 10_000_000;

/** Why the post or page `file` is not read, or null: past MAX_POST_BYTES. */
export function postSizeProblem(size: number): string | null {
  return size > MAX_POST_BYTES
    ? `is ${size.toLocaleString('en')} bytes, more than ${MAX_POST_BYTES.toLocaleString('en')}; it is not read (split it, or move what it holds out of the text)`
    : null;
}

/** A problem in one post, reported as `file: field: message`. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly detail: string,
  ) {
    super(`${file}: ${field}: ${detail}`);
    this.name = 'ContentError';
  }
}

export interface ParsedDate {
  /** Exact instant, for sorting: milliseconds since the epoch. */
  epochMs: number;
  /** The calendar day as the author wrote it (no time-zone shift): YYYY-MM-DD. */
  day: string;
  /** ISO 8601 with the author's offset (UTC when none was written). */
  iso: string;
}

const DATE_PATTERN =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Parses a Jekyll front-matter date: `2024-11-15`, `2023-06-01 14:30:00 +0200`
 * or ISO 8601. Throws on anything else, including impossible dates such as
 * `2024-13-45` or `2023-02-30` (which `new Date()` would silently roll over).
 * A date without an offset is taken as UTC.
 */
export function parsePostDate(raw: string): ParsedDate {
  const text = String(raw).trim();
  const match = DATE_PATTERN.exec(text);
  if (!match) {
    throw new Error(
      `"${text}" is not a date; write YYYY-MM-DD, "YYYY-MM-DD HH:MM:SS +HHMM" or ISO 8601`,
    );
  }
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12) throw new Error(`"${text}" has no month ${month}`);
  if (day < 1 || day > daysInMonth(year, month)) {
    throw new Error(`"${text}" is impossible: ${year}-${pad(month)} has no day ${day}`);
  }
  if (hour > 23 || minute > 59 || second > 59) throw new Error(`"${text}" has an impossible time`);

  let offsetMinutes = 0;
  if (zone && zone.toUpperCase() !== 'Z') {
    const digits = zone.replace(':', '');
    const sign = digits.startsWith('-') ? -1 : 1;
    const zoneHours = Number(digits.slice(1, 3));
    const zoneMinutes = Number(digits.slice(3, 5));
    if (zoneHours > 14 || zoneMinutes > 59) throw new Error(`"${text}" has an impossible offset`);
    offsetMinutes = sign * (zoneHours * 60 + zoneMinutes);
  }
  const millis = Number(fraction.slice(0, 3).padEnd(3, '0'));
  const epochMs =
    Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;

  const dayString = `${year}-${pad(month)}-${pad(day)}`;
  const offsetString =
    offsetMinutes === 0
      ? 'Z'
      : `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
  const iso = `${dayString}T${pad(hour)}:${pad(minute)}:${pad(second)}${millis ? `.${pad(millis, 3)}` : ''}${offsetString}`;
  return { epochMs, day: dayString, iso };
}

/**
 * The longest slug, counted as the URL writes it (UTF-8, percent-encoded): Next names a post's files with its
 * encoded segment plus about 40 characters, and file systems allow 255 bytes a name. 150 leaves room for both.
 */
export const MAX_SLUG_URL_LENGTH = 150;

/** Characters a URL segment may carry as written: letters and digits of any script, and "-", "_", ".", "~". */
const SLUG_CHARACTERS = /^[\p{L}\p{N}\p{M}._~-]+$/u;

/** Text from content as a message quotes it: control characters shown as "?", long text cut. */
export function quoted(text: string, most = 60): string {
  const visible = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return `"${visible.length > most ? `${visible.slice(0, most)}…` : visible}"`;
}

const codePoint = (character: string) =>
  `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Why `slug` cannot be one segment of a URL and one folder of the export, or null when it can. Such slugs are
 * refused, not rewritten: a rewritten slug would change the post's URL without the author knowing.
 */
export function slugProblem(slug: string): string | null {
  if (slug === '.' || slug === '..') return 'is a folder name of its own, not a slug';
  if (slug.startsWith('.')) return 'starts with ".", which hosts treat as a hidden file';
  const bad = [...slug].find((character) => !SLUG_CHARACTERS.test(character));
  if (bad !== undefined) {
    const shown = /[\p{C}\s]/u.test(bad) ? codePoint(bad) : `"${bad}"`;
    return `has ${shown}; a slug is letters, digits, "-", "_", "." and "~"`;
  }
  const length = encodeURIComponent(slug).length;
  if (length > MAX_SLUG_URL_LENGTH) {
    return `is ${length} characters long in a URL, more than ${MAX_SLUG_URL_LENGTH} (file systems allow 255 bytes a file name)`;
  }
  return null;
}

/** A post's slug: `slug` from front matter, else the file name without extension and date prefix. */
export function postSlug(filePath: string, frontMatterSlug?: string): string {
  if (frontMatterSlug !== undefined && frontMatterSlug.trim() !== '') {
    const slug = frontMatterSlug.trim().replace(/^\/+|\/+$/g, '');
    const problem = slugProblem(slug);
    if (problem) throw new Error(`${quoted(slug)} ${problem}`);
    return slug;
  }
  const fileName = filePath.split(/[\\/]/).pop() ?? filePath;
  const withoutExtension = fileName.replace(POST_FILE, '');
  const slug = withoutExtension.replace(/^\d{4}-\d{1,2}-\d{1,2}-/, '');
  if (!slug) throw new Error(`the file name "${fileName}" leaves no slug; add a "slug" field`);
  const problem = slugProblem(slug);
  if (problem)
    throw new Error(
      `the file name gives the slug ${quoted(slug)}, which ${problem}; rename the file or add a "slug" field`,
    );
  return slug;
}

/**
 * The longest old URL a permalink may be, percent-encoded: CloudFront's KeyValueStore, which holds the
 * redirects of the AWS deploy, takes keys of at most 512 bytes, and the base path goes in front.
 */
export const MAX_PERMALINK_URL_LENGTH = 400;
/** The longest segment of a permalink in UTF-8 bytes: each is a folder or file name (255 bytes at most) of the export. */
export const MAX_PERMALINK_SEGMENT_BYTES = 200;

/**
 * Why `permalink` (a post's old URL, redirected to it) cannot be a path of the export, or null when it can.
 * It is written as the browser's path, decoded: `/2019/05/20/moved-post.html` or `/old-url/`.
 */
export function permalinkProblem(permalink: string): string | null {
  const path = permalink.trim();
  const control = [...path].find((character) => /\p{Cc}/u.test(character));
  if (control !== undefined) return `has the control character ${codePoint(control)}`;
  if (/^[a-z][a-z0-9+.-]*:/i.test(path))
    return 'is a URL with a scheme; write the old path, starting with "/"';
  if (!path.startsWith('/')) return 'must start with "/"';
  if (path.startsWith('//')) return 'starts with "//", which browsers read as another host';
  if (/[:?#*]/.test(path))
    return 'is a pattern or has a query; write the post\'s old path, without ":", "?", "#" or "*"';
  if (/[\\<>"|%]/.test(path))
    return 'may not contain "\\", "<", ">", \'"\', "|" or "%" (write the path decoded)';
  const segments = path.slice(1).split('/');
  if (segments.slice(0, -1).includes('')) return 'has an empty segment ("//")';
  if (segments.some((segment) => segment === '.' || segment === '..'))
    return 'may not contain "." or ".." segments';
  if (segments.some((segment) => segment.startsWith('.')))
    return 'has a segment starting with ".", which hosts treat as hidden';
  const long = segments.find((segment) => Buffer.byteLength(segment) > MAX_PERMALINK_SEGMENT_BYTES);
  if (long)
    return `has a segment of ${Buffer.byteLength(long)} bytes, more than ${MAX_PERMALINK_SEGMENT_BYTES} (file systems allow 255 a name)`;
  const length = encodeURI(path).length;
  if (length > MAX_PERMALINK_URL_LENGTH)
    return `is ${length} characters long in a URL, more than ${MAX_PERMALINK_URL_LENGTH} (the deploy's redirect store allows 512 bytes)`;
  return null;
}

/** Category and tag slug: lowercase, accents stripped, runs of other characters to one hyphen. */
export function categorySlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** A category or a tag of a post: its name as written and its slug. */
export interface CategoryRef {
  name: string;
  slug: string;
}

/** The names in a list field (a YAML list or a space-separated string, as Jekyll reads it) and a one-name field. */
function termNames(
  list: unknown,
  one: unknown,
  fields: { list: string; one: string },
): { listed: string[]; single: string[] } {
  const listed: string[] = [];
  if (typeof list === 'string') {
    listed.push(...list.split(/\s+/));
  } else if (Array.isArray(list)) {
    for (const item of list) {
      if (typeof item !== 'string' && typeof item !== 'number') {
        throw new Error(`every entry of "${fields.list}" must be a name`);
      }
      listed.push(String(item));
    }
  } else if (list !== undefined && list !== null) {
    throw new Error(`"${fields.list}" must be a list or a space-separated string`);
  }
  const single: string[] = [];
  if (typeof one === 'string' || typeof one === 'number') {
    single.push(String(one));
  } else if (one !== undefined && one !== null) {
    throw new Error(`"${fields.one}" must be one name`);
  }
  return { listed, single };
}

/** Names as refs, in order, without empty slugs or duplicates by slug. */
export function termRefs(names: readonly string[]): CategoryRef[] {
  const seen = new Set<string>();
  const refs: CategoryRef[] = [];
  for (const rawName of names) {
    const name = rawName.trim();
    const slug = categorySlug(name);
    if (!slug || seen.has(slug)) continue;
    seen.add(slug);
    refs.push({ name, slug });
  }
  return refs;
}

/**
 * The categories a post is in, in the order written: `categories` (a YAML list
 * or a space-separated string, as Jekyll reads it) then `category` (one name,
 * spaces allowed). Duplicates by slug are dropped.
 */
export function postCategories(categories: unknown, category: unknown): CategoryRef[] {
  const { listed, single } = termNames(categories, category, {
    list: 'categories',
    one: 'category',
  });
  return termRefs([...listed, ...single]);
}

/**
 * The tags of a post, as Jekyll reads them (Utils.pluralized_array_from_hash): `tag` (one name, spaces
 * allowed) when the post has that field, else `tags` (a YAML list or a space-separated string).
 * Duplicates by slug are dropped.
 */
export function postTags(tags: unknown, tag: unknown): CategoryRef[] {
  const { listed, single } = termNames(tags, tag, { list: 'tags', one: 'tag' });
  return termRefs(tag !== undefined && tag !== null ? single : listed);
}

/** Longest author name or profile key: a name is shown in bylines, feeds and an author page's heading. */
export const MAX_AUTHOR_NAME = 100;

/**
 * Why an author's name (or a profile's key) cannot be one, or null: a control character (names reach feeds),
 * more than MAX_AUTHOR_NAME characters, or a slug that makes no URL segment (`/authors/<slug>/`).
 */
export function authorNameProblem(name: string): string | null {
  if (/[\u0000-\u001F\u007F-\u009F]/.test(name))
    return `${quoted(name)} has a control character; remove it`;
  if (name.length > MAX_AUTHOR_NAME)
    return `${quoted(name)} is ${name.length} characters long, more than ${MAX_AUTHOR_NAME}`;
  const slug = categorySlug(name);
  if (!slug) return `${quoted(name)} has no letter or digit to name its page by`;
  const problem = slugProblem(slug);
  return problem && `${quoted(name)} makes the slug ${quoted(slug)}, which ${problem}`;
}

/**
 * One author as written: a key or a name, or jekyll-seo-tag's object with a `name` (or, as jekyll-seo-tag
 * reads it, only a `twitter` user name).
 */
function authorName(value: unknown): string {
  const object =
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as { name?: unknown; twitter?: unknown })
      : undefined;
  const name = object ? (object.name ?? object.twitter) : value;
  if (typeof name !== 'string' && typeof name !== 'number')
    throw new Error('must be a name, a list of names or an object with a "name"');
  const text = String(name).trim();
  const problem = authorNameProblem(text);
  if (problem) throw new Error(problem);
  return text;
}

/** The names in `author` or `authors`: one name, a list of names, or jekyll-seo-tag's `{ name: … }`. */
export function authorNames(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map(authorName);
}

/**
 * The authors of a post, in the order written: `authors` then `author`. Each is a key of a profile or a name
 * shown as written; they are matched by the categories' slug rule, and duplicates by slug are dropped.
 * None: the site's author. `attempt` runs each field's reading, so a caller can report a problem at its field.
 */
export function postAuthors(
  authors: unknown,
  author: unknown,
  attempt: (field: 'authors' | 'author', read: () => string[]) => string[] = (_field, read) =>
    read(),
): CategoryRef[] {
  return termRefs([
    ...attempt('authors', () => authorNames(authors)),
    ...attempt('author', () => authorNames(author)),
  ]);
}

/** Jekyll's two ways of keeping a post out: `published: false` and `draft: true`. */
export function isDraft(frontMatter: { published?: boolean; draft?: boolean }): boolean {
  return frontMatter.published === false || frontMatter.draft === true;
}

const WORDS_PER_MINUTE = 220;

/** Minutes to read plain text, at least one. */
export function readingMinutes(plainText: string): number {
  const words = plainText.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
