/**
 * Everything derived from one post file, computed once, before contentlayer:
 * slug, dates, categories, excerpt, headings, reading time and draft state.
 * The staging step writes the result into
 * the staged post (`derived:`), so contentlayer's computed fields only read it.
 */
import {
  ContentError,
  isDraft,
  parsePostDate,
  postCategories,
  postSlug,
  readingMinutes,
  type CategoryRef,
  type ParsedDate,
} from './content-rules';
import type { FrontMatter } from './front-matter';
import { extractHeadings, type TocHeading } from './markdown/headings';
import { excerptText, markdownPlainText } from './markdown/plain-text';

export interface DerivedFields {
  sourcePath: string;
  postSlug: string;
  publishedAt: ParsedDate;
  updatedAt: ParsedDate | null;
  categoryRefs: CategoryRef[];
  summary: string;
  hasOwnExcerpt: boolean;
  headings: TocHeading[];
  readingMinutes: number;
  isDraft: boolean;
}

/**
 * The derived fields of one post; each rule that fails becomes a ContentError
 * naming the file and the field, and all of them are returned, not only the first.
 */
export function derivePostFields(
  frontMatter: FrontMatter,
  body: string,
  sourcePath: string,
  excerptSeparator: string | undefined,
): { fields: DerivedFields | null; errors: ContentError[] } {
  const errors: ContentError[] = [];
  const rule = <T>(field: string, compute: () => T, fallback: T): T => {
    try {
      return compute();
    } catch (error) {
      errors.push(error instanceof ContentError ? error : new ContentError(sourcePath, field, (error as Error).message));
      return fallback;
    }
  };
  const slug = rule('slug', () => postSlug(sourcePath, frontMatter.slug), '');
  const publishedAt = rule('date', () => parsePostDate(frontMatter.date), null);
  const updatedField = frontMatter.updated !== undefined ? 'updated' : 'last_modified_at';
  const updatedRaw = frontMatter.updated ?? frontMatter.last_modified_at;
  const updatedAt = updatedRaw === undefined ? null : rule(updatedField, () => parsePostDate(updatedRaw), null);
  const categoryRefs = rule('categories', () => postCategories(frontMatter.categories, frontMatter.category), []);
  if (!frontMatter.title.trim()) errors.push(new ContentError(sourcePath, 'title', 'must not be empty'));
  if (errors.length > 0 || !publishedAt) return { fields: null, errors };

  const ownExcerpt = frontMatter.excerpt?.trim() ?? '';
  return {
    fields: {
      sourcePath,
      postSlug: slug,
      publishedAt,
      updatedAt,
      categoryRefs,
      summary: ownExcerpt || excerptText(body, frontMatter.excerpt_separator ?? excerptSeparator),
      hasOwnExcerpt: Boolean(ownExcerpt),
      headings: extractHeadings(body),
      readingMinutes: readingMinutes(markdownPlainText(body)),
      isDraft: isDraft(frontMatter),
    },
    errors,
  };
}
