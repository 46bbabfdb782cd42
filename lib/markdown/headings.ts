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
  depth: 2 | 3;
  text: string;
  id: string;
}

function collectHeadings(node: Nodes, into: Heading[]): void {
  if (node.type === 'heading') into.push(node);
  else if ('children' in node) for (const child of node.children as Nodes[]) collectHeadings(child, into);
}

/** Level-2 and level-3 headings, in order, with the ids the rendered HTML gives them. */
export function extractHeadings(markdown: string): TocHeading[] {
  const headings: Heading[] = [];
  collectHeadings(parseMarkdown(markdown), headings);
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
