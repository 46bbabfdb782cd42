import type { MetadataRoute } from 'next';
import { homeListing, termListing, type Listing } from '@/lib/site/listings';
import { pageCount, pagePath } from '@/lib/site/pagination';
import { getPages } from '@/lib/site/pages';
import { getPosts } from '@/lib/site/posts';
import { TAXONOMIES } from '@/lib/site/taxonomies';
import { absoluteUrl, archivePath } from '@/lib/site/urls';
import { siteConfig } from '@/site.config';

export const dynamic = 'force-static';

const lastModified = (epochMs: number | undefined) =>
  epochMs === undefined ? undefined : new Date(epochMs);

/** Every page of a listing, each dated by the newest post it shows. */
function listingEntries(listing: Listing): MetadataRoute.Sitemap {
  const pages = pageCount(listing.posts.length, siteConfig.postsPerPage);
  return Array.from({ length: pages }, (_, index) => ({
    url: absoluteUrl(pagePath(listing.path, index + 1)),
    lastModified: lastModified(listing.posts[index * siteConfig.postsPerPage]?.date.epochMs),
  }));
}

export default function sitemap(): MetadataRoute.Sitemap {
  const posts = getPosts();
  const newest = lastModified(posts[0]?.date.epochMs);
  return [
    ...listingEntries(homeListing()),
    ...TAXONOMIES.filter((taxonomy) => taxonomy.hasIndex()).map((taxonomy) => ({
      url: absoluteUrl(taxonomy.indexPath()),
      lastModified: newest,
    })),
    { url: absoluteUrl(archivePath()), lastModified: newest },
    ...TAXONOMIES.flatMap((taxonomy) =>
      taxonomy.terms().flatMap((term) => listingEntries(termListing(taxonomy, term.slug)!)),
    ),
    ...posts
      .filter((post) => post.inSitemap)
      .map((post) => ({
        url: absoluteUrl(post.url),
        lastModified: new Date((post.updated ?? post.date).epochMs),
      })),
    // The markdown pages, but those that say `sitemap: false` (as jekyll-sitemap reads it).
    ...getPages()
      .filter((page) => page.sitemap)
      .map((page) => ({ url: absoluteUrl(page.url) })),
  ];
}
