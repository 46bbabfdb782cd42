import assert from 'node:assert/strict';
import { DEFAULT_DIALECT, JEKYLL_DIALECT } from '../../lib/markdown/dialect';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { formatProblem } from '../../lib/build/problems';
import { JEKYLL_DEFAULT_EXCLUDES, type JekyllConfig } from '../../lib/jekyll/config';
import { createLiquidRenderer } from '../../lib/content/liquid';
import { loadPages, ownPageUrl } from '../../lib/content/pages';

const root = mkdtempSync(path.join(tmpdir(), 'jekyll-pages-'));
after(() => rmSync(root, { recursive: true, force: true }));

const files: Record<string, string> = {
  'about.md':
    '---\ntitle: About us\ndescription: Who we are\n---\nWe write about {{ site.title }}.\n',
  'projects/index.md': '---\nsitemap: false\n---\n## Projects\n',
  'index.md': '---\nlayout: home\n---\n',
  'search.md': '---\ntitle: Search\n---\nFind things.\n',
  'old.md': '---\npermalink: /legacy/old.html\nredirect_from: /older/\n---\nOld page.\n',
  'hidden.md': '---\npublished: false\n---\nNot here.\n',
  '404.md': '---\npermalink: /404.html\n---\nNothing here.\n',
};
function writeFiles(dir: string, texts: Record<string, string>): void {
  for (const [file, text] of Object.entries(texts)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
}
writeFiles(root, files);

const config: JekyllConfig = {
  file: 'site/_config.yml',
  defaults: [{ scope: { path: '', type: 'pages' }, values: { layout: 'page' } }],
  exclude: [...JEKYLL_DEFAULT_EXCLUDES],
  include: [],
  kramdown: {},
  variables: {},
};

describe('markdown pages of a Jekyll site', () => {
  it('live at the URL Jekyll gave them, as a folder when Jekyll wrote a file', () => {
    assert.equal(ownPageUrl('/about/'), '/about/');
    assert.equal(ownPageUrl('/about.html'), '/about/');
    assert.equal(ownPageUrl('/docs/index.html'), '/docs/');
  });

  it('are rendered with Liquid, titled, placed, and left to the site where it has its own page', async () => {
    const liquid = createLiquidRenderer({
      includesDir: path.join(root, '_includes'),
      contentDirName: 'site',
      publicDir: 'public',
      baseUrl: 'https://example.org',
      basePath: '',
      site: { title: 'Field Notes' },
      posts: [],
      jekyllSite: { root, data: {}, files: new Map() },
    });
    const { pages, notCarried, problems } = await loadPages(
      [{ dir: root, displayDir: 'site', relativePaths: Object.keys(files), jekyll: config }],
      { liquid, dialect: JEKYLL_DIALECT },
    );
    assert.deepEqual(
      pages.map(({ url, title, jekyllUrl, oldUrls, sitemap, description }) => ({
        url,
        title,
        jekyllUrl,
        oldUrls,
        sitemap,
        description,
      })),
      [
        {
          url: '/about/',
          title: 'About us',
          jekyllUrl: '/about.html',
          oldUrls: [],
          sitemap: true,
          description: 'Who we are',
        },
        {
          url: '/projects/',
          title: 'Projects',
          jekyllUrl: '/projects/',
          oldUrls: [],
          sitemap: false,
          description: '',
        },
        {
          url: '/legacy/old/',
          title: 'Old',
          jekyllUrl: '/legacy/old.html',
          oldUrls: ['/older/'],
          sitemap: true,
          description: '',
        },
      ],
    );
    assert.match(pages[0]!.html, /We write about Field Notes\./);
    assert.deepEqual(notCarried, ['index.md', 'search.md', '404.md']);
    assert.deepEqual(problems.map(formatProblem), [
      'site/index.md:1: page: warning: the home page is this site’s own (the newest posts); this page is not carried over',
      'site/search.md:1: page: warning: its URL "/search/" is one of this site\'s own, or not a path of the export; this page is not carried over',
      'site/404.md:2: page: warning: the "not found" page (404.html) is this site’s own; this page is not carried over',
    ]);
  });
});

describe("the site's own pages", () => {
  const ownRoot = mkdtempSync(path.join(tmpdir(), 'own-pages-'));
  after(() => rmSync(ownRoot, { recursive: true, force: true }));
  const ownFiles: Record<string, string> = {
    'about.md':
      '---\ntitle: About\nnav: true\nnav_order: 2\n---\nWe write about {{ site.title }}.\n',
    'talks/index.md': '---\ntitle: Talks given\nnav: Talks\nnav_order: 1\n---\n## Talks\n',
    'colophon.md': '---\ntitle: Colophon\npermalink: /colophon/how/\n---\nBuilt with care.\n',
    'index.md': '---\ntitle: Home\n---\nNot the home page.\n',
    'tags.md': '---\ntitle: Tags\n---\nShadowed.\n',
    'feed.md': '---\ntitle: Feed\npermalink: /posts/feed/\n---\nShadowed.\n',
    'twice.md': '---\ntitle: Twice\npermalink: /about/\n---\nSame URL.\n',
    'bad-nav.md': '---\ntitle: Bad\nnav: [1]\n---\nText.\n',
    'bad-order.md': '---\ntitle: Bad\nnav: true\nnav_order: first\n---\nText.\n',
    'bare.md': 'No front matter.\n',
    'climb.md': '---\ntitle: Climb\npermalink: /../../etc/x/\n---\nOut.\n',
  };
  writeFiles(ownRoot, ownFiles);

  it('live at /<name>/ or their permalink, with no redirect, and join the navigation when they ask', async () => {
    const liquid = createLiquidRenderer({
      includesDir: path.join(ownRoot, '_includes'),
      contentDirName: 'posts',
      publicDir: 'public',
      baseUrl: 'https://example.org',
      basePath: '',
      site: { title: 'Field Notes' },
      posts: [],
    });
    const { pages, notCarried, problems } = await loadPages(
      [{ dir: ownRoot, displayDir: 'content/pages', relativePaths: Object.keys(ownFiles) }],
      { liquid, dialect: DEFAULT_DIALECT },
    );
    assert.deepEqual(
      pages.map(({ url, title, jekyllUrl, nav, navOrder, own }) => ({
        url,
        title,
        jekyllUrl,
        nav,
        navOrder,
        own,
      })),
      [
        {
          url: '/about/',
          title: 'About',
          jekyllUrl: '/about/',
          nav: 'About',
          navOrder: 2,
          own: true,
        },
        {
          url: '/talks/',
          title: 'Talks given',
          jekyllUrl: '/talks/',
          nav: 'Talks',
          navOrder: 1,
          own: true,
        },
        {
          url: '/colophon/how/',
          title: 'Colophon',
          jekyllUrl: '/colophon/how/',
          nav: undefined,
          navOrder: undefined,
          own: true,
        },
      ],
    );
    assert.match(pages[0]!.html, /We write about Field Notes\./);
    // An own page where the site has a route is an error naming the file, never a silent skip.
    assert.deepEqual(notCarried, []);
    assert.deepEqual(problems.map(formatProblem), [
      'content/pages/index.md:1: permalink: the home page is the newest posts; give this page a permalink such as /about/',
      'content/pages/tags.md:1: permalink: its URL "/tags/" is one of this site\'s own routes, or not a path of the export; give it another permalink',
      'content/pages/feed.md:3: permalink: its URL "/posts/feed/" is one of this site\'s own routes, or not a path of the export; give it another permalink',
      'content/pages/twice.md:3: permalink: its URL "/about/" is also the URL of content/pages/about.md; give one of them another permalink',
      'content/pages/bad-nav.md:3: nav: must be true, false or the label to show in the header',
      'content/pages/bad-order.md:4: nav_order: must be a number (lower comes first)',
      'content/pages/bare.md:1: front matter: is missing; start the page with a "---" block',
      'content/pages/climb.md:3: permalink: "/../../etc/x/" may not contain "." or ".." segments',
    ]);
  });
});
