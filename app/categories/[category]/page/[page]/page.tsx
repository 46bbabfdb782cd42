import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ListingPage } from '@/components/listing-page';
import { categoryListing, listingMetadata, listingPageParams } from '@/lib/site/listings';
import { categoryParams } from '@/lib/site/posts';

interface Props {
  params: Promise<{ category: string; page: string }>;
}

export const dynamicParams = false;

export function generateStaticParams() {
  return categoryParams().flatMap(({ category }) => {
    const listing = categoryListing(category);
    return listing
      ? listingPageParams(listing).map(({ page }) => ({ category, page }))
      : [{ category, page: '1' }];
  });
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { category, page } = await params;
  const listing = categoryListing(decodeURIComponent(category));
  return listing ? listingMetadata(listing, Number(page), { isPageRoute: true }) : {};
}

export default async function CategoryPageN({ params }: Props) {
  const { category, page } = await params;
  const listing = categoryListing(decodeURIComponent(category));
  if (!listing) notFound();
  return <ListingPage listing={listing} pageNumber={Number(page)} isPageRoute />;
}
