import { ListingPage } from '@/components/listing-page';
import { homeListing, listingMetadata } from '@/lib/site/listings';

export const metadata = listingMetadata(homeListing(), 1, { isHome: true });

export default function HomePage() {
  return <ListingPage listing={homeListing()} pageNumber={1} />;
}
