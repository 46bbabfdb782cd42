/**
 * The one markdown pipeline's transforms, from the syntax tree of the one parser (lib/markdown/parse.ts) to
 * HTML: raw HTML kept as the author wrote it, stable heading ids, build-time highlighting. It parses nothing
 * itself, so a syntax plugin can only be added in one place.
 */
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import type { Processor } from 'unified';
import { rehypeHighlight } from './highlight';
import { rehypeImages } from './images';
import { rehypeTaskListLabels } from './task-lists';

export function configureMarkdown(builder: Processor): void {
  builder
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeSlug)
    // The heading's text becomes its own anchor link; CSS shows a "#" on hover.
    .use(rehypeAutolinkHeadings, {
      behavior: 'wrap',
      properties: { className: ['heading-anchor'] },
    })
    .use(rehypeImages)
    .use(rehypeTaskListLabels)
    .use(rehypeHighlight)
    .use(rehypeStringify, { allowDangerousHtml: true });
}
