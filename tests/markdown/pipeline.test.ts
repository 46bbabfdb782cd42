import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { withBasePath } from '../../lib/markdown/base-path';
import { extractHeadings } from '../../lib/markdown/headings';
import { contentAssetUrl } from '../../lib/markdown/images';
import { renderMarkdown } from '../../lib/markdown/render';

/** A body rendered as the build renders it: the one parser, then the pipeline (lib/markdown/render.ts). */
async function render(markdown: string, sourceFilePath = '2024-01-01-post.md'): Promise<string> {
  return (await renderMarkdown(markdown, sourceFilePath)).html;
}

describe('the markdown pipeline', () => {
  it('gives headings ids and makes each a link to itself', async () => {
    const html = await render('## Key Architecture Patterns\n\n### Multi-Region Active-Active');
    assert.match(
      html,
      /<h2 id="key-architecture-patterns"><a class="heading-anchor" href="#key-architecture-patterns">Key Architecture Patterns<\/a><\/h2>/,
    );
    assert.match(html, /<h3 id="multi-region-active-active">/);
  });

  it('renders GFM tables, task lists with labels, strikethrough and autolinks', async () => {
    const html = await render(
      '| a | b |\n| - | - |\n| 1 | 2 |\n\n- [x] done item\n\n~~old~~ https://example.com',
    );
    assert.match(html, /<table>/);
    assert.match(html, /<input type="checkbox" checked disabled aria-label="done item">/);
    assert.match(html, /<del>old<\/del>/);
    assert.match(html, /<a href="https:\/\/example.com">/);
  });

  it('keeps raw HTML as written', async () => {
    const html = await render('<div class="note" data-x="1">Raw <em>HTML</em></div>');
    assert.match(html, /<div class="note" data-x="1">Raw <em>HTML<\/em><\/div>/);
  });

  it('highlights code at build time inside a figure with the language and a copy button', async () => {
    const html = await render('```ts\nconst a: number = 1;\n```');
    assert.match(
      html,
      /<figure class="code-block" data-language="ts"><figcaption class="code-bar" data-pagefind-ignore=""><span class="code-language">ts<\/span><button type="button" class="copy-code" data-copy-code="" aria-label="Copy ts code">Copy<\/button><\/figcaption><pre class="shiki shiki-themes github-light github-dark-default"/,
    );
    assert.match(
      html,
      /style="--shiki-light:#[0-9A-F]{6};--shiki-dark:#[0-9A-F]{6}">const<\/span>/i,
    );
  });

  it('loads a language when a block first asks for it, by name or alias, and only from its list', async () => {
    const coloured = (html: string) => /<span style="--shiki-light:#[0-9A-F]{6}/i.test(html);
    // Aliases of listed languages, and languages only embedded by others (ruby embeds haml, html css).
    for (const [language, code] of [
      ['sh', 'echo "$HOME"'],
      ['yml', 'key: value'],
      ['rb', 'puts 1'],
      ['haml', '%p Hello'],
      ['Dockerfile', 'FROM node:20'],
      ['html', '<style>p { color: red }</style>'],
    ]) {
      const html = await render(`\`\`\`${language}\n${code}\n\`\`\`\n`);
      assert.ok(coloured(html), `${language} is highlighted: ${html}`);
    }
    // Shiki has these, the list does not: shown plain, as before any was loaded.
    for (const language of ['haskell', 'elixir']) {
      const html = await render(`\`\`\`${language}\nmain = print 1\n\`\`\`\n`);
      assert.ok(!coloured(html), `${language} is not highlighted: ${html}`);
    }
  });

  it('makes a code block reachable by keyboard with one tabindex, not two', async () => {
    for (const language of ['js', 'no-such-language']) {
      const html = await render(`\`\`\`${language}\nconst a = 1;\n\`\`\`\n`);
      assert.equal(html.match(/tabindex=/gi)?.length, 1, html);
      assert.match(html, /<pre [^>]*tabindex="0"/);
    }
  });

  it('colours code the same on a loaded machine: no time limit cuts a line short', async () => {
    const code =
      '```ts\nexport function add(a: number, b: number): number {\n  return a + b;\n}\n```\n';
    const calm = await render(code);
    // A clock that jumps a second at every reading: every line looks slow to tokenize.
    const realNow = Date.now;
    let fake = realNow();
    Date.now = () => (fake += 1_000);
    try {
      assert.equal(await render(`${code}\n`), calm);
    } finally {
      Date.now = realNow;
    }
  });

  it('shows code in an unknown language plain, without failing', async () => {
    const html = await render('```cobol\nDISPLAY "HI".\n```\n\n```\nno language\n```');
    assert.match(html, /data-language="cobol"/);
    assert.match(html, /data-language="text"/);
    assert.match(html, /DISPLAY "HI"\./);
  });

  it('loads the first image at once and the rest lazily, and points relative ones at the content assets', async () => {
    const html = await render(
      '![A diagram](./img/a.png) ![Logo](/images/logo.svg) ![Remote](https://x.test/b.png)',
      'nested/2024-01-01-post.md',
    );
    assert.match(
      html,
      /<img src="\/content-assets\/nested\/img\/a.png" alt="A diagram" loading="eager" fetchpriority="high" decoding="async">/,
    );
    assert.match(html, /<img src="\/images\/logo.svg" alt="Logo" loading="lazy" decoding="async">/);
    assert.match(html, /<img src="https:\/\/x.test\/b.png"/);
  });

  it('gives images under public/ their width and height from the file', async () => {
    const html = await render('![Diagram](/images/example-diagram.svg)');
    assert.match(
      html,
      /<img src="\/images\/example-diagram.svg" alt="Diagram" width="640" height="200" loading="eager" fetchpriority="high" decoding="async">/,
    );
  });

  it('renders with a plain unified setup too (sanity check of the helper)', async () => {
    const html = String(
      await unified().use(remarkParse).use(remarkRehype).use(rehypeStringify).process('*a*'),
    );
    assert.equal(html, '<p><em>a</em></p>');
  });
});

describe('extractHeadings', () => {
  it('lists h2 and h3 with the ids the HTML gives them, duplicates included', async () => {
    const markdown =
      '# Title\n\n## Setup\n\n### `npm` *install*\n\n#### Deep\n\n## Setup\n\n## C++ & Rust!';
    const headings = extractHeadings(markdown);
    assert.deepEqual(headings, [
      { depth: 2, text: 'Setup', id: 'setup' },
      { depth: 3, text: 'npm install', id: 'npm-install' },
      { depth: 2, text: 'Setup', id: 'setup-1' },
      { depth: 2, text: 'C++ & Rust!', id: 'c--rust' },
    ]);
    const html = await render(markdown);
    for (const heading of headings) assert.ok(html.includes(`id="${heading.id}"`), heading.id);
  });
});

describe('contentAssetUrl', () => {
  it('resolves a path relative to the post inside the content folder', () => {
    assert.equal(contentAssetUrl('2024-01-01-a.md', './x.png'), '/content-assets/x.png');
    assert.equal(
      contentAssetUrl('2024/post.md', 'img/x.png?v=2'),
      '/content-assets/2024/img/x.png?v=2',
    );
    assert.equal(
      contentAssetUrl('2024/post.md', '../shared/x.png'),
      '/content-assets/shared/x.png',
    );
  });
});

describe('withBasePath', () => {
  it('prefixes root-relative src and href, and nothing else', () => {
    const html =
      '<a href="/posts/a/">a</a><img src="/images/x.png"><a href="https://x.test/">x</a><a href="//cdn.test/y">y</a><a href="#h">h</a>';
    assert.equal(
      withBasePath(html, '/blog'),
      '<a href="/blog/posts/a/">a</a><img src="/blog/images/x.png"><a href="https://x.test/">x</a><a href="//cdn.test/y">y</a><a href="#h">h</a>',
    );
    assert.equal(withBasePath(html, ''), html);
  });
});
