/**
 * The headings of a post, for its table of contents. Ids come from the same
 * slugger, in the same document order, as rehype-slug gives the rendered
 * headings, so every entry links to its heading.
 */
import GithubSlugger from 'github-slugger';
import type { Heading, Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
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

/** Level-2 and level-3 headings, in order, with the ids the rendered HTML gives them. */
export function extractHeadings(markdown: string): TocHeading[] {
  const headings = collectHeadings(parseMarkdown(markdown));
  const slugger = new GithubSlugger();
  const toc: TocHeading[] = [];
  for (const heading of headings) {
    // Every heading takes its id in order, so duplicates get -1, -2 as in the HTML.
    const text = toString(heading, { includeHtml: false }).trim();
    const id = slugger.slug(toString(heading));
    if (heading.depth === 2 || heading.depth === 3) toc.push({ depth: heading.depth, text, id });
  }
  return toc;
}
