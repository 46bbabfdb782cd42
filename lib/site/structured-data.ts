/** schema.org JSON-LD for search engines: WebSite, BlogPosting and BreadcrumbList. */
import { siteConfig } from '@/site.config';
import { getAuthor, showsAuthors, type AuthorProfileData, type Post } from './posts';
import { absoluteUrl, homePath } from './urls';

export type JsonLd = Record<string, unknown>;

export interface Crumb {
  name: string;
  path: string;
}

export function websiteLd(): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: siteConfig.title,
    description: siteConfig.description,
    url: absoluteUrl(homePath()),
    inLanguage: siteConfig.language,
    publisher: { '@type': 'Person', name: siteConfig.author.name, url: siteConfig.author.url },
  };
}

export function breadcrumbLd(crumbs: Crumb[]): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: absoluteUrl(crumb.path),
    })),
  };
}

/** An author as schema.org's Person: their page here, their avatar and their profiles elsewhere (`sameAs`). */
function personLd(name: string, pagePath: string, profile: AuthorProfileData | undefined): JsonLd {
  const elsewhere = (profile?.links ?? [])
    .map((link) => link.url)
    .filter((url) => /^https?:\/\//i.test(url));
  return {
    '@type': 'Person',
    name,
    url: absoluteUrl(pagePath),
    ...(profile?.avatar ? { image: absoluteUrl(profile.avatar) } : {}),
    ...(elsewhere.length > 0 ? { sameAs: elsewhere } : {}),
  };
}

export function blogPostingLd(post: Post, imagePath: string): JsonLd {
  const url = absoluteUrl(post.url);
  return {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: post.title,
    description: post.excerpt,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    datePublished: post.date.iso,
    dateModified: (post.updated ?? post.date).iso,
    author: showsAuthors()
      ? post.authors.map((author) =>
          personLd(author.name, author.url, getAuthor(author.slug)?.profile),
        )
      : { '@type': 'Person', name: siteConfig.author.name, url: siteConfig.author.url },
    publisher: { '@type': 'Person', name: siteConfig.author.name, url: siteConfig.author.url },
    image: absoluteUrl(imagePath),
    articleSection: post.categories.map((category) => category.name),
    ...(post.tags.length > 0 ? { keywords: post.tags.map((tag) => tag.name) } : {}),
    inLanguage: siteConfig.language,
  };
}

/** Breadcrumbs of a post: home, its first category, the post. */
export function postCrumbs(post: Post): Crumb[] {
  const category = post.categories[0];
  return [
    { name: 'Home', path: homePath() },
    ...(category ? [{ name: category.name, path: category.url }] : []),
    { name: post.title, path: post.url },
  ];
}
