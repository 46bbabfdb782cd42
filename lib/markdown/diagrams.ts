/**
 * ```` ```mermaid ```` blocks: the pipeline turns each into a figure that keeps the diagram's source as its text
 * alternative (a `<details>` under the picture) and records the source in the file's data; the content step then
 * draws every diagram to SVG with a browser and puts the drawings in (lib/content/diagrams.ts). So the page
 * carries inline SVG and no Mermaid script.
 */
import { createHash } from 'node:crypto';
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';

/** A diagram of a body: its source, the key its figure is marked with, and the line of its block. */
export interface DiagramSource {
  id: string;
  source: string;
  line: number;
}

/** The figure's mark, which the content step replaces with the drawing (lib/content/diagrams.ts). */
export const DIAGRAM_MARK = 'data-diagram';

/** A diagram drawn in Mermaid's light and dark themes, as SVG. */
export interface DiagramDrawing {
  light: string;
  dark: string;
}

/** A diagram's id: the hash of its source, so the same diagram has the same drawing (and cache entry). */
export const diagramId = (source: string): string =>
  createHash('sha256').update(source).digest('hex').slice(0, 16);

const isMermaidCode = (node: ElementContent): node is Element =>
  node.type === 'element' &&
  node.tagName === 'code' &&
  Array.isArray(node.properties?.className) &&
  node.properties.className.includes('language-mermaid');

/** Before highlighting, which would otherwise colour the source as code of an unknown language. */
export function rehypeDiagrams() {
  return (tree: Root, file: VFile) => {
    const diagrams: DiagramSource[] = [];
    const pending: (Root | Element)[] = [tree];
    for (let parent = pending.pop(); parent; parent = pending.pop()) {
      parent.children.forEach((node, index) => {
        if (node.type !== 'element') return;
        const code = node.tagName === 'pre' ? node.children.find(isMermaidCode) : undefined;
        if (!code) {
          pending.push(node);
          return;
        }
        const source = toString(code).replace(/\n$/, '');
        const id = diagramId(source);
        diagrams.push({ id, source, line: node.position?.start.line ?? 1 });
        const figure: Element = {
          type: 'element',
          tagName: 'figure',
          properties: { className: ['diagram'], dataDiagram: id },
          children: [
            {
              type: 'element',
              tagName: 'details',
              properties: { className: ['diagram-source'] },
              children: [
                {
                  type: 'element',
                  tagName: 'summary',
                  properties: {},
                  children: [{ type: 'text', value: 'Diagram source' }],
                },
                {
                  type: 'element',
                  tagName: 'pre',
                  // Left as written by the highlighter: the source is text, not code to colour.
                  properties: { dataVerbatim: '' },
                  children: [
                    {
                      type: 'element',
                      tagName: 'code',
                      properties: {},
                      children: [{ type: 'text', value: source }],
                    },
                  ],
                },
              ],
            },
          ],
        };
        (parent.children as ElementContent[])[index] = figure;
      });
    }
    file.data.diagrams = diagrams;
  };
}

/** The body with each marked figure's drawings put in before its source, and the mark removed. */
export function withDrawings(html: string, drawings: ReadonlyMap<string, DiagramDrawing>): string {
  return html.replaceAll(
    new RegExp(`<figure class="diagram" ${DIAGRAM_MARK}="([0-9a-f]{16})">`, 'g'),
    (mark, id: string) => {
      const drawing = drawings.get(id);
      if (!drawing) return mark;
      return (
        '<figure class="diagram">' +
        `<div class="diagram-light" aria-hidden="true" data-pagefind-ignore="">${drawing.light}</div>` +
        `<div class="diagram-dark" aria-hidden="true" data-pagefind-ignore="">${drawing.dark}</div>`
      );
    },
  );
}

/** The drawings of a body as the content step puts them in (`withDrawings`). */
const DRAWING =
  /<div class="diagram-(?:light|dark)" aria-hidden="true" data-pagefind-ignore=""><svg[\s\S]*?<\/svg><\/div>/g;

/**
 * The body without its drawings, for feeds: feed readers drop inline SVG and may show its styles as text, and
 * two drawings a diagram would weigh on every poll. The source stays, as the diagram's text.
 */
export const withoutDrawings = (html: string): string => html.replace(DRAWING, '');

declare module 'vfile' {
  interface DataMap {
    diagrams: DiagramSource[];
  }
}
