/**
 * One markdown parse per post body for every computed field that needs the
 * syntax tree (excerpt, reading time, headings): contentlayer resolves the
 * fields of one document one after another, so a tiny cache serves them all.
 */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm);
const recent = new Map<string, Root>();
const CACHE_SIZE = 8;

/** The mdast of a markdown text; do not mutate it, it is shared. */
export function parseMarkdown(markdown: string): Root {
  let tree = recent.get(markdown);
  if (!tree) {
    tree = parser.parse(markdown);
    recent.set(markdown, tree);
    if (recent.size > CACHE_SIZE) recent.delete(recent.keys().next().value as string);
  }
  return tree;
}
