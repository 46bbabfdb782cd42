/**
 * The files of a Jekyll site root sorted as Jekyll's reader sorts them (jekyll/reader.rb, entry_filter.rb,
 * readers/post_reader.rb): posts in every `_posts` folder at any depth, drafts in every `_drafts`, data in
 * `_data`, pages (files with front matter outside `_` folders) and static files (the rest that Jekyll copies).
 * Names starting with ".", "_", "#" or "~", names ending in "~", and `exclude` are left out unless `include`d.
 * Pure: it sorts a listing; reading whether a file has front matter is the caller's `hasFrontMatter`.
 */
import type { JekyllConfig } from './config';
import { globMatcher } from './glob';

/** Jekyll's post file name: a date, a slug, an extension (Document::DATE_FILENAME_MATCHER). */
export const POST_FILE_NAME = /^(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^./]+)$/;

export interface JekyllPostFile {
  /** Relative to the site root, with "/". */
  relativePath: string;
  /** The folders above `_posts` (or `_drafts`), which Jekyll makes the post's first categories. */
  folderCategories: string[];
  draft: boolean;
}

export interface JekyllSiteFiles {
  posts: JekyllPostFile[];
  /** Markdown pages with front matter. */
  pages: string[];
  /** HTML (and other) files with front matter, built by the old theme's layouts: not carried over. */
  themePages: string[];
  /** Files of `_posts` and `_drafts` that are not markdown posts (HTML posts, files without a date). */
  skippedPosts: string[];
  /** Files Jekyll copies as they are. */
  staticFiles: string[];
  /** Files of `_data`. */
  dataFiles: string[];
}

/** The markdown Jekyll reads that we read (.mkd and the like are reported, not read). */
const MARKDOWN = /\.(md|markdown)$/i;
const SPECIAL = /^[._#~]/;

/** Jekyll's glob_include?: a pattern matches as a glob or as a prefix of the path. */
function matchesAny(patterns: readonly string[], relativePath: string): boolean {
  return patterns.some((pattern) => {
    const clean = pattern.replace(/^\/+/, '');
    if (!clean) return false;
    if (relativePath.startsWith(clean) || `${relativePath}/` === clean) return true;
    if (!/[*?[]/.test(clean)) return false;
    return globMatcher(clean)(relativePath);
  });
}

/**
 * Whether Jekyll's entry filter keeps the entry at `relativePath` (a file or folder), looking at its own name:
 * the caller checks each folder on the way down.
 */
export function keptByJekyll(
  relativePath: string,
  config: Pick<JekyllConfig, 'exclude' | 'include'>,
): boolean {
  const name = relativePath.split('/').pop() ?? relativePath;
  if (name.endsWith('.')) return false;
  const included = matchesAny(config.include, relativePath) || matchesAny(config.include, name);
  if (
    matchesAny(
      config.exclude.filter((pattern) => !config.include.includes(pattern)),
      relativePath,
    ) &&
    !included
  )
    return false;
  if (included) return true;
  return !SPECIAL.test(name) && !name.endsWith('~');
}

/**
 * Sorts a site's files (relative to its root, as `listSourceFiles` gives them) by what Jekyll does with each.
 * `hasFrontMatter(relativePath)` tells a page from a static file, as Jekyll's `has_yaml_header?` does.
 */
export function sortJekyllFiles(
  files: readonly string[],
  config: Pick<JekyllConfig, 'exclude' | 'include'>,
  hasFrontMatter: (relativePath: string) => boolean,
): JekyllSiteFiles {
  const result: JekyllSiteFiles = {
    posts: [],
    pages: [],
    themePages: [],
    skippedPosts: [],
    staticFiles: [],
    dataFiles: [],
  };
  const keptDirs = new Map<string, boolean>();
  const dirKept = (dir: string): boolean => {
    if (!dir) return true;
    let kept = keptDirs.get(dir);
    if (kept === undefined) {
      const parent = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '';
      kept = dirKept(parent) && keptByJekyll(dir, config);
      keptDirs.set(dir, kept);
    }
    return kept;
  };
  for (const relativePath of files) {
    const segments = relativePath.split('/');
    if (segments[0] === '_data' && segments.length > 1) {
      result.dataFiles.push(relativePath);
      continue;
    }
    // A post: under a `_posts` or `_drafts` folder whose parent folders Jekyll reads.
    const magic = segments.findIndex((segment) => segment === '_posts' || segment === '_drafts');
    if (magic >= 0) {
      const above = segments.slice(0, magic);
      if (!dirKept(above.join('/'))) continue;
      const inside = segments.slice(magic + 1);
      // Jekyll's filter of entries inside the folder: each name's own leading character, and the exclusions.
      if (inside.some((segment) => SPECIAL.test(segment) || segment.endsWith('~'))) continue;
      if (matchesAny(config.exclude, relativePath) && !matchesAny(config.include, relativePath))
        continue;
      const draft = segments[magic] === '_drafts';
      const name = inside[inside.length - 1]!;
      if (MARKDOWN.test(name) && (draft || POST_FILE_NAME.test(name)))
        result.posts.push({ relativePath, folderCategories: above, draft });
      // Jekyll reads only dated files of `_posts`; the rest there is neither a post nor copied.
      else if (draft || POST_FILE_NAME.test(name)) result.skippedPosts.push(relativePath);
      continue;
    }
    const dir = segments.slice(0, -1).join('/');
    if (!dirKept(dir) || !keptByJekyll(relativePath, config)) continue;
    if (!hasFrontMatter(relativePath)) result.staticFiles.push(relativePath);
    else if (MARKDOWN.test(relativePath)) result.pages.push(relativePath);
    else result.themePages.push(relativePath);
  }
  return result;
}
