/**
 * Feeds (RSS 2.0, Atom 1.0, JSON Feed 1.1) for the whole site and for each
 * category and tag, built with the `feed` library from the same post index as every
 * page. Items carry the full post HTML with absolute URLs; the files are
 * written by lib/site/feed-writer.ts.
 */
import { siteConfig } from '@/site.config';
import { FEED_FILES, feedPath, type FeedFormat } from './feed-files';
import { writeFeed, type FeedInput } from './feed-writer';
import { escapeHtml } from './format';
import { bodiesSplicedAfterBuild, feedBodyToken, postBodyHtml } from '../export/post-bodies';
import { getPost, getPosts, showsAuthors, type PostListItem, type TermLink } from './posts';
import type { Taxonomy } from './taxonomies';
import { absoluteUrl, categoriesPath, homePath, tagsPath } from './urls';

export { FEED_FILES, feedPath, type FeedFormat };

/** A set of feeds: the site's, or one category's or tag's. */
export interface FeedSource {
  title: string;
  description: string;
  /** The page the feed mirrors, e.g. '/' or '/categories/aws/'. */
  pagePath: string;
  posts: PostListItem[];
}

export function siteFeedSource(): FeedSource {
  return {
    title: siteConfig.title,
    description: siteConfig.description,
    pagePath: homePath(),
    posts: getPosts(),
  };
}

/** The feeds of one category or tag. */
export function termFeedSource(taxonomy: Taxonomy, slug: string): FeedSource | undefined {
  const term = taxonomy.term(slug);
  if (!term) return undefined;
  return {
    title: `${siteConfig.title}: ${term.name}`,
    description: taxonomy.describe(term.name),
    pagePath: term.url,
    posts: term.posts,
  };
}

/** A post's body for a feed: in an export build, a token that post-export fills (lib/export/post-bodies.ts). */
function fullText(slug: string): string {
  if (bodiesSplicedAfterBuild) return feedBodyToken(slug);
  const post = getPost(slug);
  return post ? postBodyHtml(post).feedHtml : '';
}

/** A post's categories or tags as a feed's item categories, with the absolute URL of their index. */
const feedTerms = (links: readonly TermLink[], indexPath: string) =>
  links.map((link) => ({
    name: link.name,
    slug: link.slug,
    url: absoluteUrl(link.url),
    scheme: absoluteUrl(indexPath),
  }));

/** The inputs of one feed, from the site's settings and the source's posts. */
function feedInput(source: FeedSource): FeedInput {
  return {
    title: source.title,
    description: source.description,
    pageUrl: absoluteUrl(source.pagePath),
    feedUrls: {
      rss: absoluteUrl(feedPath(source.pagePath, 'rss')),
      atom: absoluteUrl(feedPath(source.pagePath, 'atom')),
      json: absoluteUrl(feedPath(source.pagePath, 'json')),
    },
    language: siteConfig.language,
    copyright: `© ${siteConfig.author.name}`,
    author: { name: siteConfig.author.name, link: siteConfig.author.url },
    entries: source.posts.map((post, position) => ({
      title: post.title,
      url: absoluteUrl(post.url),
      excerpt: post.excerpt,
      // Every post is listed; only the newest carry their full text, so a feed's size does not grow with the blog.
      contentHtml:
        position < siteConfig.feedFullTextPosts
          ? fullText(post.slug)
          : `<p>${escapeHtml(post.excerpt)}</p>`,
      date: post.date,
      updated: post.updated ?? undefined,
      // On a blog of several authors each item names its own; otherwise the feed's author stands for all.
      ...(showsAuthors()
        ? {
            authors: post.authors.map((author) => ({
              name: author.name,
              link: absoluteUrl(author.url),
            })),
          }
        : {}),
      categories: [
        ...feedTerms(post.categories, categoriesPath()),
        ...feedTerms(post.tags, tagsPath()),
      ],
    })),
  };
}

export function renderFeed(source: FeedSource, format: FeedFormat): string {
  return writeFeed(feedInput(source), format);
}

export function feedResponse(source: FeedSource | undefined, format: FeedFormat): Response {
  if (!source) return new Response('Not found', { status: 404 });
  return new Response(renderFeed(source, format), {
    headers: { 'Content-Type': `${FEED_FILES[format].type}; charset=utf-8` },
  });
}

/** `<link rel="alternate">` entries for a page's feeds, in the shape of Next's `alternates.types`. */
export function feedAlternates(
  sources: FeedSource[],
): Record<string, { url: string; title: string }[]> {
  const types: Record<string, { url: string; title: string }[]> = {};
  for (const format of Object.keys(FEED_FILES) as FeedFormat[]) {
    const { type, label } = FEED_FILES[format];
    types[type] = sources.map((source) => ({
      url: absoluteUrl(feedPath(source.pagePath, format)),
      title: `${source.title} (${label})`,
    }));
  }
  return types;
}
