#!/usr/bin/env node
/**
 * Builds the fixture corpus (e2e/fixtures/jekyll/_posts, with the pages of e2e/fixtures/pages) as a second export under the
 * base path /blog with two posts a page and jekyllRedirects on, into e2e/.out/fixture, for the Playwright suite;
 * then the same with every third-party service on (comments and the three analytics services) into
 * e2e/.out/third-party, for e2e/third-party.spec.ts. The second build reuses the first one's caches.
 */
import { exportTo } from './export-to.mjs';

// Two posts a page, so the few fixture posts make several pages; Jekyll's default permalinks redirected.
const FIXTURE = {
  CONTENT_DIR: 'e2e/fixtures/jekyll/_posts',
  PAGES_DIR: 'e2e/fixtures/pages',
  BASE_PATH: '/blog',
  POSTS_PER_PAGE: '2',
  JEKYLL_REDIRECTS: '1',
  EDIT_URL: 'https://github.com/fullstackmaster/blog/edit/main/e2e/fixtures/jekyll/_posts/{path}',
};
exportTo('e2e/.out/fixture', FIXTURE);
console.log('Fixture export written to e2e/.out/fixture (base path /blog)');

// Made-up ids in the formats giscus, Plausible, Umami and Google give: the spec stubs their hosts.
exportTo('e2e/.out/third-party', {
  ...FIXTURE,
  GISCUS_REPO: 'fullstackmaster/blog',
  GISCUS_REPO_ID: 'R_kgDOFixture',
  GISCUS_CATEGORY: 'Comments',
  GISCUS_CATEGORY_ID: 'DIC_kwDOFixture4C',
  PLAUSIBLE_DOMAIN: 'blog.example.com',
  UMAMI_WEBSITE_ID: '94db1cb1-74f4-4a40-ad6c-962362670409',
  GA4_ID: 'G-FIXTURE123',
});
console.log('Fixture export with comments and analytics written to e2e/.out/third-party');
