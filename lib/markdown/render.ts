/**
 * A post body to HTML with the one markdown pipeline (lib/markdown/pipeline.ts).
 * The content step renders every post itself, in parallel and only when its body
 * changed (scripts/content-worker.ts), and hands contentlayer the result.
 */
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { Root } from 'hast';
import { parseMarkdown } from './parse';
import { configureMarkdown } from './pipeline';

let processor: ReturnType<typeof unified> | undefined;

/**
 * `relativePath` is the post's staged path in the content folder: images beside it are resolved from it.
 * The syntax tree is the one the body facts were read from (lib/markdown/parse.ts keeps it), so a body
 * is parsed once; the transforms build a new HTML tree and leave it unchanged.
 */
export async function renderMarkdown(body: string, relativePath: string): Promise<string> {
  if (!processor) {
    processor = unified();
    configureMarkdown(processor);
  }
  const file = new VFile({ value: body, data: { rawDocumentData: { sourceFilePath: relativePath } } });
  const tree = (await processor.run(parseMarkdown(body), file)) as Root;
  return String(processor.stringify(tree, file));
}
