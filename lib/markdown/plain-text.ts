/**
 * Plain text out of markdown, for excerpts and reading time: no markdown
 * syntax, no HTML, whitespace collapsed.
 */
import type { Data, Nodes } from 'mdast';
import { DEFAULT_DIALECT, type MarkdownDialect } from './dialect';
import { parseMarkdown } from './parse';

/**
 * Text of a node, leaving out raw HTML, images, front matter and kramdown's generated table of contents
 * (it repeats the headings). A loop over an explicit stack, not recursion: a deeply nested body must not
 * overflow the call stack.
 */
function textOf(root: Nodes): string {
  const parts: string[] = [];
  // Nodes still to read, and the separators between siblings, last first.
  const pending: (Nodes | string)[] = [root];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    if (typeof item === 'string') {
      parts.push(item);
      continue;
    }
    switch (item.type) {
      case 'html':
      case 'image':
      case 'imageReference':
      case 'yaml':
      case 'definition':
        break;
      case 'text':
      case 'inlineCode':
      case 'code':
      case 'inlineMath':
      case 'math':
        parts.push(item.value);
        break;
      case 'break':
        parts.push(' ');
        break;
      default:
        if ('children' in item && !(item.data as Data | undefined)?.kramdownGeneratedToc) {
          // Text within a block runs on (kramdown's HTML read as spans too); blocks are separated.
          const phrasing =
            item.type === 'kramdownHtmlElement' &&
            item.children.some((child) => child.type === 'text');
          const separator =
            phrasing || item.type === 'paragraph' || item.type === 'heading' ? '' : ' ';
          const children = item.children as Nodes[];
          for (let index = children.length - 1; index >= 0; index -= 1) {
            pending.push(children[index]!);
            if (index > 0 && separator) pending.push(separator);
          }
        }
    }
  }
  return parts.join('');
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The first paragraph of a markdown body that has any text, as plain text. */
export function firstParagraphText(
  markdown: string,
  dialect: MarkdownDialect = DEFAULT_DIALECT,
): string {
  for (const node of parseMarkdown(markdown, dialect).children) {
    if (node.type !== 'paragraph') continue;
    const text = collapse(textOf(node));
    if (text) return text;
  }
  return '';
}

/** All the words of a markdown body, as plain text. */
export function markdownPlainText(
  markdown: string,
  dialect: MarkdownDialect = DEFAULT_DIALECT,
): string {
  return collapse(parseMarkdown(markdown, dialect).children.map(textOf).join(' '));
}

/**
 * The excerpt as Jekyll makes it: the text before `excerpt_separator` when the
 * body has one, else the first paragraph; plain text either way.
 */
export function excerptText(
  markdown: string,
  separator?: string,
  dialect: MarkdownDialect = DEFAULT_DIALECT,
): string {
  if (separator) {
    const at = markdown.indexOf(separator);
    if (at >= 0) return markdownPlainText(markdown.slice(0, at), dialect);
  }
  return firstParagraphText(markdown, dialect);
}
