/** The feed files of a listing (the site or a category), without the posts: safe to import from scripts. */
export type FeedFormat = 'rss' | 'atom' | 'json';

export const FEED_FILES: Record<FeedFormat, { file: string; type: string; label: string }> = {
  rss: { file: 'feed.xml', type: 'application/rss+xml', label: 'RSS' },
  atom: { file: 'atom.xml', type: 'application/atom+xml', label: 'Atom' },
  json: { file: 'feed.json', type: 'application/feed+json', label: 'JSON Feed' },
};

export const feedPath = (pagePath: string, format: FeedFormat) =>
  `${pagePath}${FEED_FILES[format].file}`;

/**
 * Characters XML 1.0 forbids (C0 controls other than tab, line feed and carriage return; U+FFFE, U+FFFF;
 * unpaired surrogates) would make a feed ill-formed, and no reader could show them: dropped.
 */
const XML_FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text (or markup) with the characters XML 1.0 forbids removed, for anything written into an XML feed. */
export const xmlAllowedText = (text: string) => text.replace(XML_FORBIDDEN, '');
