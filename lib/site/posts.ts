/**
 * The only door to posts. Every page, feed, sitemap and static-params list
 * reads from here, so the publish rule is applied in exactly one place.
 */
import { allAuthors, allPosts } from 'contentlayer/generated';
import { readStagedHtml } from '../content/staging';
import { publishOptions } from './publish-options';
import { PLACEHOLDER_TERM } from './urls';
import {
  buildPostIndex,
  type ArchiveYear,
  type Author,
  type Post,
  type PostListItem,
  type Term,
} from './post-index';

export type {
  ArchiveYear,
  Author,
  AuthorLink,
  AuthorProfileData,
  Category,
  CategoryLink,
  Post,
  PostListItem,
  Tag,
  TagLink,
  Term,
  TermLink,
} from './post-index';

// The generated data is the slim part of each post (fields, no body), so every page imports it cheaply;
// a post's HTML is read from its file by the one page (and feed entry) that shows it.
const index = buildPostIndex(allPosts, {
  ...publishOptions,
  authorProfiles: allAuthors,
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

export type TaxonomyName = 'categories' | 'tags' | 'authors';

/** Every category, tag (or author of a blog with several) with at least one published post, by name. */
export function getTerms(taxonomy: TaxonomyName): Term[] {
  return { categories: index.categories, tags: index.tags, authors: index.authors }[taxonomy];
}

export function getTerm(taxonomy: TaxonomyName, slug: string): Term | undefined {
  return {
    categories: index.categoryBySlug,
    tags: index.tagBySlug,
    authors: index.authorBySlug,
  }[taxonomy].get(slug);
}

export function getAuthor(slug: string): Author | undefined {
  return index.authorBySlug.get(slug);
}

/** Bylines are shown only on a blog with more than one author. */
export function showsAuthors(): boolean {
  return index.authors.length > 0;
}

/** Each term's slug under `param`; the placeholder when there is none (lib/site/urls.ts). */
export function termParams(taxonomy: TaxonomyName, param: string): Record<string, string>[] {
  const terms = getTerms(taxonomy).map((term) => ({ [param]: term.slug }));
  return terms.length > 0 ? terms : [{ [param]: PLACEHOLDER_TERM }];
}

/** Every published post grouped by year, newest first. */
export function getArchive(): ArchiveYear[] {
  return index.years;
}
