import { termIndexRoute } from '@/lib/site/listing-routes';
import { categories } from '@/lib/site/taxonomies';

const route = termIndexRoute(categories);
export const metadata = route.metadata;
export default route.Page;
