/**
 * Typographic quotes, dashes and ellipses, as kramdown puts them in (Jekyll's default, for our own posts
 * too): retext-smartypants's rules with kramdown's choices (`--` an en dash, `---` an em dash, only unspaced `...`,
 * no backtick quotes), run on each block's text alone, as kramdown reads each block's spans alone. The
 * kramdown dialect also turns `<<` and `>>` into guillemets. Code, math, raw HTML, URLs and image
 * descriptions are never touched, and neither is a character its author escaped (`\"`, `\-`): the parser
 * marks those (escapesFromMarkdown) and the marks are undone once typography is done.
 */
import type { Nodes, Parents, Root, Text } from 'mdast';
import type { CompileContext, Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import type { Token } from 'micromark-util-types';
import { retext } from 'retext';
import retextSmartypants, { type Options as SmartypantsOptions } from 'retext-smartypants';
import { visit } from 'unist-util-visit';
import { quoteCharacters, type MarkdownDialect } from './dialect';

/** Escaped punctuation typography would change, held as private-use characters until it is done. */
const ESCAPE_MARKS: Record<string, string> = {
  '"': '\uE000',
  "'": '\uE001',
  '-': '\uE002',
  '.': '\uE003',
  '<': '\uE004',
  '>': '\uE005',
  // Not typography's: an escaped `{:` is text, not an attribute list (kramdown-transform.ts).
  '{': '\uE006',
};
const UNMARK: Record<string, string> = Object.fromEntries(
  Object.entries(ESCAPE_MARKS).map(([character, mark]) => [mark, character]),
);
const MARKS = /[\uE000-\uE006]/g;

/** Text with the marks of escaped characters undone. */
export const unmarkEscapes = (text: string) => text.replace(MARKS, (mark) => UNMARK[mark]!);

function exitEscapeValue(this: CompileContext, token: Token): undefined {
  const text = this.stack.pop() as Text;
  const parent = this.stack[this.stack.length - 1];
  const value = this.sliceSerialize(token);
  // In a fragment (a URL, a title, an image description being collected) the character stays as it is.
  text.value += (parent?.type !== 'fragment' && ESCAPE_MARKS[value]) || value;
  if (text.position)
    text.position.end = {
      line: token.end.line,
      column: token.end.column,
      offset: token.end.offset,
    };
}

/** mdast-util-from-markdown extension: escaped quotes, dashes, dots and angle brackets in text are marked. */
export function escapesFromMarkdown(): FromMarkdownExtension {
  return { exit: { characterEscapeValue: exitEscapeValue } };
}

/** Nodes whose children are a block's text: typography reads each alone. */
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'tableCell', 'defListTerm']);

/** A quote, dash, dot or angle bracket typography may change. */
const CANDIDATE = /["'.<>-]/;

/** Nodes remark-smartypants reads: text, inline code (as placeholder letters) and the blocks that start fresh. */
const SMARTYPANTS_NODES = new Set(['text', 'inlineCode', 'paragraph', 'heading', 'tableCell']);
const SMARTYPANTS_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
/** What the second pass can change: `--`, `---`, an en dash before a hyphen, and `...`. */
const DASH_OR_ELLIPSIS = /--|\u2013-|\.\.\./;
/** What the first pass can change. */
const QUOTE = /["']/;

/**
 * remark-smartypants 3.0.3's transform (quotes over the block's text joined, so a quote pairs across links
 * and emphasis; then dashes and ellipses in each text node), with the same retext-smartypants rules, but it
 * runs retext only on text those rules can change: retext's parse of every text node of every block with a
 * full stop was a third of the time to render a post (docs/decisions.md). Skipping is exact: the rules
 * change nothing else, and retext gives back any text it does not change.
 */
function smartypantsFor(options: SmartypantsOptions): (block: Nodes) => void {
  const quotes = retext().use(retextSmartypants, {
    ...options,
    ellipses: false,
    dashes: false,
    backticks: false,
  });
  const dashesAndEllipses = retext().use(retextSmartypants, { ...options, quotes: false });
  return (block) => {
    let joined = '';
    const nodes: Nodes[] = [];
    visit(block, (node, _index, parent) => {
      if (!parent || !SMARTYPANTS_NODES.has(node.type)) return;
      if (node.type === 'text' || node.type === 'inlineCode') {
        // Inline code counts as letters, so a quote beside it reads as one beside a word.
        joined += node.type === 'text' ? node.value : 'A'.repeat(node.value.length);
        nodes.push(node);
      } else if (SMARTYPANTS_BLOCKS.has(node.type)) {
        // A block nested in this one starts fresh: a quote at its start opens.
        joined += ' ';
        nodes.push(node);
      }
    });
    if (QUOTE.test(joined)) joined = String(quotes.processSync(joined));
    let start = 0;
    for (const node of nodes) {
      if (node.type === 'text' || node.type === 'inlineCode') {
        const end = start + node.value.length;
        if (node.type === 'text') {
          const text = joined.slice(start, end);
          node.value = DASH_OR_ELLIPSIS.test(text)
            ? String(dashesAndEllipses.processSync(text))
            : text;
        }
        start = end;
      } else start += 1;
    }
  };
}

/** Text nodes in document order, with a stack: the tree may be wide. */
function textNodes(root: Nodes): Text[] {
  const found: Text[] = [];
  const pending: Nodes[] = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === 'text') found.push(node);
    else if ('children' in node) {
      const children = node.children as Nodes[];
      for (let index = children.length - 1; index >= 0; index -= 1) pending.push(children[index]!);
    }
  }
  return found;
}

/** kramdown's guillemets: `<< ` and ` >>` keep a non-breaking space inside. */
function guillemets(value: string): string {
  return value.replace(/<< | >>|<<|>>/g, (match) =>
    match === '<< '
      ? '\u00AB\u00A0'
      : match === ' >>'
        ? '\u00A0\u00BB'
        : match === '<<'
          ? '\u00AB'
          : '\u00BB',
  );
}

/**
 * Puts typography into the text of `tree` (in place: the tree is the parser's, before it is shared) and
 * restores escaped characters. With typography off, only the escapes are restored.
 */
export function applyTypography(tree: Root, dialect: MarkdownDialect): void {
  const quotes = quoteCharacters(dialect);
  const smartypants = quotes
    ? smartypantsFor({
        quotes: true,
        openingQuotes: { single: quotes.openSingle, double: quotes.openDouble },
        closingQuotes: { single: quotes.closeSingle, double: quotes.closeDouble },
        dashes: 'oldschool',
        ellipses: 'unspaced',
        backticks: false,
      })
    : undefined;
  const pending: Nodes[] = [tree];
  for (let node = pending.pop(); node; node = pending.pop()) {
    const textBlock =
      TEXT_BLOCKS.has(node.type) ||
      // An HTML element whose content kramdown read as spans holds its text itself.
      (node.type === 'kramdownHtmlElement' && node.children.some((child) => child.type === 'text'));
    if (textBlock) {
      const texts = textNodes(node);
      if (smartypants && texts.some((text) => CANDIDATE.test(text.value))) {
        if (dialect.kramdown) for (const text of texts) text.value = guillemets(text.value);
        smartypants(node);
      }
      for (const text of texts) text.value = unmarkEscapes(text.value);
      continue;
    }
    if (node.type === 'text') node.value = unmarkEscapes(node.value);
    else if ('children' in node) {
      const children = (node as Parents).children as Nodes[];
      for (let index = children.length - 1; index >= 0; index -= 1) pending.push(children[index]!);
    }
  }
}
