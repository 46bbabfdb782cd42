import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

/**
 * The suite tests the exported sites through a plain static file server:
 * out/ (the real content) and e2e/.out/fixture (the fixture corpus, built
 * under the base path /blog). `npm test` builds both first.
 * Chromium: $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own.
 */
const executablePath =
  process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

const SITE_PORT = 4173;
const FIXTURE_PORT = 4174;
// The fixture export behind a real nginx with deploy/nginx.conf (needs the nginx package).
const NGINX_PORT = 4175;
// The fixture built with comments and analytics on (e2e/.out/third-party), behind nginx too.
const THIRD_PARTY_PORT = 4176;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    ...devices['Desktop Chrome'],
    launchOptions: { executablePath },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'site', testMatch: 'site.spec.ts', use: { baseURL: `http://127.0.0.1:${SITE_PORT}` } },
    {
      name: 'fixture',
      testMatch: [
        'fixture.spec.ts',
        'reading.spec.ts',
        'a11y.spec.ts',
        'discovery.spec.ts',
        'narrow.spec.ts',
        'taxonomies.spec.ts',
        'pages.spec.ts',
        'authors.spec.ts',
        'rich-posts.spec.ts',
      ],
      use: { baseURL: `http://127.0.0.1:${FIXTURE_PORT}` },
    },
    {
      name: 'nginx',
      testMatch: 'nginx.spec.ts',
      use: { baseURL: `http://127.0.0.1:${NGINX_PORT}` },
    },
    {
      name: 'third-party',
      testMatch: 'third-party.spec.ts',
      use: { baseURL: `http://127.0.0.1:${THIRD_PARTY_PORT}` },
    },
  ],
  webServer: [
    {
      command: `node scripts/serve.mjs --dir out --port ${SITE_PORT}`,
      url: `http://127.0.0.1:${SITE_PORT}/`,
      reuseExistingServer: !process.env.CI,
    },
    {
      command: `node scripts/serve.mjs --dir e2e/.out/fixture --port ${FIXTURE_PORT} --base /blog`,
      url: `http://127.0.0.1:${FIXTURE_PORT}/blog/`,
      reuseExistingServer: !process.env.CI,
    },
    {
      // Without nginx it serves a page saying so, and only the nginx project fails.
      command: `node scripts/nginx-server.mjs --dir e2e/.out/fixture --base /blog --port ${NGINX_PORT}`,
      url: `http://127.0.0.1:${NGINX_PORT}/blog/`,
      reuseExistingServer: !process.env.CI,
    },
    {
      command: `node scripts/nginx-server.mjs --dir e2e/.out/third-party --base /blog --port ${THIRD_PARTY_PORT}`,
      url: `http://127.0.0.1:${THIRD_PARTY_PORT}/blog/`,
      reuseExistingServer: !process.env.CI,
    },
  ],
});
