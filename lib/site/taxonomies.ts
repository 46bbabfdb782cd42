/**
 * Categories, tags and authors, described once: what their index, listings, feeds, routes and sitemap entries need.
 * Everything that differs between the two is here, so the listing, feed and route code is written once.
 */
import { siteConfig } from '@/site.config';
import {
  getAuthor,
  getTerm,
  getTerms,
  showsAuthors,
  termParams,
  type AuthorProfileData,
  type TaxonomyName,
  type Term,
} from './posts';
import { authorsPath, categoriesPath, tagsPath } from './urls';

export interface Taxonomy {
  /** The route segment and the name in messages: `categories`, `tags`, `authors`. */
  name: TaxonomyName;
  /** The dynamic segment of its routes (`app/tags/[tag]/`). */
  param: 'category' | 'tag' | 'author';
  /** Heading of its index page. */
  title: string;
  singular: string;
  plural: string;
  indexPath: () => string;
  /** Every term with a published post, by name. */
  terms: () => Term[];
  term: (slug: string) => Term | undefined;
  /** The static params of its routes (a placeholder when there is no term). */
  params: () => Record<string, string>[];
  /** The heading and title of a term's listing. */
  termTitle: (name: string) => string;
  /** What a term's listing is: its meta description and its feeds' description. */
  describe: (name: string) => string;
  /** What the index page is, for its meta description. */
  indexDescription: string;
  /**
   * Whether the site has its index page: always for categories and tags (a blog with none says so), only with
   * authors to list for authors (a single-author blog has no author pages; post-export removes the page).
   */
  hasIndex: () => boolean;
  /** What a term's listing shows above its posts: an author's profile. */
  profile?: (slug: string) => AuthorProfileData | undefined;
}

/** A taxonomy from what differs; its lookups follow from its name and param. */
function taxonomy(
  described: Omit<Taxonomy, 'terms' | 'term' | 'params' | 'singular' | 'plural' | 'hasIndex'> &
    Partial<Pick<Taxonomy, 'hasIndex'>>,
): Taxonomy {
  return {
    hasIndex: () => true,
    ...described,
    singular: described.param,
    plural: described.name,
    terms: () => getTerms(described.name),
    term: (slug) => getTerm(described.name, slug),
    params: () => termParams(described.name, described.param),
  };
}

export const categories = taxonomy({
  name: 'categories',
  param: 'category',
  title: 'Categories',
  indexPath: categoriesPath,
  termTitle: (name) => name,
  describe: (name) => `Posts about ${name} on ${siteConfig.title}.`,
  indexDescription: 'Every topic on the blog.',
});

export const tags = taxonomy({
  name: 'tags',
  param: 'tag',
  title: 'Tags',
  indexPath: tagsPath,
  // "Tag: aws" tells a tag's page from a category of the same name.
  termTitle: (name) => `Tag: ${name}`,
  describe: (name) => `Posts tagged ${name} on ${siteConfig.title}.`,
  indexDescription: 'Every tag on the blog, with its number of posts.',
});

export const authors = taxonomy({
  name: 'authors',
  param: 'author',
  title: 'Authors',
  indexPath: authorsPath,
  termTitle: (name) => name,
  describe: (name) => `Posts by ${name} on ${siteConfig.title}.`,
  indexDescription: 'Everyone who writes on the blog, with their number of posts.',
  hasIndex: showsAuthors,
  profile: (slug) => getAuthor(slug)?.profile,
});

export const TAXONOMIES = [categories, tags, authors] as const;
