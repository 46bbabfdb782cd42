/**
 * Categories and tags, described once: what their index, listings, feeds, routes and sitemap entries need.
 * Everything that differs between the two is here, so the listing, feed and route code is written once.
 */
import { siteConfig } from '@/site.config';
import { getTerm, getTerms, termParams, type Term } from './posts';
import { categoriesPath, tagsPath } from './urls';

export interface Taxonomy {
  /** The route segment and the name in messages: `categories`, `tags`. */
  name: 'categories' | 'tags';
  /** The dynamic segment of its routes (`app/tags/[tag]/`). */
  param: 'category' | 'tag';
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
}

/** A taxonomy from what differs; its lookups follow from its name and param. */
function taxonomy(
  described: Omit<Taxonomy, 'terms' | 'term' | 'params' | 'singular' | 'plural'>,
): Taxonomy {
  return {
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

export const TAXONOMIES = [categories, tags] as const;
