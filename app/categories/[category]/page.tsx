import { termListingRoute } from '@/lib/site/listing-routes';
import { categories } from '@/lib/site/taxonomies';

export const dynamicParams = false;
const route = termListingRoute(categories);
export const { generateStaticParams, generateMetadata } = route;
export default route.Page;
