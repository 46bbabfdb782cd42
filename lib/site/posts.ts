/**
 * The only door to posts. Every page, feed, sitemap and static-params list
 * reads from here, so the publish rule is applied in exactly one place.
 */
import { allPosts } from 'contentlayer/generated';
import { readStagedHtml } from '../content/staging';
import { publishOptions } from './publish-options';
import { PLACEHOLDER_CATEGORY } from './urls';
import {
  buildPostIndex,
  type ArchiveYear,
  type Category,
  type Post,
  type PostListItem,
} from './post-index';

export type { ArchiveYear, Category, CategoryLink, Post, PostListItem } from './post-index';

// The generated data is the slim part of each post (fields, no body), so every page imports it cheaply;
// a post's HTML is read from its file by the one page (and feed entry) that shows it.
const index = buildPostIndex(allPosts, {
  ...publishOptions,
  readHtml: readStagedHtml,
});

/** A page's HTML as the site serves it: links to posts' old URLs rewritten, the base path added. */
export function siteBodyHtml(html: string): string {
  return index.bodyHtml(html);
}

/** Every published post, newest first. */
export function getPosts(): PostListItem[] {
  return index.posts;
}

export function getPost(slug: string): Post | undefined {
  return index.postBySlug.get(slug);
}

/** Every category with at least one published post, by name. */
export function getCategories(): Category[] {
  return index.categories;
}

/** The params of every category route; the placeholder when there is no category (lib/site/urls.ts). */
export function categoryParams(): { category: string }[] {
  const categories = index.categories.map((category) => ({ category: category.slug }));
  return categories.length > 0 ? categories : [{ category: PLACEHOLDER_CATEGORY }];
}

export function getCategory(slug: string): Category | undefined {
  return index.categoryBySlug.get(slug);
}

/** Every published post grouped by year, newest first. */
export function getArchive(): ArchiveYear[] {
  return index.years;
}
