/**
 * The one markdown pipeline: GitHub-flavoured markdown, raw HTML kept as the
 * author wrote it, stable heading ids, build-time highlighting.
 */
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import type { Processor } from 'unified';
import { rehypeHighlight } from './highlight';
import { rehypeImages } from './images';
import { rehypeTaskListLabels } from './task-lists';

export function configureMarkdown(builder: Processor): void {
  builder
    .use(remarkFrontmatter)
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeSlug)
    // The heading's text becomes its own anchor link; CSS shows a "#" on hover.
    .use(rehypeAutolinkHeadings, { behavior: 'wrap', properties: { className: ['heading-anchor'] } })
    .use(rehypeImages)
    .use(rehypeTaskListLabels)
    .use(rehypeHighlight)
    .use(rehypeStringify, { allowDangerousHtml: true });
}
