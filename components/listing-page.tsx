import { notFound } from 'next/navigation';
import { listingPage, type Listing } from '@/lib/site/listings';
import { AuthorProfile } from './author-profile';
import { FeedLinks } from './feed-links';
import { JsonLd } from './json-ld';
import { PageHeading } from './page-heading';
import { Pagination } from './pagination';
import { PostList } from './post-list';
import { RedirectPage } from './redirect-page';

/** One page of a listing (home, category, tag or author); `/page/1/` sends readers to the listing's own URL. */
export function ListingPage({
  listing,
  pageNumber,
  isPageRoute = false,
}: {
  listing: Listing;
  pageNumber: number;
  isPageRoute?: boolean;
}) {
  if (isPageRoute && pageNumber === 1) return <RedirectPage to={listing.path} />;
  const page = listingPage(listing, pageNumber);
  if (!page) notFound();
  return (
    <>
      <PageHeading title={pageNumber > 1 ? `${listing.title}: page ${pageNumber}` : listing.title}>
        {listing.subheading}
        {listing.feed ? (
          <FeedLinks source={listing.feed} label={`Follow ${listing.title}:`} />
        ) : null}
      </PageHeading>
      <JsonLd data={listing.structuredData} />
      {listing.profile && page.pageNumber === 1 ? (
        <AuthorProfile profile={listing.profile} />
      ) : null}
      <PostList posts={page.items} />
      <Pagination
        listingPath={listing.path}
        pageNumber={page.pageNumber}
        totalPages={page.totalPages}
      />
    </>
  );
}
