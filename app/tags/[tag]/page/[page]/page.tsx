import { termListingPageRoute } from '@/lib/site/listing-routes';
import { tags } from '@/lib/site/taxonomies';

export const dynamicParams = false;
const route = termListingPageRoute(tags);
export const { generateStaticParams, generateMetadata } = route;
export default route.Page;
