/**
 * Plain text out of markdown, for excerpts and reading time: no markdown
 * syntax, no HTML, whitespace collapsed.
 */
import type { Nodes } from 'mdast';
import { parseMarkdown as parse } from './parse';

/** Text of a node, leaving out raw HTML, images and front matter. */
function textOf(node: Nodes): string {
  switch (node.type) {
    case 'html':
    case 'image':
    case 'imageReference':
    case 'yaml':
    case 'definition':
      return '';
    case 'text':
    case 'inlineCode':
    case 'code':
      return node.value;
    case 'break':
      return ' ';
    default:
      if ('children' in node) {
        const separator = node.type === 'paragraph' || node.type === 'heading' ? '' : ' ';
        return (node.children as Nodes[]).map(textOf).join(separator);
      }
      return '';
  }
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The first paragraph of a markdown body that has any text, as plain text. */
export function firstParagraphText(markdown: string): string {
  for (const node of parse(markdown).children) {
    if (node.type !== 'paragraph') continue;
    const text = collapse(textOf(node));
    if (text) return text;
  }
  return '';
}

/** All the words of a markdown body, as plain text. */
export function markdownPlainText(markdown: string): string {
  return collapse(parse(markdown).children.map(textOf).join(' '));
}

/**
 * The excerpt as Jekyll makes it: the text before `excerpt_separator` when the
 * body has one, else the first paragraph; plain text either way.
 */
export function excerptText(markdown: string, separator?: string): string {
  if (separator) {
    const at = markdown.indexOf(separator);
    if (at >= 0) return markdownPlainText(markdown.slice(0, at));
  }
  return firstParagraphText(markdown);
}
