/**
 * Everything derived from one post file, computed once, before contentlayer:
 * slug, dates, categories, excerpt, headings, reading time and draft state.
 * The staging step writes the result into
 * the staged post, and contentlayer declares and types them as they are.
 */
import {
  ContentError,
  isDraft,
  parsePostDate,
  permalinkProblem,
  postCategories,
  quoted,
  postSlug,
  readingMinutes,
  type CategoryRef,
  type ParsedDate,
} from './rules';
import { cacheKey, CACHED_OUTPUTS, codeFingerprint } from '../build/cache-key';
import type { FrontMatter } from './front-matter';
import { extractHeadings, type TocHeading } from '../markdown/headings';
import { postLinks, type InlineHandler, type PostLink } from '../markdown/links';
import { excerptText, markdownPlainText } from '../markdown/plain-text';

export interface DerivedFields {
  sourcePath: string;
  postSlug: string;
  publishedAt: ParsedDate;
  updatedAt: ParsedDate | null;
  categoryRefs: CategoryRef[];
  /** The excerpt: the author's (`excerpt:`), else the body's first paragraph as text. A staged field: its name stays. */
  summary: string;
  hasOwnExcerpt: boolean;
  headings: TocHeading[];
  readingMinutes: number;
  isDraft: boolean;
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
}

/**
 * Body facts by the one cache key (lib/build/cache-key.ts): the code that reads them, the body and the excerpt
 * separator. The content step
 * keeps it on disk between runs (.content/body-facts.json), so a rebuild after
 * editing one post parses one post.
 */
export type BodyFactsCache = Map<string, BodyFacts>;

export const bodyFactsKey = (body: string, excerptSeparator: string | undefined) =>
  cacheKey(codeFingerprint(CACHED_OUTPUTS.bodyFacts), excerptSeparator ?? '', body);

/** Reads the facts from the body (one markdown parse, shared by every reader through lib/markdown/parse.ts). */
export function computeBodyFacts(body: string, excerptSeparator: string | undefined): BodyFacts {
  return {
    excerpt: excerptText(body, excerptSeparator),
    headings: extractHeadings(body),
    readingMinutes: readingMinutes(markdownPlainText(body)),
    ...postLinks(body),
  };
}

/**
 * The derived fields of one post; each rule that fails becomes a ContentError
 * naming the file and the field, and all of them are returned, not only the first.
 */
export function derivePostFields(
  frontMatter: FrontMatter,
  facts: BodyFacts,
  sourcePath: string,
): { fields: DerivedFields | null; errors: ContentError[] } {
  const errors: ContentError[] = [];
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
  const slug = rule('slug', () => postSlug(sourcePath, frontMatter.slug), '');
  const publishedAt = rule('date', () => parsePostDate(frontMatter.date), null);
  const updatedField = frontMatter.updated !== undefined ? 'updated' : 'last_modified_at';
  const updatedRaw = frontMatter.updated ?? frontMatter.last_modified_at;
  const updatedAt =
    updatedRaw === undefined ? null : rule(updatedField, () => parsePostDate(updatedRaw), null);
  if (frontMatter.permalink !== undefined) {
    const problem = permalinkProblem(frontMatter.permalink);
    if (problem)
      errors.push(
        new ContentError(sourcePath, 'permalink', `${quoted(frontMatter.permalink)} ${problem}`),
      );
  }
  const categoryRefs = rule(
    'categories',
    () => postCategories(frontMatter.categories, frontMatter.category),
    [],
  );
  if (!frontMatter.title.trim())
    errors.push(new ContentError(sourcePath, 'title', 'must not be empty'));
  if (errors.length > 0 || !publishedAt) return { fields: null, errors };

  const ownExcerpt = frontMatter.excerpt?.trim() ?? '';
  return {
    fields: {
      sourcePath,
      postSlug: slug,
      publishedAt,
      updatedAt,
      categoryRefs,
      summary: ownExcerpt || facts.excerpt,
      hasOwnExcerpt: Boolean(ownExcerpt),
      headings: facts.headings,
      readingMinutes: facts.readingMinutes,
      isDraft: isDraft(frontMatter),
    },
    errors,
  };
}
