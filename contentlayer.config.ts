import { defineDocumentType, makeSource } from 'contentlayer2/source-files';
import path from 'node:path';
import {
  ContentError,
  isDraft,
  parsePostDate,
  postCategories,
  postSlug,
  readingMinutes,
} from './lib/content-rules';
import { configureMarkdown } from './lib/markdown/pipeline';
import { STAGING_DIR } from './lib/content-staging';
import { extractHeadings } from './lib/markdown/headings';
import { postLinks } from './lib/markdown/links';
import { excerptText, markdownPlainText } from './lib/markdown/plain-text';
import { siteConfig } from './site.config';

interface RawPost {
  _raw: { sourceFilePath: string };
  source_path?: string;
  body: { raw: string };
  title: string;
  date: string;
  categories?: unknown;
  category?: string;
  excerpt?: string;
  slug?: string;
  published?: boolean;
  draft?: boolean;
  updated?: string;
  last_modified_at?: string;
}

/** The author's file (staging records it), as errors and the content check name it. */
const displayPath = (post: RawPost) => post.source_path ?? path.join(siteConfig.contentDir, post._raw.sourceFilePath);

/** Runs one content rule; a broken rule fails the build naming the file and the field. */
function rule<T>(post: RawPost, field: string, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof ContentError) throw error;
    throw new ContentError(displayPath(post), field, (error as Error).message);
  }
}

export const Post = defineDocumentType(() => ({
  name: 'Post',
  filePathPattern: '**/*.md',
  contentType: 'markdown',
  fields: {
    // Written by the staging step (scripts/prepare-content.ts), not by authors.
    source_path: { type: 'string' },
    title: { type: 'string', required: true },
    date: { type: 'string', required: true },
    categories: { type: 'json' },
    category: { type: 'string' },
    excerpt: { type: 'string' },
    excerpt_separator: { type: 'string' },
    published: { type: 'boolean' },
    draft: { type: 'boolean' },
    slug: { type: 'string' },
    updated: { type: 'string' },
    last_modified_at: { type: 'string' },
    layout: { type: 'string' },
    tags: { type: 'json' },
    permalink: { type: 'string' },
  },
  computedFields: {
    sourcePath: { type: 'string', resolve: (post) => displayPath(post as RawPost) },
    postSlug: {
      type: 'string',
      resolve: (post) => rule(post as RawPost, 'slug', () => postSlug(displayPath(post as RawPost), post.slug)),
    },
    publishedAt: {
      type: 'json',
      resolve: (post) => rule(post as RawPost, 'date', () => parsePostDate(post.date)),
    },
    updatedAt: {
      type: 'json',
      resolve: (post) => {
        const field = post.updated !== undefined ? 'updated' : 'last_modified_at';
        const raw = post.updated ?? post.last_modified_at;
        return raw === undefined ? null : rule(post as RawPost, field, () => parsePostDate(raw));
      },
    },
    categoryRefs: {
      type: 'json',
      resolve: (post) => rule(post as RawPost, 'categories', () => postCategories(post.categories, post.category)),
    },
    summary: {
      type: 'string',
      resolve: (post) => post.excerpt?.trim() || excerptText(post.body.raw, post.excerpt_separator ?? siteConfig.excerptSeparator),
    },
    hasOwnExcerpt: { type: 'boolean', resolve: (post) => Boolean(post.excerpt?.trim()) },
    headings: { type: 'json', resolve: (post) => extractHeadings(post.body.raw) },
    // Links and anchors, checked across posts by scripts/check-content.ts.
    linkCheck: { type: 'json', resolve: (post) => postLinks(post.body.raw) },
    readingMinutes: { type: 'number', resolve: (post) => readingMinutes(markdownPlainText(post.body.raw)) },
    isDraft: { type: 'boolean', resolve: (post) => isDraft(post) },
  },
}));

export default makeSource({
  // contentlayer reads the staged copy of CONTENT_DIR (see lib/content-staging.ts).
  contentDirPath: STAGING_DIR,
  documentTypes: [Post],
  markdown: configureMarkdown,
  // Bad content must fail the build, never vanish: contentlayer's defaults only warn and skip.
  onMissingOrIncompatibleData: 'fail',
  onUnknownDocuments: 'fail',
  onExtraFieldData: 'ignore',
  disableImportAliasWarning: true,
});
