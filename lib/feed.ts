/** Feeds, built with the `feed` library from the same post index as every page. */
import { Feed } from 'feed';
import { siteConfig } from '@/site.config';
import { getPost, type PostSummary } from './posts';
import { absoluteUrl, feedPath, homePath } from './urls';

export function buildFeed(posts: PostSummary[]): Feed {
  const newest = posts[0];
  const feed = new Feed({
    id: absoluteUrl(homePath()),
    link: absoluteUrl(homePath()),
    title: siteConfig.title,
    description: siteConfig.description,
    language: siteConfig.language,
    copyright: `© ${siteConfig.author.name}`,
    // The newest post's date, not the build time: rebuilding unchanged content gives the same feed.
    updated: new Date(newest ? (newest.updated ?? newest.date).epochMs : 0),
    generator: false,
    feedLinks: { rss: absoluteUrl(feedPath()) },
    author: { name: siteConfig.author.name, link: siteConfig.author.url },
  });
  for (const summary of posts) {
    const url = absoluteUrl(summary.url);
    feed.addItem({
      title: summary.title,
      id: url,
      link: url,
      description: summary.excerpt,
      content: getPost(summary.slug)?.html,
      date: new Date(summary.date.epochMs),
      category: summary.categories.map((category) => ({ name: category.name, domain: absoluteUrl(category.url) })),
    });
  }
  return feed;
}
