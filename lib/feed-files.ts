/** The feed files of a listing (the site or a category), without the posts: safe to import from scripts. */
export type FeedFormat = 'rss' | 'atom' | 'json';

export const FEED_FILES: Record<FeedFormat, { file: string; type: string; label: string }> = {
  rss: { file: 'feed.xml', type: 'application/rss+xml', label: 'RSS' },
  atom: { file: 'atom.xml', type: 'application/atom+xml', label: 'Atom' },
  json: { file: 'feed.json', type: 'application/feed+json', label: 'JSON Feed' },
};

export const feedPath = (pagePath: string, format: FeedFormat) => `${pagePath}${FEED_FILES[format].file}`;
