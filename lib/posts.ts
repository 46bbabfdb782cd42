/**
 * The only door to posts. Every page, feed, sitemap and static-params list
 * reads from here, so the publish rule is applied in exactly one place.
 */
import { allPosts } from 'contentlayer/generated';
import { publishOptions } from './publish-options';
import { buildPostIndex, type ArchiveYear, type Category, type Post, type PostSummary, type SourcePost } from './post-index';

export type { ArchiveYear, Category, CategoryLink, Post, PostSummary } from './post-index';

const index = buildPostIndex(allPosts as unknown as SourcePost[], publishOptions);

/** Every published post, newest first. */
export function getPosts(): PostSummary[] {
  return index.posts;
}

export function getPost(slug: string): Post | undefined {
  return index.postBySlug.get(slug);
}

/** Every category with at least one published post, by name. */
export function getCategories(): Category[] {
  return index.categories;
}

export function getCategory(slug: string): Category | undefined {
  return index.categoryBySlug.get(slug);
}

/** Every published post grouped by year, newest first. */
export function getArchive(): ArchiveYear[] {
  return index.years;
}
