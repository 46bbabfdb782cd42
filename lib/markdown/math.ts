/**
 * Math (GitHub's syntax in our own posts: `$…$` inline, `$$…$$` as a block; kramdown's `$$…$$` in a Jekyll
 * site's, lib/markdown/kramdown-html.ts), rendered at build time to MathML by
 * Temml: no script in the browser, and no web font (the browser's math font; a small stylesheet loads only on
 * pages with math, app/math/). A TeX error is a problem of the content step with its line (`mathProblems`),
 * never an error box on the page. Why Temml and not KaTeX: docs/decisions.md, "Math".
 */
import type { Element, ElementContent } from 'hast';
import type { Nodes, Root } from 'mdast';
import type { InlineMath, Math } from 'mdast-util-math';
import type { State } from 'mdast-util-to-hast';
import { createRequire } from 'node:module';
import type { BodyProblem } from '../build/problems';

// Loaded on the first formula: most bodies have none, and every content step parses with this module.
let temml: typeof import('temml').default | undefined;
const loadTemml = () =>
  (temml ??= createRequire(import.meta.url)('temml') as typeof import('temml').default);

/** A TeX source longer than this is refused: Temml's time grows with it, and no formula needs more. */
export const MAX_TEX_LENGTH = 10_000;

function renderTex(tex: string, displayMode: boolean, throwOnError: boolean): string {
  // `annotate` keeps the TeX in the MathML (screen readers, copying, and the source of a later reading).
  return loadTemml().renderToString(tex, {
    displayMode,
    throwOnError,
    annotate: true,
    trust: false,
  });
}

/** Each math node of a tree, found with a stack (no recursion: trees may be deep). */
function mathNodes(tree: Root): (Math | InlineMath)[] {
  const found: (Math | InlineMath)[] = [];
  const pending: Nodes[] = [tree];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === 'math' || node.type === 'inlineMath') found.push(node);
    // Reversed onto the stack, so they are found in the order of the body.
    else if ('children' in node) pending.push(...[...(node.children as Nodes[])].reverse());
  }
  return found;
}

/**
 * MathML of a formula, or undefined when Temml cannot read it (or it is too long): a Jekyll site's formula is then
 * written as kramdown writes it for MathJax, and reported as a warning.
 */
export function mathmlOrUndefined(tex: string, displayMode: boolean): string | undefined {
  if (tex.length > MAX_TEX_LENGTH) return undefined;
  try {
    return renderTex(tex, displayMode, true);
  } catch {
    return undefined;
  }
}

/** Whether a body's tree has any math: its page then loads the math stylesheet. */
export const hasMath = (tree: Root): boolean => mathNodes(tree).length > 0;

/**
 * Every formula Temml cannot read, at the body line of the error: an error in our own posts, a warning in a
 * Jekyll site's (the formula is then left as TeX, as Jekyll wrote it for MathJax).
 */
export function mathProblems(
  tree: Root,
  severity: BodyProblem['severity'] = 'error',
): BodyProblem[] {
  const problems: BodyProblem[] = [];
  for (const node of mathNodes(tree)) {
    // A block's TeX starts on the line after its `$$`.
    const firstLine = (node.position?.start.line ?? 1) + (node.type === 'math' ? 1 : 0);
    if (node.value.length > MAX_TEX_LENGTH) {
      problems.push({
        line: firstLine,
        field: 'math',
        severity,
        message: `is ${node.value.length} characters of TeX, more than ${MAX_TEX_LENGTH}; split it`,
      });
      continue;
    }
    try {
      renderTex(node.value, node.type === 'math', true);
    } catch (error) {
      const position = (error as { position?: number }).position;
      const line =
        firstLine +
        (typeof position === 'number' ? node.value.slice(0, position).split('\n').length - 1 : 0);
      const reason = (error as Error).message
        .replace(/^ParseError:\s*/, '')
        .replace(/ at (?:position \d+|end of input):[\s\S]*$/, '')
        .trim();
      problems.push({ line, field: 'math', severity, message: `TeX: ${reason}` });
    }
  }
  return problems;
}

/**
 * GitHub's rule, on the source `$…$`: `$` opens before a non-space and closes after one, and not before a digit
 * (`$5 and $10`).
 */
const FALSE_INLINE_MATH = (source: string, after: string | undefined) =>
  /^\$\s|\s\$$/.test(source) || (after !== undefined && /^\d/.test(after));

/**
 * Inline math that GitHub would read as text (prices: `costs $5 and $10`) put back as the text it was. The
 * parser (micromark-extension-math) reads any pair of `$`; GitHub also asks for no space inside the dollars.
 */
export function revertFalseInlineMath(tree: Root, markdown: string): void {
  const pending: Nodes[] = [tree];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (!('children' in node)) continue;
    const children = node.children as Nodes[];
    children.forEach((child, index) => {
      if (child.type !== 'inlineMath') return;
      const end = child.position?.end.offset;
      const source =
        child.position?.start.offset !== undefined && end !== undefined
          ? markdown.slice(child.position.start.offset, end)
          : `$${child.value}$`;
      // `$$x$$` inline is math however spaced, as on GitHub.
      if (source.startsWith('$$') || !FALSE_INLINE_MATH(source, markdown[end ?? -1])) return;
      children[index] = { type: 'text', value: source, position: child.position } as Nodes;
    });
    pending.push(...children);
  }
}

/** MathML as a raw node: rehype-stringify writes it as it is (raw HTML is allowed in bodies). */
const mathml = (state: State, node: Math | InlineMath, display: boolean): ElementContent => {
  const result = {
    type: 'raw',
    value: renderTex(node.value, display, false),
  } as unknown as Element;
  state.patch(node, result);
  return result;
};

/** remark-rehype handlers of our own posts' math. */
export const gfmMathHandlers = {
  math: (state: State, node: Math) => mathml(state, node, true),
  inlineMath: (state: State, node: InlineMath) => mathml(state, node, false),
};
