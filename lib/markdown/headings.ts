/**
 * The headings of a post, for its table of contents. Ids are the ones the parse gave the headings
 * (lib/markdown/heading-ids.ts), which the rendered HTML carries, so every entry links to its heading.
 */
import type { Heading, Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { DEFAULT_DIALECT, type MarkdownDialect } from './dialect';
import { idOf } from './kramdown-attributes';
import { inKramdownToc } from './heading-ids';
import { parseMarkdown } from './parse';

export interface TocHeading {
  /** 2 or 3: the table of contents lists `##` and `###` headings. */
  depth: number;
  text: string;
  id: string;
}

/** Headings in document order; a loop over a stack, since a deeply nested body would overflow recursion. */
function collectHeadings(root: Nodes): Heading[] {
  const headings: Heading[] = [];
  const pending: Nodes[] = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === 'heading') headings.push(node);
    else if ('children' in node) {
      // Pushed one by one: spreading a root of 200,000 paragraphs into push() would overflow the stack.
      const children = node.children as Nodes[];
      for (let index = children.length - 1; index >= 0; index -= 1) pending.push(children[index]!);
    }
  }
  return headings;
}

/**
 * Level-2 and level-3 headings, in order, with the ids the rendered HTML gives them; in kramdown, not the
 * ones marked `.no_toc`, which kramdown leaves out of its tables of contents.
 */
export function extractHeadings(
  markdown: string,
  dialect: MarkdownDialect = DEFAULT_DIALECT,
): TocHeading[] {
  const toc: TocHeading[] = [];
  for (const heading of collectHeadings(parseMarkdown(markdown, dialect))) {
    if (heading.depth !== 2 && heading.depth !== 3) continue;
    if (dialect.kramdown && !inKramdownToc(heading)) continue;
    const text = toString(heading, { includeHtml: false }).trim();
    toc.push({ depth: heading.depth, text, id: idOf(heading) ?? '' });
  }
  return toc;
}
