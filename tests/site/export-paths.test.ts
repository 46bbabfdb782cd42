import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildPostIndex, type SourcePost } from '../../lib/site/post-index';
import { exportPaths, pathConflict } from '../../lib/site/export-paths';

const source = (slug: string, categories: string[], tags: string[] = []): SourcePost => ({
  sourcePath: `content/posts/${slug}.md`,
  postSlug: slug,
  title: slug,
  publishedAt: { epochMs: 0, day: '2024-01-01', iso: '2024-01-01T00:00:00Z' },
  updatedAt: null,
  categoryRefs: categories.map((name) => ({ name, slug: name })),
  tagRefs: tags.map((name) => ({ name, slug: name })),
  summary: '',
  headings: [],
  readingMinutes: 1,
  isDraft: false,
});

describe('paths of the export', () => {
  const index = buildPostIndex([source('a', ['aws'], ['lambda']), source('b', [])], {
    showDrafts: false,
    categoryLabels: {},
  });
  const paths = exportPaths(index, 10, ['images/logo.png', 'site.js']);

  it('knows every page, feed, share image and public file before next build', () => {
    for (const page of [
      '/',
      '/posts/a/',
      '/posts/b/share-image.png',
      '/categories/aws/',
      '/categories/aws/atom.xml',
      '/tags/',
      '/tags/lambda/',
      '/tags/lambda/feed.xml',
      '/feed.json',
      '/search/',
      '/archive/',
    ]) {
      assert.ok(paths.pages.has(page), page);
    }
    for (const file of [
      '/index.html',
      '/posts/a/index.html',
      '/feed.xml',
      '/images/logo.png',
      '/site.js',
      '/404.html',
      '/_redirects',
      '/sitemap.xml',
      '/page/1/index.html',
      '/categories/aws/page/1/index.html',
      '/tags/lambda/page/1/index.html',
    ]) {
      assert.ok(paths.files.has(file), file);
    }
  });

  it('refuses a redirect onto any of them, into a folder a tool writes, or through one of its files', () => {
    const cases: [string, RegExp][] = [
      ['/pagefind/pagefind.js', /inside \/pagefind\//],
      ['/pagefind', /inside \/pagefind\//],
      ['/_next/static/x.js', /inside \/_next\//],
      ['/content-assets/a.png', /inside \/content-assets\//],
      ['/share-image.png', /already has \(\/share-image\.png\)/],
      ['/posts/a/share-image.png', /already has/],
      ['/feed.xml', /already has/],
      ['/categories/aws', /already has \(\/categories\/aws\/index\.html\)/],
      ['/site.js', /already has/],
      ['/_redirects', /already has/],
      ['/404.html', /already has/],
      ['/feed.xml/old.html', /needs \/feed\.xml to be a folder/],
    ];
    for (const [from, expected] of cases)
      assert.match(pathConflict(from, paths) ?? 'free', expected, from);
  });

  it('lets an old URL that is no path of the export through', () => {
    for (const from of ['/2019/05/20/old.html', '/old/', '/posts/a.html', '/categories/gone/'])
      assert.equal(pathConflict(from, paths), null, from);
  });
});
