import assert from 'node:assert/strict';
import { JEKYLL_DIALECT } from '../../lib/markdown/dialect';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { formatProblem } from '../../lib/build/problems';
import { JEKYLL_DEFAULT_EXCLUDES, type JekyllConfig } from '../../lib/jekyll/config';
import { createLiquidRenderer } from '../../lib/content/liquid';
import { loadJekyllPages, ownPageUrl } from '../../lib/content/pages';

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
for (const [file, text] of Object.entries(files)) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

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
    const { pages, notCarried, problems } = await loadJekyllPages(Object.keys(files), {
      contentDir: root,
      displayDir: 'site',
      config,
      liquid,
      dialect: JEKYLL_DIALECT,
    });
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
