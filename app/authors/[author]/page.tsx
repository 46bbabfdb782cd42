import { termListingRoute } from '@/lib/site/listing-routes';
import { authors } from '@/lib/site/taxonomies';

export const dynamicParams = false;
const route = termListingRoute(authors);
export const { generateStaticParams, generateMetadata } = route;
export default route.Page;
