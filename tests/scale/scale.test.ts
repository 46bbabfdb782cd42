/**
 * Correctness at scale: the export of 300 generated posts (scripts/build-scale.mjs,
 * run first by `npm run test:scale`) has, for every post, its page, its place in
 * the home, category and tag listings, and its entries in the site, category and
 * tag feeds and the sitemap. No timing here: speed is measured by `npm run bench`.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { postAuthors, postCategories, postTags } from '../../lib/content/rules';
import { isRscPayloadFile } from '../../lib/export/framework-runtime';

const POSTS_DIR = 'e2e/.out/scale-posts';
const OUT = 'e2e/.out/scale';
const ORIGIN = 'https://www.fullstackmaster.net';
/** The site's author (site.config.ts), the author of every post that names none. */
const SITE_AUTHOR = 'full-stack-master';

if (!existsSync(path.join(OUT, 'index.html')))
  throw new Error(
    `${OUT} is missing: run node scripts/build-scale.mjs first (npm run test:scale does)`,
  );

interface SourcePost {
  slug: string;
  title: string;
  categories: string[];
  tags: string[];
  /** The authors' slugs: the site's author when the post names none. */
  authors: string[];
}

const posts: SourcePost[] = readdirSync(POSTS_DIR)
  .filter((file) => file.endsWith('.md'))
  .map((file) => {
    const frontMatter = parse(
      readFileSync(path.join(POSTS_DIR, file), 'utf8')
        .split('\n---\n')[0]!
        .replace(/^---\n/, ''),
    ) as Record<string, unknown>;
    return {
      slug: file.replace(/^\d{4}-\d{2}-\d{2}-/, '').replace(/\.md$/, ''),
      title: String(frontMatter.title),
      categories: postCategories(frontMatter.categories, frontMatter.category).map(
        (ref) => ref.slug,
      ),
      tags: postTags(frontMatter.tags, frontMatter.tag).map((ref) => ref.slug),
      authors: ((refs) => (refs.length > 0 ? refs : [{ slug: SITE_AUTHOR }]))(
        postAuthors(frontMatter.authors, frontMatter.author),
      ).map((ref) => ref.slug),
    };
  });

const read = (file: string) => readFileSync(path.join(OUT, file), 'utf8');
const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Every page of a paginated listing: `<dir>/index.html`, then `<dir>/page/2/index.html`… */
function listingPages(dir: string): string[] {
  const pages = [read(path.join(dir, 'index.html'))];
  for (
    let page = 2;
    existsSync(path.join(OUT, dir, 'page', String(page), 'index.html'));
    page += 1
  ) {
    pages.push(read(path.join(dir, 'page', String(page), 'index.html')));
  }
  return pages;
}

/** How many listing items link to each post, over every page of a listing. */
function linkedPosts(pages: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const html of pages) {
    for (const [, slug] of html.matchAll(/<h2[^>]*><a[^>]*href="\/posts\/([^/"]+)\/"/g))
      counts.set(slug!, (counts.get(slug!) ?? 0) + 1);
  }
  return counts;
}

const categories = [...new Set(posts.flatMap((post) => post.categories))];
const tags = [...new Set(posts.flatMap((post) => post.tags))];
const authors = [...new Set(posts.flatMap((post) => post.authors))];
/** Every category, tag and author: its folder in the export and its posts' slugs. */
const terms = [
  ...categories.map((slug) => ({
    dir: path.join('categories', slug),
    slugs: posts.filter((post) => post.categories.includes(slug)).map((post) => post.slug),
  })),
  ...tags.map((slug) => ({
    dir: path.join('tags', slug),
    slugs: posts.filter((post) => post.tags.includes(slug)).map((post) => post.slug),
  })),
  ...authors.map((slug) => ({
    dir: path.join('authors', slug),
    slugs: posts.filter((post) => post.authors.includes(slug)).map((post) => post.slug),
  })),
];

describe(`the export of ${posts.length} generated posts`, () => {
  it('was built from 300 posts in more than ten categories and thirty tags, by five authors', () => {
    assert.equal(posts.length, 300);
    assert.deepEqual([...authors].sort(), [
      'ada',
      'full-stack-master',
      'kofi',
      'sam-lee',
      'zoe-brandt',
    ]);
    assert.ok(
      posts.some((post) => post.authors.length > 1),
      'some posts have two authors',
    );
    assert.ok(categories.length > 10, `${categories.length} categories`);
    assert.ok(tags.length > 30, `${tags.length} tags`);
    assert.ok(
      posts.some((post) => post.tags.length === 0),
      'some posts have no tag',
    );
  });

  it('has a page for every post, with its title', () => {
    for (const post of posts) {
      const file = path.join('posts', post.slug, 'index.html');
      assert.ok(existsSync(path.join(OUT, file)), file);
      assert.match(
        read(file),
        new RegExp(
          `<h1[^>]*>${escapeHtml(post.title).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</h1>`,
        ),
        file,
      );
    }
  });

  it('lists every post exactly once on the home pages', () => {
    const linked = linkedPosts(listingPages('.'));
    assert.deepEqual([...linked.keys()].sort(), posts.map((post) => post.slug).sort());
    for (const [slug, count] of linked) assert.equal(count, 1, slug);
  });

  it('lists every post exactly once on the pages of each of its categories, tags and authors, and no other post', () => {
    for (const term of terms) {
      const linked = linkedPosts(listingPages(term.dir));
      assert.deepEqual([...linked.keys()].sort(), [...term.slugs].sort(), term.dir);
      for (const [slug, count] of linked) assert.equal(count, 1, `${term.dir}: ${slug}`);
    }
  });

  it("has an entry for every post in the site feeds, and for each category's, tag's and author's posts in its feeds", () => {
    const feedLinks = (dir: string) => ({
      rss: [
        ...read(path.join(dir, 'feed.xml')).matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g),
      ].map(([, link]) => link!),
      atom: [
        ...read(path.join(dir, 'atom.xml')).matchAll(/<entry>[\s\S]*?<link href="([^"]+)"/g),
      ].map(([, link]) => link!),
      json: (
        JSON.parse(read(path.join(dir, 'feed.json'))) as { items: { url: string }[] }
      ).items.map((item) => item.url),
    });
    const urls = (slugs: string[]) => slugs.map((slug) => `${ORIGIN}/posts/${slug}/`).sort();
    for (const [format, links] of Object.entries(feedLinks('.'))) {
      assert.deepEqual([...links].sort(), urls(posts.map((post) => post.slug)), `site ${format}`);
    }
    for (const term of terms) {
      for (const [format, links] of Object.entries(feedLinks(term.dir))) {
        assert.deepEqual([...links].sort(), urls(term.slugs), `${term.dir} ${format}`);
      }
    }
  });

  it('lists every post, category, tag and author in the sitemap, and every post in the search index', () => {
    const sitemap = read('sitemap.xml');
    for (const post of posts)
      assert.ok(sitemap.includes(`<loc>${ORIGIN}/posts/${post.slug}/</loc>`), post.slug);
    for (const term of terms)
      assert.ok(sitemap.includes(`<loc>${ORIGIN}/${term.dir}/</loc>`), term.dir);
    const entry = JSON.parse(read('pagefind/pagefind-entry.json')) as {
      languages: Record<string, { page_count: number }>;
    };
    assert.equal(
      Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0),
      posts.length,
    );
  });

  it('serves every post page without the framework runtime, and keeps no RSC payload files', () => {
    for (const post of posts)
      assert.doesNotMatch(
        read(path.join('posts', post.slug, 'index.html')),
        /self\.__next_f|\/_next\/static\/[^"]*\.js/,
        post.slug,
      );
    const payloads = readdirSync(OUT, { recursive: true }).map(String).filter(isRscPayloadFile);
    assert.deepEqual(payloads, []);
  });
});
