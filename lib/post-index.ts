/**
 * Builds, once, every view of the posts that pages need: the publish rule,
 * newest-first order, lookups by slug and category. Pure over its input so
 * the rules are unit-tested without a build.
 */
import { ContentError, type CategoryRef, type ParsedDate } from './content-rules';
import { categoryPath, postPath } from './urls';

/** What contentlayer generates for one post (only the fields read here). */
export interface SourcePost {
  title: string;
  sourcePath: string;
  postSlug: string;
  publishedAt: ParsedDate;
  updatedAt: ParsedDate | null;
  categoryRefs: CategoryRef[];
  summary: string;
  readingMinutes: number;
  isDraft: boolean;
  body: { html: string };
}

export interface PostSummary {
  slug: string;
  url: string;
  title: string;
  date: ParsedDate;
  updated: ParsedDate | null;
  categories: CategoryLink[];
  excerpt: string;
  readingMinutes: number;
  isDraft: boolean;
  sourcePath: string;
}

export interface Post extends PostSummary {
  html: string;
}

export interface CategoryLink {
  slug: string;
  name: string;
  url: string;
}

export interface Category extends CategoryLink {
  /** Newest first. */
  posts: PostSummary[];
}

export interface PostIndex {
  /** Every visible post, newest first. */
  posts: PostSummary[];
  postBySlug: Map<string, Post>;
  /** Sorted by display name. */
  categories: Category[];
  categoryBySlug: Map<string, Category>;
}

export interface IndexOptions {
  /** Show drafts (while developing); a production build leaves them out entirely. */
  showDrafts: boolean;
  /** Display names by category slug that win over the spelling in posts. */
  categoryLabels: Record<string, string>;
}

function newestFirst(a: SourcePost, b: SourcePost): number {
  return b.publishedAt.epochMs - a.publishedAt.epochMs || a.postSlug.localeCompare(b.postSlug);
}

export function buildPostIndex(sources: readonly SourcePost[], options: IndexOptions): PostIndex {
  const fileBySlug = new Map<string, string>();
  for (const source of sources) {
    if (!source.title.trim()) throw new ContentError(source.sourcePath, 'title', 'must not be empty');
    const other = fileBySlug.get(source.postSlug);
    if (other !== undefined) {
      throw new ContentError(
        source.sourcePath,
        'slug',
        `"${source.postSlug}" is also the slug of ${other}; give one of them another "slug"`,
      );
    }
    fileBySlug.set(source.postSlug, source.sourcePath);
  }

  const visible = sources.filter((source) => options.showDrafts || !source.isDraft).sort(newestFirst);

  // A category is named as the newest post spells it, unless the site config says otherwise.
  const categoryNames = new Map<string, string>();
  for (const source of visible) {
    for (const ref of source.categoryRefs) {
      if (!categoryNames.has(ref.slug)) categoryNames.set(ref.slug, options.categoryLabels[ref.slug] ?? ref.name);
    }
  }
  const categoryLink = (slug: string): CategoryLink => ({
    slug,
    name: categoryNames.get(slug) ?? slug,
    url: categoryPath(slug),
  });

  const postBySlug = new Map<string, Post>();
  const categoryBySlug = new Map<string, Category>();
  const posts = visible.map((source) => {
    const post: Post = {
      slug: source.postSlug,
      url: postPath(source.postSlug),
      title: source.title.trim(),
      date: source.publishedAt,
      updated: source.updatedAt,
      categories: source.categoryRefs.map((ref) => categoryLink(ref.slug)),
      excerpt: source.summary,
      readingMinutes: source.readingMinutes,
      isDraft: source.isDraft,
      sourcePath: source.sourcePath,
      html: source.body.html,
    };
    postBySlug.set(post.slug, post);
    const { html: _html, ...summary } = post;
    for (const link of summary.categories) {
      let category = categoryBySlug.get(link.slug);
      if (!category) {
        category = { ...link, posts: [] };
        categoryBySlug.set(link.slug, category);
      }
      category.posts.push(summary);
    }
    return summary;
  });

  const categories = [...categoryBySlug.values()].sort(
    (a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.slug.localeCompare(b.slug),
  );
  return { posts, postBySlug, categories, categoryBySlug };
}
