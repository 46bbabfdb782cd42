import { termFeedRoute } from '@/lib/site/feed-routes';
import { authors } from '@/lib/site/taxonomies';

export const dynamic = 'force-static';
export const dynamicParams = false;
export const { GET, generateStaticParams } = termFeedRoute(authors, 'json');
