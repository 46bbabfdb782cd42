/** Every URL of the URL contract, written once. Paths carry no base path; sitePath() and <SiteLink> add it. */
import { siteConfig } from '@/site.config';

export const homePath = () => '/';
export const postPath = (slug: string) => `/posts/${slug}/`;
export const postShareImagePath = (slug: string) => `/posts/${slug}/share-image.png`;
export const categoriesPath = () => '/categories/';
export const categoryPath = (slug: string) => `/categories/${slug}/`;
export const tagsPath = () => '/tags/';
export const tagPath = (slug: string) => `/tags/${slug}/`;
export const authorsPath = () => '/authors/';
export const authorPath = (slug: string) => `/authors/${slug}/`;
/**
 * The category or tag param of a blog without any: a static export needs one param for every dynamic route.
 * No category or tag slug can be "_" (lib/content/rules.ts categorySlug), and post-export deletes its files.
 */
export const PLACEHOLDER_TERM = '_';
/** The page route's param of a site without pages; post-export deletes its folder, as the category's. */
export const PLACEHOLDER_PAGE = '_';
export const archivePath = () => '/archive/';
/** Temml's stylesheet (lib/site/math-assets.ts), linked by pages with math; its font is beside it. */
export const mathStylesheetPath = () => '/math/temml.css';
export const searchPath = () => '/search/';
export const sitemapPath = () => '/sitemap.xml';

/** A root-relative path of the site as the browser asks for it: with the base path. */
export const sitePath = (path: string) =>
  path.startsWith('/') ? `${siteConfig.basePath}${path}` : path;

/** Absolute URL for feeds, sitemaps and canonical links: base URL + base path + path. */
export function absoluteUrl(path: string): string {
  if (/^https?:\/\//i.test(path)) return path; // an author's image elsewhere (`image:` of jekyll-seo-tag)
  const encoded = path
    .split('/')
    .map((segment) => encodeURIComponent(decodeURIComponent(segment)))
    .join('/');
  return `${siteConfig.baseUrl}${siteConfig.basePath}${encoded}`;
}
