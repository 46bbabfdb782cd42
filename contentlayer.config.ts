import { defineDocumentType, makeSource, type FieldDefs } from 'contentlayer2/source-files';
import { STAGING_DIR } from './lib/build/paths.mjs';
import { FRONT_MATTER_FIELDS } from './lib/content/front-matter';
import type { DerivedFields } from './lib/content/post-fields';

/**
 * contentlayer reads the staged posts (lib/content/staging.ts): one JSON
 * document per post that has passed the content check, carrying `derived` (the
 * fields computed once by lib/content/post-fields.ts) and `html_file` (the body, rendered
 * by lib/markdown/pipeline.ts in the content step, in parallel and only when it
 * changed). contentlayer validates and types them into `contentlayer/generated`,
 * which every page imports: it holds no post body, so it stays small at any size.
 */
const frontMatterFields = Object.fromEntries(
  Object.entries(FRONT_MATTER_FIELDS).map(([name, spec]) => [
    name,
    { type: spec.type, required: 'required' in spec && spec.required },
  ]),
) as FieldDefs;

const derived =
  <K extends keyof DerivedFields>(key: K) =>
  (post: { derived: unknown }) =>
    (post.derived as DerivedFields)[key];

export const Post = defineDocumentType(() => ({
  name: 'Post',
  filePathPattern: '**/*.json',
  contentType: 'data',
  fields: {
    ...frontMatterFields,
    // Written by the staging step, not by authors.
    source_path: { type: 'string', required: true },
    derived: { type: 'json', required: true },
    // The body's HTML is in .content/html/<html_file>, read by the page that shows it (lib/site/posts.ts).
    html_file: { type: 'string', required: true },
  },
  computedFields: {
    sourcePath: { type: 'string', resolve: derived('sourcePath') },
    htmlFile: { type: 'string', resolve: (post) => post.html_file },
    postSlug: { type: 'string', resolve: derived('postSlug') },
    publishedAt: { type: 'json', resolve: derived('publishedAt') },
    updatedAt: { type: 'json', resolve: derived('updatedAt') },
    categoryRefs: { type: 'json', resolve: derived('categoryRefs') },
    summary: { type: 'string', resolve: derived('summary') },
    hasOwnExcerpt: { type: 'boolean', resolve: derived('hasOwnExcerpt') },
    headings: { type: 'json', resolve: derived('headings') },
    readingMinutes: { type: 'number', resolve: derived('readingMinutes') },
    isDraft: { type: 'boolean', resolve: derived('isDraft') },
  },
}));

export default makeSource({
  contentDirPath: STAGING_DIR,
  documentTypes: [Post],
  // Bad content must fail the build, never vanish: contentlayer's defaults only warn and skip.
  onMissingOrIncompatibleData: 'fail',
  onUnknownDocuments: 'fail',
  onExtraFieldData: 'ignore',
  disableImportAliasWarning: true,
});
