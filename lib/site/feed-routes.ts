/**
 * The GET handlers of the six feed routes (three formats, site and category),
 * so each route file is two lines. Each route file still declares
 * `dynamic = 'force-static'` itself, as Next reads it from the file.
 */
import { categoryFeedSource, feedResponse, siteFeedSource, type FeedFormat } from './feed';
import { categoryParams } from './posts';

export function siteFeedRoute(format: FeedFormat) {
  return { GET: () => feedResponse(siteFeedSource(), format) };
}

export function categoryFeedRoute(format: FeedFormat) {
  return {
    GET: async (_request: Request, { params }: { params: Promise<{ category: string }> }) =>
      feedResponse(categoryFeedSource(decodeURIComponent((await params).category)), format),
    generateStaticParams: categoryParams,
  };
}
