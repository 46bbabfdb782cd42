/** Page metadata, built in one place for every route: title, description, canonical, feeds, Open Graph, Twitter. */
import type { Metadata } from 'next';
import { siteConfig } from '@/site.config';
import { feedAlternates, siteFeedSource, type FeedSource } from './feed';
import { absoluteUrl } from './urls';

interface PageMetadataInput {
  /** Page title; the root layout's template appends the site name. Omit for the home page. */
  title?: string;
  description?: string;
  path: string;
  type?: 'website' | 'article';
  publishedTime?: string;
  modifiedTime?: string;
  /** Categories of an article (`article:section`). */
  sections?: string[];
  /** Tags of an article (`article:tag`, after its categories). */
  tags?: string[];
  /** Authors of an article (`article:author`, `<meta name="author">`); the site's author when absent. */
  authors?: { name: string; url: string }[];
  /** Feeds of this page besides the site's (a category's or a tag's). */
  feeds?: FeedSource[];
  /**
   * Share image, root-relative or an http(s) URL; the site's default image when absent. `drawn`: one the build
   * draws (1200×630); an author's own image has its own size, unknown here.
   */
  image?: { url: string; drawn: boolean };
}

export const DEFAULT_SHARE_IMAGE = '/share-image.png';

export function pageMetadata(input: PageMetadataInput): Metadata {
  const {
    title,
    description,
    path,
    type = 'website',
    publishedTime,
    modifiedTime,
    sections = [],
    tags = [],
    authors,
    feeds = [],
    image: shareImage = { url: DEFAULT_SHARE_IMAGE, drawn: true },
  } = input;
  const url = absoluteUrl(path);
  const pageDescription = description || siteConfig.description;
  const image = {
    url: absoluteUrl(shareImage.url),
    ...(shareImage.drawn ? { width: 1200, height: 630 } : {}),
    alt: title ?? siteConfig.title,
  };
  return {
    ...(title ? { title } : {}),
    description: pageDescription,
    ...(authors
      ? { authors: authors.map((author) => ({ name: author.name, url: absoluteUrl(author.url) })) }
      : {}),
    // Every page links its feeds; a page's `alternates` replaces the layout's, so they are all set here.
    alternates: { canonical: url, types: feedAlternates([siteFeedSource(), ...feeds]) },
    openGraph: {
      url,
      siteName: siteConfig.title,
      title: title ?? siteConfig.title,
      description: pageDescription,
      locale: siteConfig.language,
      images: [image],
      ...(type === 'article'
        ? {
            type: 'article',
            publishedTime,
            modifiedTime: modifiedTime ?? publishedTime,
            section: sections[0],
            tags: [...sections, ...tags],
            authors: authors?.map((author) => absoluteUrl(author.url)) ?? [siteConfig.author.name],
          }
        : { type: 'website' }),
    },
    twitter: {
      card: 'summary_large_image',
      title: title ?? siteConfig.title,
      description: pageDescription,
      images: [image.url],
    },
  };
}

/** A page that only sends readers elsewhere: not indexed, canonical at its target. */
export function redirectMetadata(targetPath: string): Metadata {
  return {
    title: 'Moved',
    robots: { index: false, follow: true },
    alternates: { canonical: absoluteUrl(targetPath) },
  };
}
