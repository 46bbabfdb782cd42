import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JEKYLL_DEFAULT_EXCLUDES } from '../../lib/jekyll/config';
import { keptByJekyll, sortJekyllFiles } from '../../lib/jekyll/site-files';

const config = {
  exclude: [...JEKYLL_DEFAULT_EXCLUDES, 'README.md', 'drafts-old/'],
  include: ['_redirects'],
};
const withFrontMatter = new Set(['about.md', 'projects/index.md', 'index.html', 'feed.xml']);

describe('sortJekyllFiles', () => {
  const sorted = sortJekyllFiles(
    [
      '_posts/2024-01-01-first.md',
      '_posts/2020/2020-05-05-in-a-year-folder.markdown',
      '_posts/notes.txt',
      '_posts/2024-01-02-an-html-post.html',
      'blog/_posts/2024-02-01-in-blog.md',
      'notes/tech/_posts/2024-03-01-deep.md',
      '_drafts/unfinished.md',
      '_data/team.yml',
      '_data/infra/regions.yml',
      '_includes/note.html',
      '_layouts/post.html',
      '_sass/main.scss',
      '_redirects',
      'img/diagram.png',
      'about.md',
      'projects/index.md',
      'index.html',
      'feed.xml',
      'README.md',
      'Gemfile',
      'node_modules/x/index.js',
      'drafts-old/2019-01-01-gone.md',
      'backup.md~',
      '#scratch.md',
      'vendor/bundle/gem.rb',
      '_hidden/_posts/2024-01-01-not-read.md',
    ],
    config,
    (relative) => withFrontMatter.has(relative),
  );

  it('finds posts in every _posts folder, with the folders above as categories', () => {
    assert.deepEqual(sorted.posts, [
      { relativePath: '_posts/2024-01-01-first.md', folderCategories: [], draft: false },
      {
        relativePath: '_posts/2020/2020-05-05-in-a-year-folder.markdown',
        folderCategories: [],
        draft: false,
      },
      {
        relativePath: 'blog/_posts/2024-02-01-in-blog.md',
        folderCategories: ['blog'],
        draft: false,
      },
      {
        relativePath: 'notes/tech/_posts/2024-03-01-deep.md',
        folderCategories: ['notes', 'tech'],
        draft: false,
      },
      { relativePath: '_drafts/unfinished.md', folderCategories: [], draft: true },
    ]);
  });

  it('reports dated files of _posts that are not markdown, and ignores the rest there', () => {
    assert.deepEqual(sorted.skippedPosts, ['_posts/2024-01-02-an-html-post.html']);
  });

  it('tells markdown pages, theme pages, static files and data apart', () => {
    assert.deepEqual(sorted.pages, ['about.md', 'projects/index.md']);
    assert.deepEqual(sorted.themePages, ['index.html', 'feed.xml']);
    assert.deepEqual(sorted.staticFiles, ['_redirects', 'img/diagram.png']);
    assert.deepEqual(sorted.dataFiles, ['_data/team.yml', '_data/infra/regions.yml']);
  });
});

describe('keptByJekyll', () => {
  it('leaves out special names and exclusions unless included', () => {
    assert.equal(keptByJekyll('.github', config), false);
    assert.equal(keptByJekyll('_redirects', config), true);
    assert.equal(keptByJekyll('README.md', config), false);
    assert.equal(keptByJekyll('docs/README.md', config), true);
    assert.equal(keptByJekyll('notes~', config), false);
    assert.equal(keptByJekyll('img', config), true);
  });
});
