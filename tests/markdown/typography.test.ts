import assert from 'node:assert/strict';
import { it } from 'node:test';
import { renderMarkdown } from '../../lib/markdown/render';

// Recorded from remark-smartypants 3.0.3, which lib/markdown/typography.ts replaced: the same rules, run only on
// text they can change. Each case reaches one branch of that skipping: single quotes alone, dashes and
// ellipses per text node, quotes paired across emphasis, links and inline code, headings and table cells, an
// en dash before a hyphen.
const RECORDED: [markdown: string, html: string][] = [
  [
    "It's the '80s, isn't it? 'Rock' was 'alive'.",
    '<p>It’s the ’80s, isn’t it? ‘Rock’ was ‘alive’.</p>',
  ],
  [
    'He said "hello" -- then left... and came back --- later.',
    '<p>He said “hello” – then left… and came back — later.</p>',
  ],
  [
    'A "quote across *emphasis* words" and a [\'link\'](https://example.com/) here.',
    '<p>A “quote across <em>emphasis</em> words” and a <a href="https://example.com/">‘link’</a> here.</p>',
  ],
  [
    "'Single at start' and `code` 'after code' end.",
    '<p>‘Single at start’ and <code>code</code> ‘after code’ end.</p>',
  ],
  [
    '## "Quoted" heading -- with a dash\n\n| a | b |\n|---|---|\n| "cell" | it\'s -- fine... |',
    '<h2 id="quoted-heading----with-a-dash"><a class="heading-anchor" href="#quoted-heading----with-a-dash">“Quoted” heading – with a dash</a></h2>\n<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>“cell”</td>\n<td>it’s – fine…</td>\n</tr>\n</tbody>\n</table>',
  ],
  [
    'An en dash –- followed by a hyphen, and dots . . . spaced.',
    '<p>An en dash — followed by a hyphen, and dots . . . spaced.</p>',
  ],
];

it('typography renders as remark-smartypants did', async () => {
  for (const [markdown, html] of RECORDED)
    assert.equal((await renderMarkdown(markdown, 'post.md')).html, html, markdown);
});
