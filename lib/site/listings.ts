/**
 * The paginated listings of the site (the home page and each category), with
 * everything their routes need, so the four listing routes stay thin.
 */
import type { Metadata } from 'next';
import { siteConfig } from '@/site.config';
import { categoryDescription, categoryFeedSource, type FeedSource } from './feed';
import { pluralize } from './format';
import { pageMetadata, redirectMetadata } from './metadata';
import { pageParams, pagePath, paginate, type PageOf } from './pagination';
import { getCategory, getPosts, type PostListItem } from './posts';
import { breadcrumbLd, websiteLd, type JsonLd } from './structured-data';
import { categoriesPath, homePath } from './urls';

export interface Listing {
  title: string;
  description: string;
  /** URL of page 1. */
  path: string;
  posts: PostListItem[];
  /** The line under the heading. */
  subheading: string;
  /** The listing's own feed, besides the site's (categories). */
  feed?: FeedSource;
  structuredData: JsonLd;
}

export function homeListing(): Listing {
  const posts = getPosts();
  return {
    title: siteConfig.title,
    description: siteConfig.description,
    path: homePath(),
    posts,
    subheading: siteConfig.description,
    structuredData: websiteLd(),
  };
}

export function categoryListing(slug: string): Listing | undefined {
  const category = getCategory(slug);
  if (!category) return undefined;
  return {
    title: category.name,
    description: categoryDescription(category.name),
    path: category.url,
    posts: category.posts,
    subheading: pluralize(category.posts.length, 'post'),
    feed: categoryFeedSource(slug),
    structuredData: breadcrumbLd([
      { name: 'Home', path: homePath() },
      { name: 'Categories', path: categoriesPath() },
      { name: category.name, path: category.url },
    ]),
  };
}

export function listingPage(
  listing: Listing,
  pageNumber: number,
): PageOf<PostListItem> | undefined {
  return paginate(listing.posts, pageNumber, siteConfig.postsPerPage);
}

export function listingPageParams(listing: Listing): { page: string }[] {
  return pageParams(listing.posts.length, siteConfig.postsPerPage);
}

export function listingMetadata(
  listing: Listing,
  pageNumber: number,
  { isHome = false, isPageRoute = false } = {},
): Metadata {
  if (isPageRoute && pageNumber === 1) return redirectMetadata(listing.path);
  const suffix = pageNumber > 1 ? ` (page ${pageNumber})` : '';
  return pageMetadata({
    title:
      isHome && pageNumber === 1
        ? undefined
        : `${isHome ? 'Latest posts' : listing.title}${suffix}`,
    description: `${listing.description}${suffix}`,
    path: pagePath(listing.path, pageNumber),
    feeds: listing.feed ? [listing.feed] : [],
  });
}
