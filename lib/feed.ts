/**
 * Feeds (RSS 2.0, Atom 1.0, JSON Feed 1.1) for the whole site and for each
 * category, built with the `feed` library from the same post index as every
 * page. Items carry the full post HTML with absolute URLs.
 */
import { Feed } from 'feed';
import { siteConfig } from '@/site.config';
import { FEED_FILES, feedPath, type FeedFormat } from './feed-files';
import { escapeHtml } from './format';
import { bodiesSplicedAfterBuild, feedBodyToken, postBody } from './post-bodies';
import { getCategory, getPost, getPosts, type PostSummary } from './posts';
import { absoluteUrl, categoriesPath, categoryPath, homePath } from './urls';

export { FEED_FILES, feedPath, type FeedFormat };

/** A set of feeds: the site's, or one category's. */
export interface FeedSource {
  title: string;
  description: string;
  /** The page the feed mirrors, e.g. '/' or '/categories/aws/'. */
  pagePath: string;
  posts: PostSummary[];
}

export function siteFeedSource(): FeedSource {
  return { title: siteConfig.title, description: siteConfig.description, pagePath: homePath(), posts: getPosts() };
}

export function categoryFeedSource(slug: string): FeedSource | undefined {
  const category = getCategory(slug);
  if (!category) return undefined;
  return {
    title: `${siteConfig.title}: ${category.name}`,
    description: `Posts about ${category.name} on ${siteConfig.title}.`,
    pagePath: categoryPath(category.slug),
    posts: category.posts,
  };
}

/** A post's body for a feed: in an export build, a token that post-export fills (lib/post-bodies.ts). */
function fullText(slug: string): string {
  if (bodiesSplicedAfterBuild) return feedBodyToken(slug);
  const post = getPost(slug);
  return post ? postBody(post).feedHtml : '';
}

function buildFeed(source: FeedSource): Feed {
  const newest = source.posts[0];
  const feed = new Feed({
    id: absoluteUrl(source.pagePath),
    link: absoluteUrl(source.pagePath),
    title: source.title,
    description: source.description,
    language: siteConfig.language,
    copyright: `© ${siteConfig.author.name}`,
    // The newest post's date, not the build time: rebuilding unchanged content gives the same feed.
    updated: new Date(newest ? (newest.updated ?? newest.date).epochMs : 0),
    generator: false,
    feedLinks: {
      rss: absoluteUrl(feedPath(source.pagePath, 'rss')),
      atom: absoluteUrl(feedPath(source.pagePath, 'atom')),
      json: absoluteUrl(feedPath(source.pagePath, 'json')),
    },
    author: { name: siteConfig.author.name, link: siteConfig.author.url },
  });
  source.posts.forEach((summary, position) => {
    const url = absoluteUrl(summary.url);
    const published = new Date(summary.date.epochMs);
    feed.addItem({
      title: summary.title,
      id: url,
      link: url,
      description: summary.excerpt,
      // Every post is listed; only the newest carry their full text, so a feed's size does not grow with the blog.
      content:
        position < siteConfig.feedFullTextPosts ? fullText(summary.slug) : `<p>${escapeHtml(summary.excerpt)}</p>`,
      date: published,
      published,
      author: [{ name: siteConfig.author.name, link: siteConfig.author.url }],
      // RSS reads name and domain; Atom needs term (the slug) and shows label (the name).
      category: summary.categories.map((category) => ({
        name: category.name,
        domain: absoluteUrl(category.url),
        term: category.slug,
        scheme: absoluteUrl(categoriesPath()),
      })),
    });
  });
  return feed;
}

/** JSON Feed 1.1 from the library's 1.0 output: the version, `authors` and `language`. */
function jsonFeed11(json: string, source: FeedSource): string {
  const data = JSON.parse(json) as Record<string, unknown> & { author?: unknown; items: Record<string, unknown>[] };
  const { author, ...rest } = data;
  const updatedById = new Map(source.posts.map((post) => [absoluteUrl(post.url), post]));
  return JSON.stringify(
    {
      ...rest,
      version: 'https://jsonfeed.org/version/1.1',
      language: siteConfig.language,
      ...(author ? { authors: [author] } : {}),
      items: data.items.map(({ author: itemAuthor, ...item }) => {
        const post = updatedById.get(String(item.id));
        return {
          ...item,
          ...(itemAuthor ? { authors: [itemAuthor] } : {}),
          ...(post ? { date_published: post.date.iso, date_modified: (post.updated ?? post.date).iso } : {}),
        };
      }),
    },
    null,
    2,
  );
}

export function renderFeed(source: FeedSource, format: FeedFormat): string {
  const feed = buildFeed(source);
  if (format === 'rss') return feed.rss2();
  if (format === 'atom') return feed.atom1();
  return jsonFeed11(feed.json1(), source);
}

export function feedResponse(source: FeedSource | undefined, format: FeedFormat): Response {
  if (!source) return new Response('Not found', { status: 404 });
  return new Response(renderFeed(source, format), {
    headers: { 'Content-Type': `${FEED_FILES[format].type}; charset=utf-8` },
  });
}

/** `<link rel="alternate">` entries for a page's feeds, in the shape of Next's `alternates.types`. */
export function feedAlternates(sources: FeedSource[]): Record<string, { url: string; title: string }[]> {
  const types: Record<string, { url: string; title: string }[]> = {};
  for (const format of Object.keys(FEED_FILES) as FeedFormat[]) {
    const { type, label } = FEED_FILES[format];
    types[type] = sources.map((source) => ({ url: absoluteUrl(feedPath(source.pagePath, format)), title: `${source.title} (${label})` }));
  }
  return types;
}
