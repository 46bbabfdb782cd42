/**
 * Author profiles: what an author page shows of an author (name, short bio, avatar, links) beside their posts.
 * They come from `site.config.ts` `authors` and from `_data/authors.yml`, the file Jekyll themes and
 * jekyll-seo-tag read (in a Jekyll site root, or beside a folder of posts as `_includes` is); the config wins
 * key by key. Each is checked here, once, and staged for the pages (lib/content/staging.ts).
 */
import { existsSync, lstatSync } from 'node:fs';
import path from 'node:path';
import { problem, type Problem, type Severity } from '../build/problems';
import { pathInsideOrUndefined } from '../build/safe-path';
import { readSiteData, type KeyLines } from '../jekyll/data';
import { authorNameProblem, categorySlug, MAX_AUTHOR_NAME, quoted } from './rules';

/** A profile as `site.config.ts` and `_data/authors.yml` write it (Jekyll themes' keys are read too). */
export interface AuthorProfileInput {
  name?: string;
  bio?: string;
  /** A path of the site (`/images/jane.jpg`, from public/ or a Jekyll site's files) or an https URL. */
  avatar?: string;
  /** Links shown on the author's page: label to URL (http(s), mailto or a path of the site). */
  links?: Record<string, string> | { label?: string; url: string }[];
  /** Shorthands Jekyll themes use: a website, and GitHub and X/Twitter user names. */
  url?: string;
  github?: string;
  twitter?: string;
  [key: string]: unknown;
}

/** A checked profile as staged, and as pages read it (lib/site/post-index.ts). */
export interface StagedAuthorProfile {
  /** The key's slug, as posts' `author:` values are matched (the categories' slug rule). */
  slug: string;
  name: string;
  bio?: string;
  /** A path of the site or an https URL. */
  avatar?: string;
  links: { label: string; url: string }[];
  /** Where it was written, as messages name it. */
  sourcePath: string;
}

/** A checked profile with what messages need of where it was written (not staged). */
export interface AuthorProfile extends Omit<StagedAuthorProfile, 'links'> {
  /** Each link with the field it was written in (`url`, `github`, `links`). */
  links: { label: string; url: string; field: string }[];
  key: string;
  /** The line of the key, or of one of its fields. */
  lineOf: (field?: string) => number;
}

/** Where profiles come from: a file as messages name it, its profiles by key, and the lines of its keys. */
export interface ProfileSource {
  file: string;
  profiles: unknown;
  lineOf: KeyLines;
  /** A Jekyll site's: its problems are warnings (the field is left out) and the site builds as it is. */
  lenient?: boolean;
}

const MAX_BIO = 600;
const MAX_URL = 2000;
/** `_data/authors.yml` and the other names Jekyll reads as `site.data.authors`. */
export const AUTHORS_DATA_FILE = /^_data\/authors\.(ya?ml|json)$/i;

/** `_data/authors.yml` (or .yaml, .json) beside a folder of posts, as `_includes` is; undefined when none. */
export function authorsFileBeside(contentDir: string): string | undefined {
  const dataDir = path.join(path.dirname(path.resolve(contentDir)), '_data');
  return ['authors.yml', 'authors.yaml', 'authors.json']
    .map((name) => path.join(dataDir, name))
    .find((file) => existsSync(file));
}

/**
 * The profiles of a data file beside a folder of posts, read as Jekyll reads `_data` (a file that is not a
 * regular file, or cannot be read, is a problem). `displayPath` names the file as messages show it.
 */
export function dataFileSource(
  file: string,
  displayPath: string,
): { source?: ProfileSource; problems: Problem[] } {
  const relative = path.join('_data', path.basename(file));
  const siteRoot = path.dirname(path.dirname(file));
  // lstat, not stat: a symlink or a FIFO in place of the file is reported, never followed or opened.
  const entry = pathInsideOrUndefined(siteRoot, relative);
  if (!entry || !lstatSync(entry).isFile())
    return {
      problems: [
        problem(displayPath, 1, 'file', 'is not a regular file; profiles are read from a file'),
      ],
    };
  const { data, problems, keyLines } = readSiteData(
    siteRoot,
    path.dirname(path.dirname(displayPath)),
    [relative],
  );
  if (problems.length > 0) return { problems };
  return {
    source: {
      file: displayPath,
      profiles: data.authors,
      lineOf: keyLines.get(relative) ?? (() => undefined),
    },
    problems: [],
  };
}

/** `https://…`, `mailto:` and site paths (`/portfolio/ada/`); anything else (`javascript:`) never reaches a page. */
const LINK_URL = /^(?:https?:\/\/[^\s/]+\S*|mailto:[^\s@]+@[^\s@]+|\/(?!\/)[^\s\\]*)$/i;
const USER_NAME = /^@?([A-Za-z0-9_][A-Za-z0-9_.-]{0,38})$/;

class ProfileProblem extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** A field's text, trimmed; line breaks are allowed only where a bio may have them. */
function text(value: unknown, field: string, most: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number')
    throw new ProfileProblem(field, 'must be text');
  const written = String(value).trim();
  if (/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/.test(written))
    throw new ProfileProblem(field, 'has a control character; remove it');
  if (written.length > most)
    throw new ProfileProblem(field, `is ${written.length} characters long, more than ${most}`);
  return written || undefined;
}

function nameOf(value: unknown): string | undefined {
  const written = text(value, 'name', MAX_AUTHOR_NAME);
  const problem = written === undefined ? null : authorNameProblem(written);
  if (problem) throw new ProfileProblem('name', problem);
  return written;
}

/** A site path or an https URL; a path is read from the site root, as Jekyll themes read it. */
function avatarOf(value: unknown): string | undefined {
  const written = text(value, 'avatar', MAX_URL);
  if (written === undefined) return undefined;
  if (/^https:\/\/[^\s/]+\S*$/i.test(written)) return written;
  if (/^[a-z][a-z0-9+.-]*:/i.test(written) || written.startsWith('//'))
    throw new ProfileProblem(
      'avatar',
      `${quoted(written)} must be a path of the site or an https URL`,
    );
  const sitePath = `/${written.replace(/^\/+/, '')}`;
  if (sitePath.split('/').includes('..') || /[\s?#\\]/.test(sitePath))
    throw new ProfileProblem(
      'avatar',
      `${quoted(written)} must be a plain path of the site, such as /images/me.jpg`,
    );
  return sitePath;
}

/** Runs one field's rule; a problem is reported and the field left out, so the rest of the profile stays. */
type Attempt = (compute: () => void) => void;

function linksOf(input: Record<string, unknown>, attempt: Attempt): AuthorProfile['links'] {
  const links: AuthorProfile['links'] = [];
  const add = (label: string, url: string, field: string) => {
    if (!LINK_URL.test(url))
      throw new ProfileProblem(
        field,
        `${quoted(url)} must be an http(s) or mailto: URL or a path of the site`,
      );
    if (!links.some((link) => link.url === url)) links.push({ label, url, field });
  };
  attempt(() => {
    const website = text(input.url ?? input.web ?? input.website, 'url', MAX_URL);
    if (website) add('Website', website, 'url');
  });
  for (const [field, label, base] of [
    ['github', 'GitHub', 'https://github.com/'],
    ['twitter', 'X', 'https://x.com/'],
  ] as const) {
    attempt(() => {
      const user = text(input[field], field, 100);
      if (user === undefined) return;
      const name = USER_NAME.exec(user)?.[1];
      if (!name) throw new ProfileProblem(field, `${quoted(user)} must be a user name`);
      add(label, `${base}${name}`, field);
    });
  }
  const own = input.links;
  if (own === undefined || own === null) return links;
  // A map of label to URL, or Minimal Mistakes' list of { label, icon, url }.
  const entries: [unknown, unknown][] = Array.isArray(own)
    ? own.map((item: unknown) =>
        item !== null && typeof item === 'object'
          ? [(item as { label?: unknown }).label, (item as { url?: unknown }).url]
          : [undefined, item],
      )
    : typeof own === 'object'
      ? Object.entries(own)
      : [[undefined, own]];
  for (const [label, url] of entries)
    attempt(() => {
      const written = text(url, 'links', MAX_URL);
      if (!written) return;
      add(text(label, 'links', MAX_AUTHOR_NAME) ?? written, written, 'links');
    });
  return links;
}

/** One profile from what was written under `key`: a name alone, or an object of the fields above. */
function profileOf(
  key: string,
  value: unknown,
  where: Pick<AuthorProfile, 'sourcePath' | 'lineOf'>,
  attempt: Attempt,
): AuthorProfile {
  const base = { slug: categorySlug(key), key, ...where };
  let name: string | undefined;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    attempt(() => {
      if (value !== null && typeof value !== 'string' && typeof value !== 'number')
        throw new ProfileProblem('name', 'must be a name or a profile (name, bio, avatar, links)');
      name = nameOf(value);
    });
    return { ...base, name: name ?? key, links: [] };
  }
  const input = value as Record<string, unknown>;
  let bio: string | undefined;
  let avatar: string | undefined;
  attempt(() => (name = nameOf(input.name)));
  attempt(() => (bio = text(input.bio ?? input.description, 'bio', MAX_BIO)));
  attempt(() => (avatar = avatarOf(input.avatar ?? input.picture ?? input.image)));
  return {
    ...base,
    name: name ?? key,
    ...(bio ? { bio } : {}),
    ...(avatar ? { avatar } : {}),
    links: linksOf(input, attempt),
  };
}

/**
 * Every profile of the sources, checked; a later source's profile replaces an earlier one's with the same slug.
 * A field with a problem is left out of its profile, and the problem names its file, line and `key.field`: an
 * error in our own profiles, a warning in a Jekyll site's, which builds as it is. `isSiteFile` says whether an
 * avatar's path is a file of the site (public/, or a Jekyll site's files).
 */
export function readAuthorProfiles(
  sources: readonly ProfileSource[],
  isSiteFile: (sitePath: string) => boolean,
): { profiles: AuthorProfile[]; problems: Problem[] } {
  const bySlug = new Map<string, AuthorProfile>();
  const problems: Problem[] = [];
  for (const source of sources) {
    if (source.profiles === undefined || source.profiles === null) continue;
    const severity: Severity = source.lenient ? 'warning' : 'error';
    const lineOf = (key: string, field?: string) => source.lineOf(key, field) ?? 1;
    if (typeof source.profiles !== 'object' || Array.isArray(source.profiles)) {
      problems.push(
        problem(
          source.file,
          1,
          'authors',
          "must map each author's key to a profile (name, bio, avatar, links)",
          severity,
        ),
      );
      continue;
    }
    const keyOfSlug = new Map<string, string>();
    for (const [key, value] of Object.entries(source.profiles)) {
      const keyProblem = authorNameProblem(key);
      const other = keyProblem ? undefined : keyOfSlug.get(categorySlug(key));
      if (keyProblem || other !== undefined) {
        problems.push(
          problem(
            source.file,
            lineOf(key),
            'authors',
            keyProblem
              ? `the key ${keyProblem}`
              : `the keys ${quoted(other!)} and ${quoted(key)} name one author (${categorySlug(key)}); keep one`,
            severity,
          ),
        );
        continue;
      }
      keyOfSlug.set(categorySlug(key), key);
      const attempt: Attempt = (compute) => {
        try {
          compute();
        } catch (error) {
          if (!(error instanceof ProfileProblem)) throw error;
          problems.push(
            problem(
              source.file,
              lineOf(key, error.field),
              `${key}.${error.field}`,
              error.message,
              severity,
            ),
          );
        }
      };
      const profile = profileOf(
        key,
        value,
        { sourcePath: source.file, lineOf: (field) => lineOf(key, field) },
        attempt,
      );
      // An avatar at a path of the site must be there; a Jekyll site's profile is shown without it.
      if (profile.avatar?.startsWith('/') && !isSiteFile(profile.avatar)) {
        attempt(() => {
          throw new ProfileProblem(
            'avatar',
            `${quoted(profile.avatar!)}: no file of the site has this path${source.lenient ? '; the profile is shown without it' : ''}`,
          );
        });
        delete profile.avatar;
      }
      bySlug.set(profile.slug, profile);
    }
  }
  return { profiles: [...bySlug.values()], problems };
}

/**
 * `site.config.ts` `authors` as a source: the profiles as the config module gave them, and the line of each key
 * in the config's text (the first line after the `authors: {` of the config object that names it; comments
 * skipped), for messages.
 */
export function configSource(
  file: string,
  configText: string,
  profiles: Record<string, AuthorProfileInput> | undefined,
): ProfileSource {
  const lines = configText.split('\n');
  const start = lines.findIndex((line) => /^\s*authors\s*:\s*\{/.test(line));
  const named = (name: string, from: number) => {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(`(^|[\\s{,])['"]?${escaped}['"]?\\s*:`);
    return lines.findIndex(
      (line, index) => index >= from && !/^\s*(\/\/|\*)/.test(line) && pattern.test(line),
    );
  };
  return {
    file,
    profiles,
    lineOf: (key, field) => {
      if (start < 0) return undefined;
      const keyLine = named(key, start);
      if (keyLine < 0) return start + 1;
      const fieldLine = field === undefined ? -1 : named(field, keyLine);
      return (fieldLine >= 0 ? fieldLine : keyLine) + 1;
    },
  };
}

/**
 * The profiles of authors some post names, and the site author's (by key, or a profile of that name): a team
 * file of a thousand people stages (and types, and builds) only the few who write here.
 */
export function profilesInUse(
  profiles: readonly AuthorProfile[],
  authorSlugs: Iterable<string>,
  siteAuthorName: string,
): AuthorProfile[] {
  const used = new Set(authorSlugs);
  const siteAuthor = categorySlug(siteAuthorName);
  return profiles.filter(
    (profile) =>
      used.has(profile.slug) ||
      profile.slug === siteAuthor ||
      categorySlug(profile.name) === siteAuthor,
  );
}
