/**
 * Author profiles: what an author page shows of an author (name, short bio, avatar, links) beside their posts.
 * They come from `site.config.ts` `authors` and from `_data/authors.yml`, the file Jekyll themes and
 * jekyll-seo-tag read (in a Jekyll site root, or beside a folder of posts as `_includes` is); the config wins
 * key by key. Each is checked here, once, and staged for the pages (lib/content/staging.ts).
 */
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { problem, type Problem } from '../build/problems';
import { readSiteData } from '../jekyll/data';
import { categorySlug, quoted } from './rules';

/** A profile as `site.config.ts` and `_data/authors.yml` write it (Jekyll themes' keys are read too). */
export interface AuthorProfileInput {
  name?: string;
  bio?: string;
  /** A path of the site (`/images/jane.jpg`, from public/ or a Jekyll site's files) or an https URL. */
  avatar?: string;
  /** Links shown on the author's page: label to URL (http(s) or mailto). */
  links?: Record<string, string>;
  /** Shorthands Jekyll themes use: a website, and GitHub and X/Twitter user names. */
  url?: string;
  github?: string;
  twitter?: string;
  [key: string]: unknown;
}

/** A checked profile, as staged and as pages read it. */
export interface AuthorProfile {
  /** The key's slug, as posts' `author:` values are matched (the categories' slug rule). */
  slug: string;
  name: string;
  bio?: string;
  avatar?: string;
  links: { label: string; url: string }[];
  /** Where it was written, as messages name it, the key as written and its line (not staged). */
  sourcePath: string;
  key: string;
  line: number;
}

/** Where profiles come from: a file as messages name it, its profiles by key, and how to find a key's line. */
export interface ProfileSource {
  file: string;
  /** A Jekyll site's: its problems are warnings and the site builds as it is. */
  lenient?: boolean;
  profiles: unknown;
  lineOf: (key: string, field?: string) => number;
}

const MAX_NAME = 100;
const MAX_BIO = 600;
const DATA_NAMES = ['authors.yml', 'authors.yaml', 'authors.json'];

/** `_data/authors.yml` (or .yaml, .json) of a Jekyll site root, or beside a folder of posts; undefined when none. */
export function authorsDataFile(contentDir: string, jekyllRoot: boolean): string | undefined {
  const dataDir = jekyllRoot
    ? path.join(contentDir, '_data')
    : path.join(path.dirname(path.resolve(contentDir)), '_data');
  return DATA_NAMES.map((name) => path.join(dataDir, name)).find((file) => existsSync(file));
}

/** The lines of a YAML (or JSON) file's keys (`[key]`, `[key, field]`), parsed only when a problem needs one. */
export function yamlLines(file: string): (key: string, field?: string) => number {
  let lineOfKeys: ((keys: string[]) => number | undefined) | undefined;
  return (key, field) => {
    if (!lineOfKeys) {
      const lineCounter = new LineCounter();
      const document = parseDocument(readFileSync(file, 'utf8'), {
        lineCounter,
        uniqueKeys: false,
      });
      lineOfKeys = (keys) => {
        let node: unknown = document.contents;
        let line: number | undefined;
        for (const wanted of keys) {
          const pair = isMap(node)
            ? node.items.find((item) => isScalar(item.key) && String(item.key.value) === wanted)
            : undefined;
          const range = (pair?.key as { range?: [number] } | undefined)?.range;
          if (!pair || !range) return line;
          line = lineCounter.linePos(range[0]).line;
          node = pair.value;
        }
        return line;
      };
    }
    return lineOfKeys(field === undefined ? [key] : [key, field]) ?? 1;
  };
}

/**
 * The profiles of `_data/authors.yml` as a source; a file that is not a regular file, or cannot be read, is a
 * problem. `displayDir` names the folder the file is in, relative to the project, as messages show it.
 */
export function dataFileSource(
  file: string,
  displayPath: string,
): { source?: ProfileSource; problems: Problem[] } {
  const stat = lstatSync(file);
  if (!stat.isFile())
    return {
      problems: [
        problem(displayPath, 1, 'file', 'is not a regular file; profiles are read from a file'),
      ],
    };
  const relative = path.join('_data', path.basename(file));
  const { data, problems } = readSiteData(
    path.dirname(path.dirname(file)),
    path.dirname(path.dirname(displayPath)),
    [relative],
  );
  if (problems.length > 0) return { problems };
  return {
    source: { file: displayPath, profiles: data.authors, lineOf: yamlLines(file) },
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

/** A site path or an https URL; a path is read from the site root, as Jekyll themes read it. */
function avatarOf(value: unknown): string | undefined {
  const written = text(value, 'avatar', 2000);
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
type Attempt = <T>(compute: () => T) => T | undefined;

function linksOf(
  input: Record<string, unknown>,
  attempt: Attempt,
): { label: string; url: string }[] {
  const links: { label: string; url: string }[] = [];
  const add = (label: string, url: string, field: string) => {
    if (!LINK_URL.test(url))
      throw new ProfileProblem(
        field,
        `${quoted(url)} must be an http(s) or mailto: URL or a path of the site`,
      );
    if (!links.some((link) => link.url === url)) links.push({ label, url });
  };
  attempt(() => {
    const website = text(input.url ?? input.web ?? input.website, 'url', 2000);
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
  if (typeof own !== 'object' || Array.isArray(own)) {
    attempt(() => {
      throw new ProfileProblem('links', 'must map labels to URLs, such as "Mastodon: https://…"');
    });
    return links;
  }
  for (const [label, url] of Object.entries(own))
    attempt(() => {
      const written = text(url, 'links', 2000);
      if (written) add(text(label, 'links', MAX_NAME) ?? written, written, 'links');
    });
  return links;
}

/** One profile from what was written under `key`: a name alone, or an object of the fields above. */
function profileOf(
  key: string,
  value: unknown,
  where: Pick<AuthorProfile, 'sourcePath' | 'line'>,
  attempt: Attempt,
): AuthorProfile {
  const base = { slug: categorySlug(key), key, ...where };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const name = attempt(() => {
      if (typeof value !== 'string' && typeof value !== 'number' && value !== null)
        throw new ProfileProblem('name', 'must be a name or a profile (name, bio, avatar, links)');
      return text(value, 'name', MAX_NAME);
    });
    return { ...base, name: name ?? key, links: [] };
  }
  const input = value as Record<string, unknown>;
  const name = attempt(() => text(input.name, 'name', MAX_NAME));
  const bio = attempt(() => text(input.bio ?? input.description, 'bio', MAX_BIO));
  const avatar = attempt(() => avatarOf(input.avatar ?? input.picture ?? input.image));
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
 * error in our own profiles, a warning in a Jekyll site's, which builds as it is.
 */
export function readAuthorProfiles(sources: readonly ProfileSource[]): {
  profiles: AuthorProfile[];
  problems: Problem[];
} {
  const bySlug = new Map<string, AuthorProfile>();
  const problems: Problem[] = [];
  for (const source of sources) {
    if (source.profiles === undefined || source.profiles === null) continue;
    const severity = source.lenient ? 'warning' : 'error';
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
    for (const [key, value] of Object.entries(source.profiles)) {
      const slug = categorySlug(key);
      if (!slug || slug.length > MAX_NAME) {
        problems.push(
          problem(
            source.file,
            source.lineOf(key),
            key,
            `is no key an author can be named by; use up to ${MAX_NAME} letters or digits`,
            severity,
          ),
        );
        continue;
      }
      const attempt: Attempt = (compute) => {
        try {
          return compute();
        } catch (error) {
          if (!(error instanceof ProfileProblem)) throw error;
          problems.push(
            problem(
              source.file,
              source.lineOf(key, error.field),
              `${key}.${error.field}`,
              error.message,
              severity,
            ),
          );
          return undefined;
        }
      };
      const profile = profileOf(
        key,
        value,
        { sourcePath: source.file, line: source.lineOf(key) },
        attempt,
      );
      bySlug.set(profile.slug, profile);
    }
  }
  return { profiles: [...bySlug.values()], problems };
}

/**
 * `site.config.ts` `authors` as a source: the profiles as the config module gave them, and the line of each key
 * in the config's text (the first line after `authors:` that names it), for messages.
 */
export function configSource(
  file: string,
  configText: string,
  profiles: Record<string, AuthorProfileInput> | undefined,
): ProfileSource {
  const lines = configText.split('\n');
  const start = Math.max(
    0,
    lines.findIndex((line) => /^\s*authors\s*:/.test(line)),
  );
  return {
    file,
    profiles,
    lineOf: (key, field) => {
      const named = (name: string, from: number) => {
        const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const pattern = new RegExp(`(^|[\\s{,])['"]?${escaped}['"]?\\s*:`);
        const found = lines.findIndex((line, index) => index >= from && pattern.test(line));
        return found;
      };
      const keyLine = named(key, start);
      if (keyLine < 0) return start + 1;
      const fieldLine = field === undefined ? -1 : named(field, keyLine);
      return (fieldLine >= 0 ? fieldLine : keyLine) + 1;
    },
  };
}

/**
 * The profiles of authors some post names, and the site author's: a team file of a thousand people stages (and
 * types, and builds) only the few who write here.
 */
export function profilesInUse(
  profiles: readonly AuthorProfile[],
  authorSlugs: Iterable<string>,
): AuthorProfile[] {
  const used = new Set(authorSlugs);
  return profiles.filter((profile) => used.has(profile.slug));
}
