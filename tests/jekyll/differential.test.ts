/**
 * The differential test of issue 14: the fixture Jekyll site (e2e/fixtures/jekyll-site) built by real Jekyll
 * and by our whole build, in a copy of the project, then compared post by post (tests/helpers/jekyll-diff.ts):
 * every URL Jekyll gave a post (and every `redirect_from`) resolves to our page of that post, titles and days
 * are equal, the body's words match, no kramdown or Liquid syntax shows, no id Jekyll gave is missing, no
 * internal link is broken; the markdown pages and the static files are there, the draft is not.
 *
 * Skipped when `jekyll` is not installed, unless REQUIRE_JEKYLL=1 (as .ci/run sets): then it fails.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  buildWithJekyll,
  compareWithExport,
  findJekyll,
  formatReport,
  type ComparisonReport,
  type JekyllManifest,
} from '../helpers/jekyll-diff';
import { copyProject, type ProjectCopy } from '../helpers/project-copy';

const SITE = 'e2e/fixtures/jekyll-site';
/** The least similarity of any one post, and of the median post (issue 14). */
const MIN_SIMILARITY = 0.99;
const MIN_MEDIAN_SIMILARITY = 0.995;

const jekyll = findJekyll();
const required = process.env.REQUIRE_JEKYLL === '1';

/** The posts of the fixture as Jekyll finds them: markdown files in any `_posts` folder. */
function fixturePosts(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) fixturePosts(full, found);
    else if (
      /(^|\/)_posts\//.test(path.relative(SITE, full)) &&
      /\.(md|markdown)$/.test(entry.name)
    )
      found.push(path.relative(SITE, full));
  }
  return found;
}

describe(
  'the fixture Jekyll site, built by Jekyll and by us',
  {
    skip: jekyll || required ? false : 'jekyll is not installed (apt-get install jekyll)',
  },
  () => {
    let copy: ProjectCopy;
    let outDir: string;
    let manifest: JekyllManifest;
    let report: ComparisonReport;

    before(async () => {
      assert.ok(jekyll, 'REQUIRE_JEKYLL=1 but jekyll is not installed (apt-get install jekyll)');
      copy = copyProject('jekyll-differential');
      const built = copy.build({ CONTENT_DIR: SITE });
      assert.equal(built.status, 0, built.output.slice(-4000));
      outDir = path.join(copy.project, 'out');
      manifest = await buildWithJekyll(SITE);
      report = compareWithExport(manifest, outDir, '', { minSimilarity: MIN_SIMILARITY });
    });
    after(() => copy?.remove());

    it('has every post of the site in Jekyll’s build, so the comparison covers them all', () => {
      const posts = fixturePosts(SITE).sort();
      assert.ok(posts.length >= 19, `${posts.length} posts`);
      assert.deepEqual([...new Set(manifest.posts.map((post) => post.relativePath))].sort(), posts);
    });

    it('passes for every post, page and static file: URL, title, day, words, ids, links', () => {
      assert.deepEqual(report.failures, [], formatReport(report, manifest));
      assert.ok(report.posts.filter((post) => post.via === 'redirect_from').length >= 2);
      const moved = report.posts.filter((post) => post.via === 'redirect_to');
      assert.equal(moved.length, 2); // the post that moved (redirect_to), at its URL and its redirect_from
      assert.ok(
        report.posts
          .filter((post) => post.via !== 'redirect_to')
          .every((post) => post.landedOnPost && post.titleEqual && post.dayEqual),
      );
    });

    it(`matches Jekyll’s words: each post at least ${MIN_SIMILARITY}, the median at least ${MIN_MEDIAN_SIMILARITY}`, () => {
      const below = report.posts.filter((post) => post.similarity < MIN_SIMILARITY);
      assert.deepEqual(
        below.map((post) => `${post.url} ${post.similarity.toFixed(4)}\n${post.diff}`),
        [],
      );
      assert.ok(report.medianSimilarity >= MIN_MEDIAN_SIMILARITY, String(report.medianSimilarity));
    });

    it('carries the markdown pages and the static files, and leaves the draft out', () => {
      assert.deepEqual(
        report.pages.map((page) => [page.url, page.failures]),
        [
          ['/about/', []],
          ['/projects/', []],
          ['/resume/', []],
        ],
      );
      assert.deepEqual(report.missingStaticFiles, []);
      assert.ok(existsSync(path.join(outDir, 'img/diagram.png')));
      assert.ok(!existsSync(path.join(outDir, 'posts/an-unfinished-thought-on-monorepos')));
    });

    it('shares a post with the image its front matter or the defaults name, else with the one it draws', () => {
      const ogImage = (slug: string) =>
        /<meta property="og:image" content="([^"]*)"/.exec(
          readFileSync(path.join(outDir, 'posts', slug, 'index.html'), 'utf8'),
        )?.[1];
      const own = 'https://fieldnotes.example.org/img/diagram.png';
      assert.equal(ogImage('reading-flame-graphs'), own); // `image: {path: …}`
      assert.equal(ogImage('sqlite-is-enough'), own); // `image:` from the defaults of notes/
      assert.ok(!existsSync(path.join(outDir, 'posts/reading-flame-graphs/share-image.png')));
      assert.equal(
        ogImage('on-naming-things'),
        'https://fieldnotes.example.org/posts/on-naming-things/share-image.png',
      );
      assert.ok(existsSync(path.join(outDir, 'posts/on-naming-things/share-image.png')));
    });
  },
);
