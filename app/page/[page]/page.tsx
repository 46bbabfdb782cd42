import type { Metadata } from 'next';
import { ListingPage } from '@/components/listing-page';
import { homeListing, listingMetadata, listingPageParams } from '@/lib/site/listings';

interface Props {
  params: Promise<{ page: string }>;
}

export const dynamicParams = false;

export function generateStaticParams() {
  return listingPageParams(homeListing());
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return listingMetadata(homeListing(), Number((await params).page), {
    isHome: true,
    isPageRoute: true,
  });
}

export default async function HomePageN({ params }: Props) {
  return (
    <ListingPage listing={homeListing()} pageNumber={Number((await params).page)} isPageRoute />
  );
}
