/**
 * The GET handlers of the feed routes (three formats; the site, each category and each tag),
 * so each route file is two lines. Each route file still declares
 * `dynamic = 'force-static'` itself, as Next reads it from the file.
 */
import { feedResponse, siteFeedSource, termFeedSource, type FeedFormat } from './feed';
import type { Taxonomy } from './taxonomies';

export function siteFeedRoute(format: FeedFormat) {
  return { GET: () => feedResponse(siteFeedSource(), format) };
}

export function termFeedRoute(taxonomy: Taxonomy, format: FeedFormat) {
  return {
    GET: async (_request: Request, { params }: { params: Promise<Record<string, string>> }) =>
      feedResponse(
        termFeedSource(taxonomy, decodeURIComponent((await params)[taxonomy.param] ?? '')),
        format,
      ),
    generateStaticParams: taxonomy.params,
  };
}
