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
  const listingOf = async (params: Params) =>
    termListing(taxonomy, decodeURIComponent((await params)[taxonomy.param] ?? ''));
  return {
    generateStaticParams: taxonomy.params,
    async generateMetadata({ params }: { params: Params }): Promise<Metadata> {
      const listing = await listingOf(params);
      return listing ? listingMetadata(listing, 1) : {};
    },
    Page: async function TermListingPage({ params }: { params: Params }) {
      const listing = await listingOf(params);
      if (!listing) notFound();
      return <ListingPage listing={listing} pageNumber={1} />;
    },
  };
}

/** Page n of a term's listing: `/tags/<slug>/page/<n>/` (page 1 sends readers to the listing's URL). */
export function termListingPageRoute(taxonomy: Taxonomy) {
  const read = async (params: Params) => {
    const values = await params;
    return {
      listing: termListing(taxonomy, decodeURIComponent(values[taxonomy.param] ?? '')),
      pageNumber: Number(values.page),
    };
  };
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
      const { listing, pageNumber } = await read(params);
      return listing ? listingMetadata(listing, pageNumber, { isPageRoute: true }) : {};
    },
    Page: async function TermListingPageN({ params }: { params: Params }) {
      const { listing, pageNumber } = await read(params);
      if (!listing) notFound();
      return <ListingPage listing={listing} pageNumber={pageNumber} isPageRoute />;
    },
  };
}
