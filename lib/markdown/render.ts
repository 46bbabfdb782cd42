/**
 * A post body to HTML with the one markdown pipeline (lib/markdown/pipeline.ts).
 * The content step renders every post itself, in parallel and only when its body
 * changed (scripts/content-worker.ts), and hands contentlayer the result.
 */
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { Root } from 'hast';
import type { BodyProblem } from '../build/problems';
import { HIGHLIGHT_SOURCE } from './highlight';
import { parseMarkdown } from './parse';
import { configureMarkdown } from './pipeline';

let processor: ReturnType<typeof unified> | undefined;

/**
 * `relativePath` is the post's staged path in the content folder: images beside it are resolved from it.
 * The syntax tree is the one the body facts were read from (lib/markdown/parse.ts keeps it), so a body
 * is parsed once; the transforms build a new HTML tree and leave it unchanged. Throws MarkdownLimitError
 * for a body too deeply nested to render; code blocks too large to highlight are warnings in `problems`.
 */
export async function renderMarkdown(
  body: string,
  relativePath: string,
): Promise<{ html: string; problems: BodyProblem[] }> {
  if (!processor) {
    processor = unified();
    configureMarkdown(processor);
  }
  const file = new VFile({
    value: body,
    data: { rawDocumentData: { sourceFilePath: relativePath } },
  });
  const tree = (await processor.run(parseMarkdown(body), file)) as Root;
  const html = String(processor.stringify(tree, file));
  const problems = file.messages
    .filter((message) => message.source === HIGHLIGHT_SOURCE)
    .map((message): BodyProblem => ({
      line: message.line ?? 1,
      field: 'code block',
      severity: 'warning',
      message: message.reason,
    }));
  return { html, problems };
}
