/**
 * The check of a Jekyll site root as a whole (loadContent, then checkContent): its markdown pages are pages
 * of the site that posts may link to, and their own links are checked like a post's; kramdown is its markdown.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { formatProblem } from '../../lib/build/problems';
import { checkContent } from '../../lib/content/check';
import { loadContent } from '../../lib/content/source';
import { jekyllSmartQuotes, readJekyllConfig } from '../../lib/jekyll/config';

const root = mkdtempSync(path.join(tmpdir(), 'jekyll-check-'));
after(() => rmSync(root, { recursive: true, force: true }));

function write(file: string, text: string) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

write('_config.yml', 'title: Notes\nkramdown:\n  smart_quotes: apos,apos,quot,quot\n');
write(
  '_posts/2024-01-02-hello.md',
  '---\ntitle: Hello\n---\n{% for i in (1..5) %}\nItem {{ i }}\n{% endfor %}\nSee [about](/about/), [the team](/about/#the-team) and [gone](/gone/).\n\n## A "quoted" heading\n{: #own-id}\n',
);
write(
  'about.md',
  '---\ntitle: About\npermalink: /about/\n---\nIntro.\n\n## The team\n\nBack to [hello](/2024/01/02/hello.html), [nowhere](/nowhere/).\n',
);
write('img/card.png', 'png');
write('talks/flow/slide.png', 'png');
write('projects.html', '---\nlayout: page\npermalink: /projects/\n---\n<ul></ul>\n');
write(
  '_posts/2024-01-10-see-projects.md',
  '---\ntitle: See projects\n---\nSee [the projects](/projects/).\n',
);
write('_posts/2024-01-09-themed.md', '---\ntitle: Themed\nimage: card.png\n---\nBody.\n');
write(
  '_posts/2024-01-08-talk.md',
  '---\ntitle: Talk\npermalink: /talks/flow/\n---\n![Slide](slide.png) <img src="missing.png">\n\n[Card](../../img/card.png)\n',
);
write(
  '_posts/2024-01-07-draft-field.md',
  '---\ntitle: Draft field\ndraft: true\n---\nStill published.\n',
);
write(
  '_posts/2024-01-06-moved.md',
  '---\ntitle: Moved\nredirect_to: /2024/01/02/hello.html\nredirect_from: /moved-once/\n---\nGone.\n',
);
write('_posts/2024-01-04-shared.md', '---\ntitle: Shared\nimage: /img/card.png\n---\nBody.\n');
write(
  '_posts/2024-01-05-shared-badly.md',
  '---\ntitle: Shared badly\nsummary: x\nimage: /img/missing.png\n---\nBody.\n',
);
write(
  '_posts/2024-01-03-bad-date.md',
  '---\ntitle: Bad date\ndate: 2024-02-30\n---\nLinks to [nowhere either](/nowhere-either/).\n',
);

async function checked() {
  const { config, problems: configProblems } = readJekyllConfig(root, 'site');
  assert.deepEqual(configProblems, []);
  const source = await loadContent({
    contentDir: root,
    displayDir: 'site',
    jekyll: config,
    jekyllRedirects: true,
    dialect: { kramdown: true, smartQuotes: jekyllSmartQuotes(config.kramdown) },
    liquid: { publicDir: path.join(root, 'no-public'), baseUrl: '', basePath: '', site: {} },
  });
  const check = checkContent(source, {
    contentDir: root,
    displayDir: 'site',
    publicDir: path.join(root, 'no-public'),
    publish: { showDrafts: false, categoryLabels: {}, now: Date.parse('2026-01-01') },
    postsPerPage: 10,
    basePath: '',
    origin: 'https://notes.example',
    contentAssets: [],
  });
  return {
    source,
    check,
    problems: [...source.problems, ...check.problems].map(formatProblem),
  };
}

describe('a Jekyll site root, checked', () => {
  it('lets posts link to its pages and their headings, and checks the pages’ own links and those of a post it leaves out, at their source lines', async () => {
    const { problems } = await checked();
    // In any order: what matters is that each is there, at its line.
    assert.deepEqual(
      [...problems].sort(),
      [
        'site/_posts/2024-01-07-draft-field.md:3: draft: warning: Jekyll ignores "draft:" and publishes this post, so it is published here too; to hide it, move it to _drafts or write "published: false"',
        'site/_posts/2024-01-03-bad-date.md:3: date: date "2024-02-30": 2024-02 has no day 30 (Jekyll would move it into the next month); correct the date',
        'site/_posts/2024-01-05-shared-badly.md:4: image: warning: "/img/missing.png": no file of the site has this path; the post is shared without an image',
        'site/_posts/2024-01-02-hello.md:7: broken link: warning: "/gone/": no page or file of the site has this path',
        'site/_posts/2024-01-03-bad-date.md:5: broken link: warning: "/nowhere-either/": no page or file of the site has this path',
        'site/_posts/2024-01-08-talk.md:5: missing image: warning: "missing.png": no page or file of the site has this path',
        'site/_posts/2024-01-09-themed.md:3: image: warning: "/card.png" is no file of the site; "/img/card.png", the one file of that name, is the share image',
        'site/_posts/2024-01-10-see-projects.md:4: broken link: warning: "/projects/": leads to site/projects.html, an HTML page of the old theme, which is not carried over',
        'site/about.md:9: broken link: warning: "/nowhere/": no page or file of the site has this path',
      ].sort(),
    );
  });

  it('publishes no post that moved (redirect_to): its old URLs lead to the target, straight to its new URL', async () => {
    const { source, check } = await checked();
    assert.ok(source.posts.every((post) => post.fields.title !== 'Moved'));
    assert.equal(
      source.posts.find((post) => post.fields.title === 'Themed')?.fields.shareImage,
      '/img/card.png',
    );
    assert.equal(
      source.posts.find((post) => post.fields.title === 'Draft field')?.fields.isDraft,
      false,
    );
    assert.equal(check.redirects.get('/2024/01/06/moved.html'), '/posts/hello/');
    assert.equal(check.redirects.get('/moved-once/'), '/posts/hello/');
    assert.deepEqual(
      check.moved.map((moved) => moved.sourcePath),
      ['site/_posts/2024-01-06-moved.md'],
    );
  });

  it('reads posts and pages as kramdown, with the site’s smart_quotes', async () => {
    const { source } = await checked();
    const post = source.posts[0]!;
    assert.deepEqual(post.anchors, ['own-id']);
    assert.equal(post.fields.headings[0]?.text, 'A "quoted" heading');
    assert.match(
      source.pages?.[0]?.html ?? '',
      /<h2 id="the-team"><a class="heading-anchor" href="#the-team">The team<\/a><\/h2>/,
    );
  });
});
