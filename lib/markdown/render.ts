/**
 * A post body to HTML with the one markdown pipeline (lib/markdown/pipeline.ts).
 * The content step renders every post itself, in parallel and only when its body
 * changed (scripts/content-worker.ts), and hands contentlayer the result.
 */
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { Root } from 'hast';
import type { BodyProblem } from '../build/problems';
import type { DiagramSource } from './diagrams';
import { DEFAULT_DIALECT, type MarkdownDialect } from './dialect';
import { HIGHLIGHT_SOURCE } from './highlight';
import { parseMarkdown } from './parse';
import { configureMarkdown } from './pipeline';

/** One processor per dialect's HTML (typography is the parse's: it does not change the processor). */
const processors = new Map<boolean, ReturnType<typeof unified>>();

function processorFor(dialect: MarkdownDialect): ReturnType<typeof unified> {
  let processor = processors.get(dialect.kramdown);
  if (!processor) {
    processor = unified();
    configureMarkdown(processor, dialect);
    processors.set(dialect.kramdown, processor);
  }
  return processor;
}

/**
 * `relativePath` is the post's staged path in the content folder: images beside it are resolved from it.
 * The syntax tree is the one the body facts were read from (lib/markdown/parse.ts keeps it), so a body
 * is parsed once; the transforms build a new HTML tree and leave it unchanged. Throws MarkdownLimitError
 * for a body too deeply nested to render; code blocks too large to highlight are warnings in `problems`.
 * `diagrams` are the body's Mermaid blocks, marked in the HTML for the content step to draw (lib/content/diagrams.ts).
 * `dialect` is the markdown the body is written in (lib/markdown/dialect.ts); `documentUrl`, a Jekyll site
 * document's old URL, which its relative images resolve against (lib/markdown/relative-urls.ts).
 */
export async function renderMarkdown(
  body: string,
  relativePath: string,
  dialect: MarkdownDialect = DEFAULT_DIALECT,
  documentUrl?: string,
): Promise<{ html: string; problems: BodyProblem[]; diagrams: DiagramSource[] }> {
  const processor = processorFor(dialect);
  const file = new VFile({
    value: body,
    data: {
      rawDocumentData: { sourceFilePath: relativePath, ...(documentUrl ? { documentUrl } : {}) },
    },
  });
  const tree = (await processor.run(parseMarkdown(body, dialect), file)) as Root;
  const html = String(processor.stringify(tree, file));
  const problems = file.messages
    .filter((message) => message.source === HIGHLIGHT_SOURCE)
    .map((message): BodyProblem => ({
      line: message.line ?? 1,
      field: 'code block',
      severity: 'warning',
      message: message.reason,
    }));
  return { html, problems, diagrams: file.data.diagrams ?? [] };
}
