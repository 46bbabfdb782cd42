import { termIndexRoute } from '@/lib/site/listing-routes';
import { authors } from '@/lib/site/taxonomies';

const route = termIndexRoute(authors);
export const metadata = route.metadata;
export default route.Page;
