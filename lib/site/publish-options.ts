/**
 * The options of the publish rule for this build, from the site config: used by
 * lib/site/posts.ts (every page), the content check and the post-export step alike,
 * so all of them agree on which posts exist.
 */
import { existsSync, readFileSync } from 'node:fs';
import { siteConfig } from '@/site.config';
import { GENERATED_AUTHORS_FILE, GENERATED_POSTS_FILE } from '../build/paths.mjs';
import { readStagedHtml } from '../content/staging';
import {
  buildPostIndex,
  type AuthorProfileData,
  type IndexOptions,
  type PostIndex,
  type SourcePost,
} from './post-index';

export const publishOptions: IndexOptions = {
  showDrafts: siteConfig.showDrafts,
  showFuture: siteConfig.showFuture,
  categoryLabels: siteConfig.categoryLabels,
  tagLabels: siteConfig.tagLabels,
  siteAuthor: siteConfig.author,
  ...(siteConfig.editUrl ? { editUrl: siteConfig.editUrl } : {}),
  basePath: siteConfig.basePath,
  origin: siteConfig.baseUrl,
};

/** contentlayer's data as the build steps outside Next read it (scripts/next-export.ts, post-export). */
export function readGeneratedPosts(): (SourcePost & { permalink?: string })[] {
  return JSON.parse(readFileSync(GENERATED_POSTS_FILE, 'utf8')) as (SourcePost & {
    permalink?: string;
  })[];
}

/** The author profiles contentlayer generated (none before the first content step). */
export function readGeneratedAuthors(): AuthorProfileData[] {
  return existsSync(GENERATED_AUTHORS_FILE)
    ? (JSON.parse(readFileSync(GENERATED_AUTHORS_FILE, 'utf8')) as AuthorProfileData[])
    : [];
}

/**
 * The post index of this build from contentlayer's data, for the build steps outside Next (next-export,
 * post-export): the same rule and options as every page (lib/site/posts.ts), bodies read when asked for.
 */
export function loadPublishedIndex(): {
  sources: ReturnType<typeof readGeneratedPosts>;
  index: PostIndex;
} {
  const sources = readGeneratedPosts();
  return {
    sources,
    index: buildPostIndex(sources, {
      ...publishOptions,
      authorProfiles: readGeneratedAuthors(),
      readHtml: readStagedHtml,
    }),
  };
}
