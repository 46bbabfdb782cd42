/**
 * Everything a blog owner changes lives here. This is also the only module
 * that reads the environment, so every other file gets settings from one place;
 * lib/build/settings.ts validates each variable (a bad one stops the build, named).
 */
import { existsSync } from 'node:fs';
import { readSettings } from './lib/build/settings';
import type { AuthorProfileInput } from './lib/content/authors';
import type { AnalyticsSettings, GiscusSettings } from './lib/site/third-party';
import { jekyllConfigFile, jekyllSmartQuotes, readJekyllConfig } from './lib/jekyll/config';

export interface NavItem {
  label: string;
  href: string;
}

export interface SiteConfig {
  title: string;
  description: string;
  /** The blog's author: of every post that names none, and of the site in feeds and structured data. */
  author: { name: string; url?: string };
  /**
   * Profiles of the authors posts name (`author: jane`), by key: name, bio, avatar (a site path or an https URL),
   * links, and the shorthands `url`, `github`, `twitter`. A Jekyll site's `_data/authors.yml` (or one beside a
   * folder of posts) is read too; these win key by key. A blog whose posts have one author shows no author pages.
   */
  authors: Record<string, AuthorProfileInput>;
  /** Absolute origin of the production site, without a trailing slash. */
  baseUrl: string;
  /** Sub-path the site is served under ('' for the root, or '/blog'). */
  basePath: string;
  language: string;
  postsPerPage: number;
  /**
   * Feeds (site and category) list every post; the newest this many carry their full text, the rest
   * their excerpt. Feed readers poll feeds, so a feed's size should not grow with the blog.
   */
  feedFullTextPosts: number;
  nav: NavItem[];
  /**
   * Jekyll's excerpt_separator for every post (a post's front matter may set its own):
   * the excerpt is the text before it. Unset: the first paragraph.
   */
  excerptSeparator?: string;
  /** Display names that override the spelling found in posts, keyed by category slug. */
  categoryLabels: Record<string, string>;
  /** Display names that override the spelling found in posts, keyed by tag slug. */
  tagLabels: Record<string, string>;
  /** Folder of markdown posts, relative to the project root or absolute. */
  contentDir: string;
  /**
   * Folder of the site's own markdown pages (About, Talks…), each at `/<name>/` or its `permalink:`; `nav: true`
   * (or `nav: "Label"`, with `nav_order: 1`) adds one to the header after `nav`. PAGES_DIR sets it; by default
   * content/pages when it exists and CONTENT_DIR is unset. A Jekyll site's markdown pages come with the site.
   */
  pagesDir?: string;
  /**
   * "Edit this post" under each post, to its file in the repository: an https URL with `{path}` for the post's
   * path in the content folder (EDIT_URL). Unset: no link.
   */
  editUrl?: string;
  /**
   * giscus comments (GitHub Discussions) under each post, loaded when the reader scrolls to them, in the site's
   * light or dark theme: the four values giscus.app gives (GISCUS_REPO, GISCUS_REPO_ID, GISCUS_CATEGORY,
   * GISCUS_CATEGORY_ID). Unset: no comments, and nothing is loaded.
   */
  comments?: GiscusSettings;
  /**
   * Analytics loaded deferred on every page: Plausible (PLAUSIBLE_DOMAIN, PLAUSIBLE_SRC for a self-hosted one),
   * Umami (UMAMI_WEBSITE_ID, UMAMI_SRC) or Google Analytics 4 (GA4_ID). Empty: none, and nothing is loaded.
   * Each service adds to the Content-Security-Policy exactly the origins it needs.
   */
  analytics: AnalyticsSettings[];
  /** Drafts and unpublished posts are shown (marked) only while developing. */
  showDrafts: boolean;
  /**
   * Redirect each post's Jekyll URL to it: on for a Jekyll site root (the URL its permalink setting gave);
   * for a folder of posts moved from Jekyll, Jekyll's default /:categories/:year/:month/:day/:title.html.
   */
  jekyllRedirects: boolean;
  /** Posts dated in the future are published only with FUTURE=1 (Jekyll's --future), or while developing. */
  showFuture: boolean;
  /**
   * Extra `site.*` variables for Liquid in posts (the keys of a Jekyll `_config.yml` that posts use).
   * `site.title`, `site.description`, `site.author`, `site.lang`, `site.url` and `site.baseurl` are always set.
   */
  liquidVariables: Record<string, unknown>;
  /**
   * Files or folders of the content folder published even when no post links to them (a downloads folder a
   * page elsewhere links to), relative to it: `['downloads/', 'cv.pdf']`. Linked files are published anyway;
   * dot files and dot folders never are.
   */
  contentAssets: string[];
  /** Liquid's `jekyll.environment` (JEKYLL_ENV): production for builds, development while developing. */
  jekyllEnvironment: string;
  /**
   * The markdown posts are read as: GFM for our own posts, kramdown (Jekyll's) for a Jekyll site root.
   * `smartQuotes` turns quotes, dashes and ellipses typographic (true), uses four other quotes written as
   * kramdown's `smart_quotes` ('sbquo,lsquo,bdquo,ldquo'), or leaves text as typed (false). The shape of
   * lib/markdown/dialect.ts, written out so that what reads this file does not depend on the markdown code.
   */
  markdown: { kramdown: boolean; smartQuotes: boolean | string };
}

const env = readSettings(process.env);
const development = process.env.NODE_ENV === 'development';
const contentDir = env.contentDir ?? 'content/posts';
const DEFAULT_PAGES_DIR = 'content/pages';

/**
 * When CONTENT_DIR is a Jekyll site root, its `_config.yml` (problems are reported by `npm run check`). Its
 * title, description, author, url, baseurl, future, show_drafts and excerpt_separator replace the defaults
 * below; the environment (SITE_URL, BASE_PATH, FUTURE, SHOW_DRAFTS, JEKYLL_REDIRECTS) wins over both.
 */
export const jekyllSite = jekyllConfigFile(contentDir)
  ? readJekyllConfig(contentDir, contentDir)
  : undefined;
const jekyll = jekyllSite?.config;

export const siteConfig: SiteConfig = {
  title: jekyll?.title ?? 'Full Stack Master',
  description:
    jekyll?.description ??
    'Practical articles on cloud architecture, DevOps and full-stack engineering.',
  author: jekyll?.author ?? { name: 'Full Stack Master', url: 'https://www.fullstackmaster.net' },
  // e.g. { jane: { name: 'Jane Doe', bio: 'Writes about queues.', avatar: '/images/jane.jpg', github: 'jane' } }
  authors: {},
  baseUrl: env.baseUrl ?? jekyll?.url ?? 'https://www.fullstackmaster.net',
  basePath: env.basePath ?? jekyll?.baseurl ?? '',
  language: 'en',
  postsPerPage: env.postsPerPage ?? 10,
  feedFullTextPosts: 20,
  nav: [
    { label: 'Home', href: '/' },
    { label: 'Categories', href: '/categories/' },
    { label: 'Archive', href: '/archive/' },
    { label: 'Search', href: '/search/' },
  ],
  excerptSeparator: jekyll?.excerptSeparator, // e.g. '<!--more-->'
  // e.g. { aws: 'AWS' } to show "AWS" wherever posts wrote "aws".
  categoryLabels: {},
  // e.g. { javascript: 'JavaScript' }.
  tagLabels: {},
  contentDir,
  pagesDir:
    env.pagesDir ??
    (env.contentDir === undefined && existsSync(DEFAULT_PAGES_DIR) ? DEFAULT_PAGES_DIR : undefined),
  // e.g. 'https://github.com/me/blog/edit/main/content/posts/{path}'
  editUrl: env.editUrl,
  // e.g. { repo: 'me/blog', repoId: 'R_…', category: 'Comments', categoryId: 'DIC_…' }
  comments: env.comments,
  // e.g. [{ provider: 'plausible', domain: 'blog.example.com', src: 'https://plausible.io/js/script.js' }]
  analytics: env.analytics ?? [],
  showDrafts: development || (env.showDrafts ?? jekyll?.showDrafts ?? false),
  jekyllRedirects: env.jekyllRedirects ?? Boolean(jekyll),
  showFuture: development || (env.showFuture ?? jekyll?.future ?? false),
  // e.g. { github_username: 'someone' } for {{ site.github_username }}; a Jekyll site's keys are all there.
  liquidVariables: { ...jekyll?.variables },
  contentAssets: [],
  jekyllEnvironment: env.jekyllEnvironment ?? (development ? 'development' : 'production'),
  markdown: jekyll
    ? { kramdown: true, smartQuotes: jekyllSmartQuotes(jekyll.kramdown) }
    : { kramdown: false, smartQuotes: true },
};
