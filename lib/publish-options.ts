/**
 * The options of the publish rule for this build, from the site config: used by
 * lib/posts.ts (every page), the content check and the post-export step alike,
 * so all of them agree on which posts exist.
 */
import { siteConfig } from '@/site.config';
import type { IndexOptions } from './post-index';

export const publishOptions: IndexOptions = {
  showDrafts: siteConfig.showDrafts,
  showFuture: siteConfig.showFuture,
  categoryLabels: siteConfig.categoryLabels,
  basePath: siteConfig.basePath,
};
