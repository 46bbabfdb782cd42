/**
 * The one markdown pipeline's transforms, from the syntax tree of the one parser (lib/markdown/parse.ts) to
 * HTML: raw HTML kept as the author wrote it, heading ids as the parse gave them (heading-ids.ts), Mermaid blocks
 * marked for drawing (diagrams.ts), build-time highlighting; in the kramdown dialect, kramdown's footnotes, math and definition lists (kramdown-html.ts).
 * It parses nothing itself, so a syntax plugin can only be added in one place.
 */
import type { Element, ElementContent } from 'hast';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import type { Processor } from 'unified';
import { DEFAULT_DIALECT, type MarkdownDialect } from './dialect';
import { rehypeDiagrams } from './diagrams';
import { rehypeHighlight } from './highlight';
import { rehypeImages } from './images';
import { gfmMathHandlers } from './math';
import { kramdownHandlers, rehypeKramdownTableAlignment } from './kramdown-html';
import { rehypeTaskListLabels } from './task-lists';

/** Whether an element holds a link, looked for with a stack. */
function containsLink(root: Element): boolean {
  const pending: ElementContent[] = [...root.children];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type !== 'element') continue;
    if (node.tagName === 'a') return true;
    pending.push(...node.children);
  }
  return false;
}

export function configureMarkdown(
  builder: Processor,
  dialect: MarkdownDialect = DEFAULT_DIALECT,
): void {
  builder
    .use(remarkRehype, {
      allowDangerousHtml: true,
      handlers: dialect.kramdown ? kramdownHandlers : gfmMathHandlers,
    })
    // The heading's text becomes its own anchor link; CSS shows a "#" on hover. Not a heading that holds a
    // link (a footnote reference is one): a link inside a link is invalid, and browsers tear it apart.
    .use(rehypeAutolinkHeadings, {
      behavior: 'wrap',
      properties: { className: ['heading-anchor'] },
      test: (heading: Element) => !containsLink(heading),
    })
    .use(dialect.kramdown ? rehypeKramdownTableAlignment : () => undefined)
    .use(rehypeImages)
    .use(rehypeTaskListLabels, { kramdown: dialect.kramdown })
    .use(rehypeDiagrams)
    .use(rehypeHighlight)
    .use(rehypeStringify, { allowDangerousHtml: true });
}
