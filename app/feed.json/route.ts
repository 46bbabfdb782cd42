import { siteFeedRoute } from '@/lib/site/feed-routes';

export const dynamic = 'force-static';
export const { GET } = siteFeedRoute('json');
