import { categoryFeedRoute } from '@/lib/site/feed-routes';

export const dynamic = 'force-static';
export const dynamicParams = false;
export const { GET, generateStaticParams } = categoryFeedRoute('json');
