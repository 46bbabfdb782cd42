/**
 * The routes of a taxonomy (categories, tags), written once: each route file under app/categories/ and
 * app/tags/ only names its taxonomy and re-exports what this gives it.
 */
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ListingPage } from '@/components/listing-page';
import { TermIndex } from '@/components/term-index';
import { listingMetadata, listingPageParams, termListing } from './listings';
import { pageMetadata } from './metadata';
import type { Taxonomy } from './taxonomies';

type Params = Promise<Record<string, string>>;

/** The listing a route's params name (undefined for an unknown term) and the page number, when it has one. */
async function readParams(taxonomy: Taxonomy, params: Params) {
  const values = await params;
  return {
    listing: termListing(taxonomy, decodeURIComponent(values[taxonomy.param] ?? '')),
    pageNumber: Number(values.page ?? 1),
  };
}

/** The index of every term: `/tags/`. */
export function termIndexRoute(taxonomy: Taxonomy) {
  return {
    metadata: pageMetadata({
      title: taxonomy.title,
      description: taxonomy.indexDescription,
      path: taxonomy.indexPath(),
    }),
    Page: function TermIndexPage() {
      return <TermIndex taxonomy={taxonomy} />;
    },
  };
}

/** Page 1 of a term's listing: `/tags/<slug>/`. */
export function termListingRoute(taxonomy: Taxonomy) {
  return {
    generateStaticParams: taxonomy.params,
    async generateMetadata({ params }: { params: Params }): Promise<Metadata> {
      const { listing } = await readParams(taxonomy, params);
      return listing ? listingMetadata(listing, 1) : {};
    },
    Page: async function TermListingPage({ params }: { params: Params }) {
      const { listing } = await readParams(taxonomy, params);
      if (!listing) notFound();
      return <ListingPage listing={listing} pageNumber={1} />;
    },
  };
}

/** Page n of a term's listing: `/tags/<slug>/page/<n>/` (page 1 sends readers to the listing's URL). */
export function termListingPageRoute(taxonomy: Taxonomy) {
  return {
    generateStaticParams() {
      return taxonomy.params().flatMap((param) => {
        const listing = termListing(taxonomy, param[taxonomy.param] ?? '');
        return listing
          ? listingPageParams(listing).map(({ page }) => ({ ...param, page }))
          : [{ ...param, page: '1' }];
      });
    },
    async generateMetadata({ params }: { params: Params }): Promise<Metadata> {
      const { listing, pageNumber } = await readParams(taxonomy, params);
      return listing ? listingMetadata(listing, pageNumber, { isPageRoute: true }) : {};
    },
    Page: async function TermListingPageN({ params }: { params: Params }) {
      const { listing, pageNumber } = await readParams(taxonomy, params);
      if (!listing) notFound();
      return <ListingPage listing={listing} pageNumber={pageNumber} isPageRoute />;
    },
  };
}
