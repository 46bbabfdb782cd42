import { termIndexRoute } from '@/lib/site/listing-routes';
import { tags } from '@/lib/site/taxonomies';

const route = termIndexRoute(tags);
export const metadata = route.metadata;
export default route.Page;
