/**
 * The paginated listings of the site (the home page, each category and each tag), with
 * everything their routes need, so the listing routes stay thin.
 */
import type { Metadata } from 'next';
import { siteConfig } from '@/site.config';
import { termFeedSource, type FeedSource } from './feed';
import { pluralize } from './format';
import { pageMetadata, redirectMetadata } from './metadata';
import { pageParams, pagePath, paginate, type PageOf } from './pagination';
import { getPosts, type AuthorProfileData, type PostListItem } from './posts';
import { breadcrumbLd, websiteLd, type JsonLd } from './structured-data';
import type { Taxonomy } from './taxonomies';
import { homePath } from './urls';

export interface Listing {
  title: string;
  description: string;
  /** URL of page 1. */
  path: string;
  posts: PostListItem[];
  /** The line under the heading. */
  subheading: string;
  /** The listing's own feed, besides the site's (categories, tags and authors). */
  feed?: FeedSource;
  /** An author's profile, shown above their posts. */
  profile?: AuthorProfileData;
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

/** The listing of one category, tag or author. */
export function termListing(taxonomy: Taxonomy, slug: string): Listing | undefined {
  const term = taxonomy.term(slug);
  if (!term) return undefined;
  const profile = taxonomy.profile?.(slug);
  return {
    ...(profile ? { profile } : {}),
    title: taxonomy.termTitle(term.name),
    description: taxonomy.describe(term.name),
    path: term.url,
    posts: term.posts,
    subheading: pluralize(term.posts.length, 'post'),
    feed: termFeedSource(taxonomy, slug),
    structuredData: breadcrumbLd([
      { name: 'Home', path: homePath() },
      { name: taxonomy.title, path: taxonomy.indexPath() },
      { name: term.name, path: term.url },
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
