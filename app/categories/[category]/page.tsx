import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ListingPage } from '@/components/listing-page';
import { categoryListing, listingMetadata } from '@/lib/site/listings';
import { categoryParams } from '@/lib/site/posts';

interface Props {
  params: Promise<{ category: string }>;
}

export const dynamicParams = false;

export const generateStaticParams = categoryParams;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const listing = categoryListing(decodeURIComponent((await params).category));
  return listing ? listingMetadata(listing, 1) : {};
}

export default async function CategoryPage({ params }: Props) {
  const listing = categoryListing(decodeURIComponent((await params).category));
  if (!listing) notFound();
  return <ListingPage listing={listing} pageNumber={1} />;
}
