/**
 * The kramdown dialect (issue 14) against real kramdown. Each `kramdown` string below is the HTML that
 * Jekyll 4.3.1 made of the markdown beside it (kramdown 2.4.0 with kramdown-parser-gfm 1.1.0 and Jekyll's
 * default configuration: auto_ids, smart_quotes lsquo,rsquo,ldquo,rdquo, the MathJax engine), recorded
 * with `ruby` as scripts/kramdown-probe.ts runs it. Ours is compared in the canonical form of
 * kramdown-compare.ts: the same elements, attributes and text, not the same bytes; code blocks by their
 * language, attributes and text (Rouge's markup is not ours).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import GithubSlugger from 'github-slugger';
import { DEFAULT_DIALECT, JEKYLL_DIALECT, type MarkdownDialect } from '../../lib/markdown/dialect';
import { extractHeadings } from '../../lib/markdown/headings';
import { postLinks } from '../../lib/markdown/links';
import { parseMarkdown } from '../../lib/markdown/parse';
import { excerptText, firstParagraphText, markdownPlainText } from '../../lib/markdown/plain-text';
import { renderMarkdown } from '../../lib/markdown/render';
import { canonicalHtml } from './kramdown-compare';

const render = async (markdown: string, dialect: MarkdownDialect = JEKYLL_DIALECT) =>
  (await renderMarkdown(markdown, '2024-01-01-post.md', dialect)).html;

/** Recorded from real kramdown (see above). */
const CASES: { name: string; markdown: string; kramdown: string }[] = [
  {
    name: 'block attribute lists after and before a block, chained, with definitions',
    markdown:
      '{:note: .note title="A note"}\n\n{: .lead}\nFirst para\n{: #intro}\n{: note}\n\nSecond para\n\n{: .dropped}\n\nThird para',
    kramdown:
      '\n<p class="note lead" title="A note" id="intro">First para</p>\n\n<p>Second para</p>\n\n<p class="dropped">Third para</p>\n',
  },
  {
    name: 'span attribute lists on emphasis, links, images and code; none after text',
    markdown:
      'Read *this*{:.hl} and [that](https://x.test/a){:target="_blank" rel="noopener"}, see ![a chart](https://x.test/c.png){: .wide width="50%"} and `x`{:.var}. Text {:.kept} stays.',
    kramdown:
      '<p>Read <em class="hl">this</em> and <a href="https://x.test/a" target="_blank" rel="noopener">that</a>, see <img src="https://x.test/c.png" alt="a chart" class="wide" width="50%" /> and <code class="language-plaintext var highlighter-rouge">x</code>. Text {:.kept} stays.</p>\n',
  },
  {
    name: 'heading ids as kramdown-parser-gfm makes them',
    markdown:
      '## What\'s new in C++ & Rust?\n\n## Über Straße 2.0\n\n## Same\n\n## Same\n\n## Dashes -- and "quotes"...\n\n## Custom {#my-anchor}\n\n## Other\n{: #from-ial .no_toc}\n\n## Same',
    kramdown:
      '<h2 id="whats-new-in-c--rust">What’s new in C++ &amp; Rust?</h2>\n\n<h2 id="über-straße-20">Über Straße 2.0</h2>\n\n<h2 id="same">Same</h2>\n\n<h2 id="same-1">Same</h2>\n\n<h2 id="dashes--and-quotes">Dashes – and “quotes”…</h2>\n\n<h2 id="my-anchor">Custom</h2>\n\n<h2 id="from-ial" class="no_toc">Other</h2>\n\n<h2 id="same-2">Same</h2>\n',
  },
  {
    name: 'the {:toc} list',
    markdown:
      '* TOC\n{:toc}\n\n# One\n\n## Two with `code` and [a link](https://x.test)[^n]\n\n### Skipped\n{: .no_toc}\n\n#### Four\n\n[^n]: A note.',
    kramdown:
      '<ul id="markdown-toc">\n  <li><a href="#one" id="markdown-toc-one">One</a>    <ul>\n      <li><a href="#two-with-code-and-a-link" id="markdown-toc-two-with-code-and-a-link">Two with <code class="language-plaintext highlighter-rouge">code</code> and a link</a>        <ul>\n          <li><a href="#four" id="markdown-toc-four">Four</a></li>\n        </ul>\n      </li>\n    </ul>\n  </li>\n</ul>\n\n<h1 id="one">One</h1>\n\n<h2 id="two-with-code-and-a-link">Two with <code class="language-plaintext highlighter-rouge">code</code> and <a href="https://x.test">a link</a><sup id="fnref:n" role="doc-noteref"><a href="#fn:n" class="footnote" rel="footnote">1</a></sup></h2>\n\n<h3 class="no_toc" id="skipped">Skipped</h3>\n\n<h4 id="four">Four</h4>\n\n<div class="footnotes" role="doc-endnotes">\n  <ol>\n    <li id="fn:n" role="doc-endnote">\n      <p>A note. <a href="#fnref:n" class="reversefootnote" role="doc-backlink">&#8617;</a></p>\n    </li>\n  </ol>\n</div>\n',
  },
  {
    name: 'definition lists',
    markdown:
      'Term\n: One\n: Two\n\nApple\nPear\n: Fruit.\n\n    Second paragraph.\n\nOrange\n\n: Citrus, set apart.',
    kramdown:
      '<dl>\n  <dt>Term</dt>\n  <dd>One</dd>\n  <dd>Two</dd>\n  <dt>Apple</dt>\n  <dt>Pear</dt>\n  <dd>Fruit.\n\n    <p>Second paragraph.</p>\n  </dd>\n  <dt>Orange</dt>\n  <dd>\n    <p>Citrus, set apart.</p>\n  </dd>\n</dl>\n',
  },
  {
    name: 'abbreviations, longest first, at word boundaries',
    markdown:
      '*[HTML]: Hyper Text Markup Language\n*[HTML5]: HTML version 5\n*[W3C]:\nThe HTML5 and HTML specs by the W3C; HTMLish is not one. "HTML"',
    kramdown:
      '<p>The <abbr title="HTML version 5">HTML5</abbr> and <abbr title="Hyper Text Markup Language">HTML</abbr> specs by the <abbr>W3C</abbr>; HTMLish is not one. “<abbr title="Hyper Text Markup Language">HTML</abbr>”</p>\n',
  },
  {
    name: 'footnotes numbered in order of use, with repeats',
    markdown:
      'One[^b] two[^a] again[^b] missing[^zz].\n\n[^a]: Note A with *em*.\n[^b]:\n    Note B.\n\n    Its second paragraph.',
    kramdown:
      '<p>One<sup id="fnref:b" role="doc-noteref"><a href="#fn:b" class="footnote" rel="footnote">1</a></sup> two<sup id="fnref:a" role="doc-noteref"><a href="#fn:a" class="footnote" rel="footnote">2</a></sup> again<sup id="fnref:b:1" role="doc-noteref"><a href="#fn:b" class="footnote" rel="footnote">1</a></sup> missing[^zz].</p>\n\n<div class="footnotes" role="doc-endnotes">\n  <ol>\n    <li id="fn:b" role="doc-endnote">\n\n      <p>Note B.</p>\n\n      <p>Its second paragraph. <a href="#fnref:b" class="reversefootnote" role="doc-backlink">&#8617;</a> <a href="#fnref:b:1" class="reversefootnote" role="doc-backlink">&#8617;<sup>2</sup></a></p>\n    </li>\n    <li id="fn:a" role="doc-endnote">\n      <p>Note A with <em>em</em>. <a href="#fnref:a" class="reversefootnote" role="doc-backlink">&#8617;</a></p>\n    </li>\n  </ol>\n</div>\n',
  },
  {
    name: 'the end-of-block marker',
    markdown: '* a\n* b\n^\n* c\n\npara one\n^\npara two',
    kramdown:
      '<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n<ul>\n  <li>c</li>\n</ul>\n\n<p>para one</p>\n<p>para two</p>\n',
  },
  {
    name: 'markdown="1" in HTML blocks, nested, and as spans',
    markdown:
      '<div class="box" markdown="1">\n## Inside\n\nSome *markdown* and "quotes".\n\n<section markdown="1">\nNested **bold**.\n</section>\n</div>\n\n<p markdown="1">A *span* paragraph.</p>\n\n<div markdown="0">\n**raw**\n</div>',
    kramdown:
      '<div class="box">\n  <h2 id="inside">Inside</h2>\n\n  <p>Some <em>markdown</em> and “quotes”.</p>\n\n  <section>\n    <p>Nested <strong>bold</strong>.</p>\n  </section>\n</div>\n\n<p>A <em>span</em> paragraph.</p>\n\n<div>\n**raw**\n</div>\n',
  },
  {
    name: 'math blocks and inline math as MathJax reads them',
    markdown:
      '$$\n\\begin{aligned}\na &= b < c \\\\\n  &= d\n\\end{aligned}\n$$\n\nInline $$e^{i\\pi} + 1 = 0$$ and $not math$.\n\n## A heading\n$$x$$\n\n$$y$$\n{: .eq}',
    kramdown:
      '\\[\\begin{aligned}\na &amp;= b &lt; c \\\\\n  &amp;= d\n\\end{aligned}\\]\n\n<p>Inline \\(e^{i\\pi} + 1 = 0\\) and $not math$.</p>\n\n<h2 id="a-heading">A heading</h2>\n<p>\\(x\\)</p>\n\n<div class="eq">\\[y\\]\n</div>\n',
  },
  {
    name: 'comment, nomarkdown and options extensions',
    markdown:
      '{::comment}\nHidden.\n{:/comment}\n\nText {::comment}hidden{:/comment} and {::nomarkdown}<b>raw</b>{:/} end.\n\n{::nomarkdown type="latex"}\n\\LaTeX\n{:/}\n\n{::options toc_levels="2" /}\nAfter.',
    kramdown:
      '<!-- Hidden. -->\n\n<p>Text <!-- hidden --> and <b>raw</b> end.</p>\n\n\n<p>After.</p>\n',
  },
  {
    name: 'typography: quotes, dashes, ellipses, guillemets, escapes, code',
    markdown:
      'He said "it\'s \'fine\'" -- then left... in the \'80s --- or << so >>.\n\nEscaped \\"straight\\" and \\-\\- and \\.\\.\\. stay; `"code" -- ...` too.',
    kramdown:
      '<p>He said “it’s ‘fine’” – then left… in the ’80s — or « so ».</p>\n\n<p>Escaped "straight" and -- and ... stay; <code class="language-plaintext highlighter-rouge">"code" -- ...</code> too.</p>\n',
  },
  {
    name: 'list item and HTML block attribute lists, table alignment',
    markdown:
      '* {:.first} one\n* two\n\n<div class="a">raw</div>\n{: .b #c}\n\n| left | right |\n|:-----|------:|\n| 1    | 2     |\n{: .data}',
    kramdown:
      '<ul>\n  <li class="first">one</li>\n  <li>two</li>\n</ul>\n\n<div class="a b" id="c">raw</div>\n\n<table class="data">\n  <thead>\n    <tr>\n      <th style="text-align: left">left</th>\n      <th style="text-align: right">right</th>\n    </tr>\n  </thead>\n  <tbody>\n    <tr>\n      <td style="text-align: left">1</td>\n      <td style="text-align: right">2</td>\n    </tr>\n  </tbody>\n</table>\n',
  },
  {
    name: 'code blocks keep their attribute lists',
    markdown: '```ruby\nputs 1\n```\n{: .wide #listing}\n\n    indented\n{: .language-python}',
    kramdown:
      '<div class="language-ruby wide highlighter-rouge" id="listing"><div class="highlight"><pre class="highlight"><code><span class="nb">puts</span> <span class="mi">1</span>\n</code></pre></div></div>\n\n<div class="language-python highlighter-rouge"><div class="highlight"><pre class="highlight"><code><span class="n">indented</span>\n</code></pre></div></div>\n',
  },
  {
    name: "task lists carry kramdown's classes",
    markdown: '- [ ] open\n- [x] done',
    kramdown:
      '<ul class="task-list">\n  <li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled="disabled" />open</li>\n  <li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled="disabled" checked="checked" />done</li>\n</ul>\n',
  },
  {
    name: 'a span-level tag alone on its line is paragraph text; one tilde is text; no self-closed <a>',
    markdown:
      'Item **b**.\n<br/>\nNext *line*.\n\n<a name="qa" />\nSome **bold** text, ~one~ and ~~two~~.\n\n<img src="https://x.test/a.png">\nMore *text*.\n\n<small>Fine *print*</small>\n',
    kramdown:
      '<p>Item <strong>b</strong>.\n<br />\nNext <em>line</em>.</p>\n\n<p><a name="qa"></a>\nSome <strong>bold</strong> text, ~one~ and <del>two</del>.</p>\n\n<p><img src="https://x.test/a.png" />\nMore <em>text</em>.</p>\n\n<p><small>Fine <em>print</em></small></p>\n',
  },
  {
    name: 'an HTML block ends at the closing tag of its element, and markdown follows at once',
    markdown:
      '<div class="note">\nSome raw *text*.\n</div>\n## Heading After\nParagraph *em*.\n\n<table>\n<tr><td>x</td></tr>\n</table>\n![img](https://x.test/a.png)\n\n<div>\n<div>inner</div>\nstill *raw*\n</div>\nafter *md*\n',
    kramdown:
      '<div class="note">\nSome raw *text*.\n</div>\n<h2 id="heading-after">Heading After</h2>\n<p>Paragraph <em>em</em>.</p>\n\n<table>\n<tr><td>x</td></tr>\n</table>\n<p><img src="https://x.test/a.png" alt="img" /></p>\n\n<div>\n<div>inner</div>\nstill *raw*\n</div>\n<p>after <em>md</em></p>\n',
  },
  {
    name: 'a backslash pair at the end of a line is a line break, as is one backslash',
    markdown: 'Point one.\\\\\nPoint two.\\\nthree \\\\ four\n\nA *b*\\\\\nc\n',
    kramdown:
      '<p>Point one.<br />\nPoint two.<br />\nthree \\ four</p>\n\n<p>A <em>b</em><br />\nc</p>\n',
  },
  {
    name: 'an HTML block runs to its closing tag across blank lines, indented lines included',
    markdown:
      'Intro.\n\n<div class="grid">\n  <div>\n    <p>One</p>\n  </div>\n\n    <div>\n      <p>Two *x*</p>\n    </div>\n\n</div>\nAfter *md*.\n\n<script>\nvar a = 1;\n\nvar b = 2;\n</script>\n\nEnd.\n',
    kramdown:
      '<p>Intro.</p>\n\n<div class="grid">\n  <div>\n    <p>One</p>\n  </div>\n\n    <div>\n      <p>Two *x*</p>\n    </div>\n\n</div>\n<p>After <em>md</em>.</p>\n\n<script>\nvar a = 1;\n\nvar b = 2;\n</script>\n\n<p>End.</p>\n',
  },
  {
    name: "with parse_block_html, an HTML block's content is markdown",
    markdown:
      '{::options parse_block_html="true" /}\n<div class="t">\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n\n</div>\n',
    kramdown:
      '<div class="t">\n\n  <table>\n    <thead>\n      <tr>\n        <th>A</th>\n        <th>B</th>\n      </tr>\n    </thead>\n    <tbody>\n      <tr>\n        <td>1</td>\n        <td>2</td>\n      </tr>\n    </tbody>\n  </table>\n\n</div>\n',
  },
  {
    name: 'a footnote defined right after an HTML block still has its reference',
    markdown: 'Text enough[^1] here.\n\n<div class="x"></div>\n[^1]: Note *text*.\n',
    kramdown:
      '<p>Text enough<sup id="fnref:1" role="doc-noteref"><a href="#fn:1" class="footnote" rel="footnote">1</a></sup> here.</p>\n\n<div class="x"></div>\n<div class="footnotes" role="doc-endnotes">\n  <ol>\n    <li id="fn:1" role="doc-endnote">\n      <p>Note <em>text</em>. <a href="#fnref:1" class="reversefootnote" role="doc-backlink">&#8617;</a></p>\n    </li>\n  </ol>\n</div>\n',
  },
];

describe('the kramdown dialect renders as real kramdown does', () => {
  for (const { name, markdown, kramdown } of CASES) {
    it(name, async () => {
      assert.equal(canonicalHtml(await render(markdown)), canonicalHtml(kramdown));
    });
  }
});

/** The ids of every element of an HTML string. */
const idsIn = (html: string) => [...html.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1]);

describe('kramdown ids: the table of contents, the anchors and the HTML agree', () => {
  const body =
    '* TOC\n{:toc}\n\n## What\'s new?\n\n### Details\n{: .no_toc}\n\n## Set up {#setup}\n\nSee[^a] the [setup](#setup).\n{: #para}\n\n<div markdown="1">\n## 1. Inside HTML\n</div>\n\n[^a]: A note.';

  it('lists ## and ### headings with their kramdown ids, not the .no_toc ones', () => {
    assert.deepEqual(extractHeadings(body, JEKYLL_DIALECT), [
      { depth: 2, text: 'What’s new?', id: 'whats-new' },
      { depth: 2, text: 'Set up', id: 'setup' },
      // kramdown-parser-gfm leaves headings in HTML to kramdown's converter, whose ids drop digits first.
      { depth: 2, text: '1. Inside HTML', id: 'inside-html' },
    ]);
  });

  it('offers as anchors exactly the ids the HTML has', async () => {
    const { anchors } = postLinks(body, JEKYLL_DIALECT);
    const html = await render(body);
    assert.deepEqual([...anchors].sort(), idsIn(html).sort());
    for (const id of [
      'whats-new',
      'details',
      'setup',
      'para',
      'inside-html',
      'markdown-toc',
      'markdown-toc-setup',
      'fn:a',
      'fnref:a',
    ])
      assert.ok(anchors.includes(id), id);
  });

  it('offers <a name> targets as anchors, and reads HTML link URLs as browsers do, at their lines', () => {
    const { anchors, links } = postLinks(
      'Intro.\n\n<a name="qa"></a>\n\n<p><a href=" /about/ ">About</a>\n<!-- <img src="old.png"> -->\n<img src="/img/a\nb.png"></p>\n',
      JEKYLL_DIALECT,
    );
    assert.ok(anchors.includes('qa'));
    // Nothing in a comment is loaded; a line break inside a URL is dropped, as browsers drop it.
    assert.deepEqual(
      links.map((link) => [link.url, link.line]),
      [
        ['/about/', 5],
        ['/img/ab.png', 7],
      ],
    );
  });

  it('leaves no kramdown syntax in the text', () => {
    const text = markdownPlainText(
      '*[API]: Application Programming Interface\n{:ref: .x}\n\nThe API\n{: ref}\n\n^\n\n* TOC\n{:toc}\n\n## Head {#h}',
      JEKYLL_DIALECT,
    );
    assert.equal(text, 'The API Head');
    assert.equal(firstParagraphText("{: .lead}\nIt's *here*{:.x}.", JEKYLL_DIALECT), 'It’s here.');
    assert.equal(excerptText('One.\n{: .a}\n\nTwo.', undefined, JEKYLL_DIALECT), 'One.');
  });
});

describe('typography in our own posts (GFM)', () => {
  it('puts in quotes, dashes and ellipses, never in code or escaped characters', async () => {
    const html = await render(
      'He said "it\'s fine" -- then... \\"no\\" `"code" --`\n\n```\n"block" -- ...\n```',
      DEFAULT_DIALECT,
    );
    assert.match(html, /<p>He said “it’s fine” – then… "no" <code>"code" --<\/code><\/p>/);
    assert.match(html, /"block" -- \.\.\./);
  });

  it('keeps the heading ids our posts had before typography', async () => {
    const heading = "## Don't -- panic...";
    const id = new GithubSlugger().slug("Don't -- panic...");
    assert.deepEqual(extractHeadings(heading), [{ depth: 2, text: 'Don’t – panic…', id }]);
    assert.match(await render(heading, DEFAULT_DIALECT), new RegExp(`<h2 id="${id}">`));
  });

  it('is off when the site turns it off, and uses the quotes a site sets', async () => {
    const text = '"It\'s" -- a test...';
    assert.equal(markdownPlainText(text, { kramdown: false, smartQuotes: false }), text);
    assert.equal(
      markdownPlainText(text, { kramdown: true, smartQuotes: 'sbquo,lsquo,bdquo,ldquo' }),
      '„It‘s“ – a test…',
    );
    assert.equal(
      markdownPlainText(text, { kramdown: true, smartQuotes: 'apos,apos,quot,quot' }),
      '"It\'s" – a test…',
    );
  });

  it('reads no kramdown syntax in GFM', async () => {
    const html = await render('Para\n{: .x}\n\nTerm\n: def', DEFAULT_DIALECT);
    assert.match(html, /<p>Para\n\{: .x\}<\/p>/);
    assert.doesNotMatch(html, /<dl>/);
  });

  it('keeps one tree per body and dialect', () => {
    const body = 'Para\n{: .x}';
    assert.notEqual(parseMarkdown(body), parseMarkdown(body, JEKYLL_DIALECT));
    assert.equal(parseMarkdown(body, JEKYLL_DIALECT), parseMarkdown(body, { ...JEKYLL_DIALECT }));
  });
});

describe('hostile kramdown', () => {
  for (const [name, body] of [
    ['20,000 extension blocks without a stop tag', '{::comment}\n\n'.repeat(20_000)],
    ['50,000 span extensions without a stop tag', 'x {::comment} '.repeat(50_000)],
    ['30,000 unclosed block math starts', '$$x\n\n'.repeat(30_000)],
    ['20,000 attribute lists', 'para\n{: .a #b title="c"}\n\n'.repeat(20_000)],
    [
      'markdown="1" HTML nested 90 deep',
      `${'<div markdown="1">\n'.repeat(90)}x\n${'</div>\n'.repeat(90)}`,
    ],
  ] as const) {
    it(`reads ${name} in bounded time`, () => {
      const started = performance.now();
      parseMarkdown(body, JEKYLL_DIALECT);
      const elapsed = performance.now() - started;
      // A bound against hanging, not a speed (about 3 s here; quadratic work on these takes minutes): wide
      // enough for a machine twice as slow, busy with another build.
      assert.ok(elapsed < 20_000, `took ${elapsed.toFixed(0)} ms`);
    });
  }

  it('refuses markdown="1" HTML nested deeper than the nesting limit', () => {
    const body = `${'<div markdown="1">\n'.repeat(150)}x\n${'</div>\n'.repeat(150)}`;
    assert.throws(() => parseMarkdown(body, JEKYLL_DIALECT), /nested more than 100 levels/);
  });
});
