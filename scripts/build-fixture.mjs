#!/usr/bin/env node
/**
 * Builds the fixture corpus (e2e/fixtures/jekyll/_posts, with the pages of e2e/fixtures/pages) as a second export under the
 * base path /blog with two posts a page and jekyllRedirects on, into e2e/.out/fixture,
 * for the Playwright suite.
 */
import { exportTo } from './export-to.mjs';

// Two posts a page, so the few fixture posts make several pages; Jekyll's default permalinks redirected.
exportTo('e2e/.out/fixture', {
  CONTENT_DIR: 'e2e/fixtures/jekyll/_posts',
  PAGES_DIR: 'e2e/fixtures/pages',
  BASE_PATH: '/blog',
  POSTS_PER_PAGE: '2',
  JEKYLL_REDIRECTS: '1',
  EDIT_URL: 'https://github.com/fullstackmaster/blog/edit/main/e2e/fixtures/jekyll/_posts/{path}',
});
console.log('Fixture export written to e2e/.out/fixture (base path /blog)');
