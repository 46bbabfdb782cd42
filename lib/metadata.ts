/** Page metadata, built in one place for every route. */
import type { Metadata } from 'next';
import { siteConfig } from '@/site.config';
import { absoluteUrl, feedPath } from './urls';

interface PageMetadataInput {
  /** Page title; the root layout's template appends the site name. Omit for the home page. */
  title?: string;
  description?: string;
  path: string;
  type?: 'website' | 'article';
  publishedTime?: string;
  modifiedTime?: string;
}

export function pageMetadata({ title, description, path, type = 'website', publishedTime, modifiedTime }: PageMetadataInput): Metadata {
  const url = absoluteUrl(path);
  const pageDescription = description || siteConfig.description;
  return {
    ...(title ? { title } : {}),
    description: pageDescription,
    // Every page links the feed; a page's `alternates` replaces the layout's, so it is set here.
    alternates: {
      canonical: url,
      types: { 'application/rss+xml': [{ url: absoluteUrl(feedPath()), title: `${siteConfig.title} (RSS)` }] },
    },
    openGraph: {
      type,
      url,
      siteName: siteConfig.title,
      title: title ?? siteConfig.title,
      description: pageDescription,
      locale: siteConfig.language,
      ...(type === 'article' ? { publishedTime, modifiedTime } : {}),
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
