/**
 * Everything derived from one post file, computed once, before contentlayer:
 * slug, dates, categories, excerpt, headings, reading time and draft state.
 * The staging step writes the result into
 * the staged post, and contentlayer declares and types them as they are.
 */
import { fileNameDate, parseJekyllDate, type JekyllDate } from '../jekyll/dates';
import { jekyllPostCategories, jekyllPostUrl, jekyllTitleFromSlug } from '../jekyll/permalink';
import {
  categorySlug,
  ContentError,
  isDraft,
  parsePostDate,
  permalinkProblem,
  postCategories,
  postAuthors,
  postTags,
  quoted,
  postSlug,
  readingMinutes,
  type CategoryRef,
  type ParsedDate,
} from './rules';
import { cacheKey, CACHED_OUTPUTS, codeFingerprint } from '../build/cache-key';
import type { FrontMatter } from './front-matter';
import { extractHeadings, type TocHeading } from '../markdown/headings';
import { hasMath } from '../markdown/math';
import { parseMarkdown } from '../markdown/parse';
import { postLinks, type InlineHandler, type PostLink } from '../markdown/links';
import { excerptText, markdownPlainText } from '../markdown/plain-text';
import { dialectKey, type MarkdownDialect } from '../markdown/dialect';

export interface DerivedFields {
  sourcePath: string;
  /** The title: the front matter's, else Jekyll's title from the file name. */
  title: string;
  postSlug: string;
  publishedAt: ParsedDate;
  updatedAt: ParsedDate | null;
  categoryRefs: CategoryRef[];
  /** `tags` (or `tag`), as Jekyll reads them; matched by the categories' slug rule. */
  tagRefs: CategoryRef[];
  /** `authors` then `author`: profile keys or names, matched by the categories' slug rule; none for the site's author. */
  authorRefs: CategoryRef[];
  /** The excerpt: the author's (`excerpt:`), else the body's first paragraph as text. A staged field: its name stays. */
  summary: string;
  hasOwnExcerpt: boolean;
  headings: TocHeading[];
  readingMinutes: number;
  /** The file's path in the content folder, with `/` (an "Edit this post" link names it). */
  contentPath: string;
  /** The body has math (lib/markdown/math.ts): its page loads the math stylesheet. */
  hasMath: boolean;
  isDraft: boolean;
  /** Listed in the sitemap (`sitemap: false` leaves it out, as jekyll-sitemap reads it). */
  inSitemap: boolean;
  /** Old URLs that redirect to the post: its `permalink` (a folder of posts) and `redirect_from`, as written. */
  oldUrls: string[];
  /** The URL Jekyll gave the post ('' when none is kept): redirected to it unless a page of the site has it. */
  jekyllUrl: string;
  /**
   * jekyll-seo-tag's `image`: the author's share image, a path from the site root or an http(s) URL; '' when the
   * build draws one.
   */
  shareImage: string;
  /**
   * jekyll-redirect-from's `redirect_to`: the post has moved there (a site path or an http(s) URL); '' when not.
   * Such a post is not published: its old URLs redirect to the target.
   */
  redirectTo: string;
}

/** What is read from a body's syntax tree: the expensive part (one markdown parse a post). */
export interface BodyFacts {
  excerpt: string;
  headings: TocHeading[];
  readingMinutes: number;
  links: PostLink[];
  anchors: string[];
  /** Event handlers in raw HTML, which the Content-Security-Policy blocks: reported as warnings. */
  handlers: InlineHandler[];
  hasMath: boolean;
}

/**
 * Body facts by the one cache key (lib/build/cache-key.ts): the code that reads them, the body and the excerpt
 * separator. The content step
 * keeps it on disk between runs (.content/body-facts.json), so a rebuild after
 * editing one post parses one post.
 */
export type BodyFactsCache = Map<string, BodyFacts>;

export const bodyFactsKey = (
  body: string,
  excerptSeparator: string | undefined,
  dialect: MarkdownDialect,
) =>
  cacheKey(
    codeFingerprint(CACHED_OUTPUTS.bodyFacts),
    dialectKey(dialect),
    excerptSeparator ?? '',
    body,
  );

/** Reads the facts from the body (one markdown parse, shared by every reader through lib/markdown/parse.ts). */
export function computeBodyFacts(
  body: string,
  excerptSeparator: string | undefined,
  dialect: MarkdownDialect,
): BodyFacts {
  return {
    excerpt: excerptText(body, excerptSeparator, dialect),
    headings: extractHeadings(body, dialect),
    readingMinutes: readingMinutes(markdownPlainText(body, dialect)),
    hasMath: hasMath(parseMarkdown(body, dialect)),
    ...postLinks(body, dialect),
  };
}

/** Where a post comes from, beyond its front matter: what its dates, title, categories and old URLs depend on. */
export interface PostContext {
  /** The author's file as messages name it. */
  sourcePath: string;
  /** The file relative to the site root (Jekyll's `:path` and `:name`). */
  relativePath?: string;
  /** A post of a Jekyll site root: read as Jekyll reads it (lib/jekyll/). */
  jekyll?: {
    timeZone?: string;
    /** The site's posts permalink (a style or a pattern); undefined: Jekyll's default. */
    permalink?: string;
    /** The folders above `_posts`, the post's first categories. */
    folderCategories: string[];
    /** `date` was written unquoted (Ruby's YAML reads a plain timestamp without offset as UTC). */
    dateIsPlain?: boolean;
    /** A draft has no date in its name: Jekyll dates it by its file's modification time. */
    modifiedMs?: number;
  };
  /** Redirect the post's Jekyll URL to it (a Jekyll site's by default; a folder of posts with JEKYLL_REDIRECTS=1). */
  jekyllRedirects?: boolean;
}

const FILE_NAME = /^(?:.*[\\/])?(\d{2,4}-\d{1,2}-\d{1,2})-(.*)\.[^./\\]+$/;

/** The file name's date (`2024-11-15-x.md`) and the name after it, or the name alone. */
function fileNameParts(sourcePath: string): { date?: string; name: string } {
  const match = FILE_NAME.exec(sourcePath);
  if (match) return { date: match[1], name: match[2]! };
  const base = sourcePath.split(/[\\/]/).pop() ?? sourcePath;
  return { name: base.replace(/\.[^.]+$/, '') };
}

/**
 * jekyll-seo-tag's `image`: a path or URL, or a map with `path`. A path is from the site root (jekyll-seo-tag
 * reads `img/x.png` as `/img/x.png`).
 */
function shareImage(value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  const raw =
    typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>).path
      : value;
  if (typeof raw !== 'string' || !raw.trim() || /[\s"<>]/.test(raw.trim()))
    throw new Error(
      'must be an image path or URL (/img/card.png, https://…), or a map with a "path"',
    );
  const image = raw.trim();
  if (/^https?:\/\//i.test(image)) return image;
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(image))
    throw new Error(`${quoted(image)} is neither a path of the site nor an http(s) URL`);
  return image.startsWith('/') ? image : `/${image}`;
}

/** `redirect_to` of jekyll-redirect-from: a path or an http(s) URL; of a list, the first, as it reads one. */
export function redirectTo(value: unknown): string {
  if (value === undefined || value === null) return '';
  const first = Array.isArray(value) ? value[0] : value;
  const target = typeof first === 'string' ? first.trim() : '';
  if (/^https?:\/\/[^\s"<>]+$/i.test(target)) return target;
  if (target.startsWith('/') && !target.startsWith('//') && !/[\s"<>]/.test(target)) return target;
  throw new Error('must be the path (/new-place/) or the http(s) URL the post has moved to');
}

/** `redirect_from` of jekyll-redirect-from: a path or a list of paths. */
function redirectFrom(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  if (list.some((item) => typeof item !== 'string'))
    throw new Error('must be a path or a list of paths, such as /old-name/');
  return list as string[];
}

/** The fields read from the front matter and the file's place, before the body is read. */
export type HeaderFields = Omit<
  DerivedFields,
  'summary' | 'hasOwnExcerpt' | 'headings' | 'readingMinutes' | 'hasMath'
>;

/**
 * The fields of one post that come from its front matter and file (not its body); each rule that fails
 * becomes a ContentError naming the file and the field, and all of them are returned, not only the first.
 */
export function deriveHeaderFields(
  frontMatter: FrontMatter,
  context: PostContext,
): { header: HeaderFields | null; errors: ContentError[]; warnings: ContentError[] } {
  const { sourcePath, jekyll } = context;
  const errors: ContentError[] = [];
  const warnings: ContentError[] = [];
  const rule = <T>(field: string, compute: () => T, fallback: T): T => {
    try {
      return compute();
    } catch (error) {
      errors.push(
        error instanceof ContentError
          ? error
          : new ContentError(sourcePath, field, (error as Error).message),
      );
      return fallback;
    }
  };
  const fileName = fileNameParts(sourcePath);
  let slug = rule('slug', () => postSlug(sourcePath, frontMatter.slug), '');
  if (!slug && jekyll && errors.length > 0 && frontMatter.slug === undefined) {
    // Jekyll takes any file name; a slug our URLs cannot carry is cleaned, and the old URL still redirects.
    const refused = errors.pop()!;
    slug = categorySlug(fileName.name) || `post-${(fileName.date ?? 'undated').replace(/\D/g, '')}`;
    warnings.push(
      new ContentError(
        sourcePath,
        'slug',
        `${refused.detail}; the post is published as "${slug}" (its Jekyll URL redirects there)`,
      ),
    );
  }
  const readDate = (raw: string): ParsedDate =>
    jekyll ? parseJekyllDate(raw, jekyll.timeZone) : parsePostDate(raw);
  const publishedAt = rule(
    'date',
    () => {
      if (frontMatter.date !== undefined)
        return jekyll
          ? parseJekyllDate(frontMatter.date, jekyll.timeZone, {
              yamlPlainScalar: jekyll.dateIsPlain ?? false,
            })
          : parsePostDate(frontMatter.date);
      if (fileName.date) {
        const fromName = jekyll
          ? fileNameDate(sourcePath.split(/[\\/]/).pop()!, jekyll.timeZone)
          : null;
        return fromName ?? parsePostDate(fileName.date);
      }
      if (jekyll?.modifiedMs !== undefined)
        return readDate(new Date(jekyll.modifiedMs).toISOString());
      throw new Error(
        'is required: the file name has no date (YYYY-MM-DD-title.md), so write one here',
      );
    },
    null,
  );
  const updatedField = frontMatter.updated !== undefined ? 'updated' : 'last_modified_at';
  const updatedRaw = frontMatter.updated ?? frontMatter.last_modified_at;
  const updatedAt =
    updatedRaw === undefined ? null : rule(updatedField, () => readDate(updatedRaw), null);
  if (frontMatter.permalink !== undefined && !jekyll) {
    const problem = permalinkProblem(frontMatter.permalink);
    if (problem)
      errors.push(
        new ContentError(sourcePath, 'permalink', `${quoted(frontMatter.permalink)} ${problem}`),
      );
  }
  const ownCategories = rule(
    'categories',
    () => postCategories(frontMatter.categories, frontMatter.category),
    [],
  );
  const categoryRefs = jekyll
    ? postCategories(
        [...jekyll.folderCategories, ...ownCategories.map((ref) => ref.name)],
        undefined,
      )
    : ownCategories;
  const tagRefs = rule(
    frontMatter.tag !== undefined ? 'tag' : 'tags',
    () => postTags(frontMatter.tags, frontMatter.tag),
    [],
  );
  // Each field checked on its own, so a problem names the line of the one that has it.
  const authorRefs = postAuthors(frontMatter.authors, frontMatter.author, (field, read) =>
    rule(field, read, []),
  );
  const title =
    frontMatter.title?.trim() ||
    (jekyll || frontMatter.title === undefined ? jekyllTitleFromSlug(fileName.name) : '');
  if (!title) errors.push(new ContentError(sourcePath, 'title', 'must not be empty'));
  const oldUrls = rule('redirect_from', () => redirectFrom(frontMatter.redirect_from), []);
  const image = rule('image', () => shareImage(frontMatter.image), '');
  const movedTo = rule('redirect_to', () => redirectTo(frontMatter.redirect_to), '');
  if (!jekyll && frontMatter.permalink !== undefined) oldUrls.unshift(frontMatter.permalink);
  if (errors.length > 0 || !publishedAt) return { header: null, errors, warnings };

  // Jekyll's URL of the post: its page or redirect on the old site, which must keep working.
  let jekyllUrl = '';
  if (context.jekyllRedirects) {
    const names = jekyll
      ? jekyllPostCategories({
          folderCategories: jekyll.folderCategories,
          categories: frontMatter.categories,
          category: frontMatter.category,
        })
      : categoryRefs.map((ref) => ref.name);
    jekyllUrl = rule(
      'permalink',
      () =>
        jekyllPostUrl({
          sitePermalink: jekyll?.permalink,
          postPermalink: jekyll ? frontMatter.permalink : undefined,
          categories: names,
          fileSlug: fileName.name,
          frontMatterSlug: frontMatter.slug,
          title: frontMatter.title,
          date: jekyll ? (publishedAt as JekyllDate) : parseJekyllDate(publishedAt.iso, undefined),
          sourceExtension: sourcePath.slice(sourcePath.lastIndexOf('.')),
          ...(context.relativePath ? { relativePath: context.relativePath } : {}),
          collection: 'posts',
        }),
      '',
    );
    if (errors.length > 0) return { header: null, errors, warnings };
  }

  return {
    header: {
      sourcePath,
      title,
      postSlug: slug,
      publishedAt: { epochMs: publishedAt.epochMs, day: publishedAt.day, iso: publishedAt.iso },
      updatedAt: updatedAt && {
        epochMs: updatedAt.epochMs,
        day: updatedAt.day,
        iso: updatedAt.iso,
      },
      contentPath: (context.relativePath ?? sourcePath.split(/[\\/]/).pop()!).replaceAll('\\', '/'),
      categoryRefs,
      tagRefs,
      authorRefs,
      isDraft: isDraft(frontMatter),
      // jekyll-sitemap's switch: `sitemap: false` keeps the post out of the sitemap.
      inSitemap: frontMatter.sitemap !== false,
      oldUrls: oldUrls.map((url) => url.trim()),
      jekyllUrl,
      shareImage: image,
      redirectTo: movedTo,
    },
    errors,
    warnings,
  };
}

/** The fields read from the body, added to the header's. */
export function completeFields(
  header: HeaderFields,
  frontMatter: FrontMatter,
  facts: BodyFacts,
): DerivedFields {
  // jekyll-seo-tag's `description` stands for the excerpt when there is none.
  const ownExcerpt =
    frontMatter.excerpt?.trim() ||
    (typeof frontMatter.description === 'string' ? frontMatter.description.trim() : '');
  return {
    ...header,
    summary: ownExcerpt || facts.excerpt,
    hasOwnExcerpt: Boolean(ownExcerpt),
    headings: facts.headings,
    readingMinutes: facts.readingMinutes,
    hasMath: facts.hasMath,
  };
}

/** Every derived field of one post at once (the content step runs the two halves apart, slugs decided between). */
export function derivePostFields(
  frontMatter: FrontMatter,
  facts: BodyFacts,
  context: PostContext,
): { fields: DerivedFields | null; errors: ContentError[]; warnings: ContentError[] } {
  const { header, errors, warnings } = deriveHeaderFields(frontMatter, context);
  return { fields: header && completeFields(header, frontMatter, facts), errors, warnings };
}

/**
 * Posts that share a slug are all published, as Jekyll publishes them: the earliest keeps it, each later one
 * gets the slug and its day (`-2`, `-3` after it if that is taken too), which stays its URL while the earlier
 * posts stay. Returns the slugs changed and a warning for each, naming both files.
 */
export function distinctSlugs(
  headers: readonly Pick<HeaderFields, 'sourcePath' | 'postSlug' | 'publishedAt'>[],
): { slugs: Map<string, string>; warnings: ContentError[] } {
  const taken = new Set(headers.map((header) => header.postSlug));
  const groups = new Map<string, (typeof headers)[number][]>();
  for (const header of headers) {
    const group = groups.get(header.postSlug) ?? [];
    group.push(header);
    groups.set(header.postSlug, group);
  }
  const slugs = new Map<string, string>();
  const warnings: ContentError[] = [];
  for (const [slug, group] of groups) {
    if (group.length < 2) continue;
    const [first, ...later] = [...group].sort(
      (a, b) =>
        a.publishedAt.epochMs - b.publishedAt.epochMs || a.sourcePath.localeCompare(b.sourcePath),
    );
    for (const header of later) {
      let candidate = `${slug}-${header.publishedAt.day}`;
      for (let count = 2; taken.has(candidate); count += 1)
        candidate = `${slug}-${header.publishedAt.day}-${count}`;
      taken.add(candidate);
      slugs.set(header.sourcePath, candidate);
      warnings.push(
        new ContentError(
          header.sourcePath,
          'slug',
          `"${slug}" is also the slug of ${first!.sourcePath}, published earlier; this post is published as "${candidate}"`,
        ),
      );
    }
  }
  return { slugs, warnings };
}
