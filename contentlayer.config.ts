import {
  defineDocumentType,
  defineNestedType,
  makeSource,
  type FieldDefs,
} from 'contentlayer2/source-files';
import path from 'node:path';
import {
  AUTHORS_STAGING_DIR,
  CONTENTLAYER_SOURCE_DIR,
  PAGES_STAGING_DIR,
  STAGING_DIR,
} from './lib/build/paths.mjs';
import { FRONT_MATTER_FIELDS } from './lib/content/front-matter';

/**
 * contentlayer reads the staged posts (lib/content/staging.ts): one JSON document per post that has passed
 * the content check, carrying its front matter, the fields computed once by lib/content/post-fields.ts, and
 * `htmlFile`, the body rendered by the markdown pipeline in the content step. contentlayer validates and
 * types them into `contentlayer/generated`, which every page imports: it holds no post body, so it stays
 * small at any size.
 */
const frontMatterFields = Object.fromEntries(
  Object.entries(FRONT_MATTER_FIELDS).map(([name, spec]) => [
    name,
    { type: spec.type, required: 'required' in spec && spec.required },
  ]),
) as FieldDefs;

/**
 * The derived fields that are objects or lists of objects (dates, category, tag and author references, headings)
 * are `json`: contentlayer checks that each is there and passes it through. As `nested` types it ran a fiber per
 * field of every object, which was more than half of its time (docs/decisions.md, "Build speed"). Their type is
 * the one the content step wrote them from (`DerivedFields`, lib/content/post-fields.ts), which the pages read
 * them as (`SourcePost`, lib/site/post-index.ts).
 */
const derivedObjectField = (required: boolean) => ({ type: 'json', required }) as const;

export const Post = defineDocumentType(() => ({
  name: 'Post',
  filePathPattern: 'posts/**/*.json',
  contentType: 'data',
  fields: {
    ...frontMatterFields,
    // Written by the staging step, not by authors: the derived fields (lib/content/post-fields.ts) and the
    // name of the body's HTML file in .content/html/, read by the page that shows it (lib/site/posts.ts).
    sourcePath: { type: 'string', required: true },
    // The front matter's title, else Jekyll's title from the file name.
    title: { type: 'string', required: true },
    postSlug: { type: 'string', required: true },
    publishedAt: derivedObjectField(true),
    updatedAt: derivedObjectField(false),
    categoryRefs: derivedObjectField(true),
    tagRefs: derivedObjectField(true),
    authorRefs: derivedObjectField(true),
    summary: { type: 'string', required: true },
    hasOwnExcerpt: { type: 'boolean', required: true },
    headings: derivedObjectField(true),
    readingMinutes: { type: 'number', required: true },
    hasMath: { type: 'boolean', required: true },
    contentPath: { type: 'string', required: true },
    isDraft: { type: 'boolean', required: true },
    inSitemap: { type: 'boolean', required: true },
    oldUrls: { type: 'list', of: { type: 'string' }, required: true },
    jekyllUrl: { type: 'string', required: true },
    shareImage: { type: 'string', required: true },
    htmlFile: { type: 'string', required: true },
  },
}));

/** A markdown page, the site's own or a Jekyll site's (lib/content/pages.ts), staged with its HTML. */
export const Page = defineDocumentType(() => ({
  name: 'Page',
  filePathPattern: 'pages/**/*.json',
  contentType: 'data',
  fields: {
    sourcePath: { type: 'string', required: true },
    title: { type: 'string', required: true },
    pageUrl: { type: 'string', required: true },
    jekyllUrl: { type: 'string', required: true },
    oldUrls: { type: 'list', of: { type: 'string' }, required: true },
    description: { type: 'string', required: true },
    sitemap: { type: 'boolean', required: true },
    html: { type: 'string', required: true },
    nav: { type: 'string', required: false },
    navOrder: { type: 'number', required: false },
  },
}));

const AuthorLink = defineNestedType(() => ({
  name: 'AuthorLink',
  fields: { label: { type: 'string', required: true }, url: { type: 'string', required: true } },
}));

/** An author's profile (lib/content/authors.ts), checked by the content step. */
export const Author = defineDocumentType(() => ({
  name: 'Author',
  filePathPattern: 'authors/**/*.json',
  contentType: 'data',
  fields: {
    sourcePath: { type: 'string', required: true },
    slug: { type: 'string', required: true },
    name: { type: 'string', required: true },
    bio: { type: 'string', required: false },
    avatar: { type: 'string', required: false },
    links: { type: 'list', of: AuthorLink, required: true },
  },
}));

export default makeSource({
  contentDirPath: CONTENTLAYER_SOURCE_DIR,
  contentDirInclude: [
    path.basename(STAGING_DIR),
    path.basename(PAGES_STAGING_DIR),
    path.basename(AUTHORS_STAGING_DIR),
  ],
  documentTypes: [Post, Page, Author],
  // Bad content must fail the build, never vanish: contentlayer's defaults only warn and skip.
  onMissingOrIncompatibleData: 'fail',
  onUnknownDocuments: 'fail',
  onExtraFieldData: 'ignore',
  disableImportAliasWarning: true,
});
