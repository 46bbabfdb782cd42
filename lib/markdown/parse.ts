/**
 * The one markdown parse of a post body: the content step reads every body fact (excerpt, reading time,
 * headings, links), finds code for Liquid and renders HTML from this tree, and a small cache of the last
 * trees (by body and dialect) lets each of them ask for it in turn. The tree is the dialect's whole reading
 * of the body: kramdown's syntax resolved (kramdown-transform.ts), typography put in (typography.ts) and
 * heading ids given (heading-ids.ts), so no reader works any of it out again.
 *
 * Hostile bodies are refused before they reach the parser: micromark recurses once per container and
 * resolves emphasis and brackets in time that grows with the square of their number in a paragraph
 * (docs/decisions.md, "Nesting deeper than 100 levels is refused"), and every walk after it recurses too.
 */
import type { Nodes, Root } from 'mdast';
import { mathFromMarkdown } from 'mdast-util-math';
import { math } from 'micromark-extension-math';
import { remarkDefinitionList } from 'remark-definition-list';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { DEFAULT_DIALECT, dialectKey, type MarkdownDialect } from './dialect';
import { closeSelfClosedElements, kramdownHtmlFlowSyntax } from './kramdown-html-flow';
import { assignGfmHeadingIds, assignKramdownHeadingIds, buildKramdownToc } from './heading-ids';
import {
  applyAbbreviations,
  applyKramdownLineBreaks,
  resolveKramdownSyntax,
} from './kramdown-transform';
import { kramdownFromMarkdown, kramdownSyntax } from './kramdown-syntax';
import { applyCallouts } from './callouts';
import { revertFalseInlineMath } from './math';
import { applyTypography, escapesFromMarkdown } from './typography';

/** Levels of lists, quotes, links and emphasis inside each other; markdown-it's default `maxNesting` too. */
export const MAX_NESTING = 100;
/** `*` and `_` in one paragraph (or table row): emphasis is resolved in time that grows with their square. */
export const MAX_EMPHASIS_MARKS = 2_000;

/** A body the markdown parser cannot read safely, with the 1-based body line where it goes too far. */
export class MarkdownLimitError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'MarkdownLimitError';
  }
}

const tooDeep = (line: number) =>
  new MarkdownLimitError(
    line,
    `is nested more than ${MAX_NESTING} levels deep (lists, quotes, links or emphasis inside each other); flatten it`,
  );

const OPENING_FENCE = /^ {0,3}(`{3,}(?=[^`]*$)|~{3,})/;
const CLOSING_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const TABLE_DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/**
 * Container markers (`>`, `-`, `*`, `+`, `1.`) at the start of a line, plus its indentation in pairs of
 * columns (a nested list item is indented at least two columns per level): an upper bound of its depth.
 */
function containerPrefix(line: string): {
  depth: number;
  end: number;
  indent: number;
  quotes: number;
  lists: number;
} {
  let markers = 0;
  let quotes = 0;
  let indent = 0;
  let position = 0;
  for (;;) {
    let columns = 0;
    while (line[position] === ' ' || line[position] === '\t') {
      columns += line[position] === '\t' ? 4 : 1;
      position += 1;
    }
    if (markers === 0) indent = columns;
    const rest = line.slice(position, position + 11);
    const marker = /^(>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/.exec(rest);
    if (!marker) break;
    markers += 1;
    if (marker[0] === '>') quotes += 1;
    position += marker[0].length;
  }
  return {
    depth: markers + Math.floor(indent / 2),
    end: position,
    indent,
    quotes,
    lists: markers - quotes,
  };
}

/**
 * Refuses a body nested deeper than the parser copes with, in one pass over its text: container depth on
 * every line (fenced code included: nothing real is indented 200 columns), and bracket depth and emphasis
 * marks per paragraph outside fenced code. An upper bound, so it may refuse what would have parsed, never
 * the reverse for these constructs.
 */
export function checkMarkdownLimits(markdown: string): void {
  const lines = markdown.split('\n');
  let fence: { char: string; length: number; quotes: number; column: number } | undefined;
  let brackets = 0;
  let marks = 0;
  let inTable = false;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const lineNumber = index + 1;
    const prefix = containerPrefix(line);
    if (prefix.depth > MAX_NESTING) throw tooDeep(lineNumber);
    const content = line.slice(prefix.end);
    if (fence) {
      const closing = CLOSING_FENCE.exec(content)?.[1];
      if (closing && closing[0] === fence.char && closing.length >= fence.length) {
        fence = undefined;
        continue;
      }
      // A fence also ends where its container does: fewer `>`, or less indented than its list item's text.
      // Ending it too early only means reading code as text here, which can refuse, never let through.
      if (content.trim() === '' || (prefix.quotes >= fence.quotes && prefix.indent >= fence.column))
        continue;
      fence = undefined;
    }
    const opening = OPENING_FENCE.exec(content)?.[1];
    if (opening) {
      fence = {
        char: opening[0] ?? '`',
        length: opening.length,
        quotes: prefix.quotes,
        column: prefix.lists > 0 ? prefix.end : 0,
      };
      brackets = 0;
      marks = 0;
      continue;
    }
    if (content.trim() === '') {
      brackets = 0;
      marks = 0;
      inTable = false;
      continue;
    }
    // Table cells are parsed one by one: count a table's marks per row.
    if (TABLE_DELIMITER_ROW.test(content) && content.includes('-')) inTable = true;
    if (inTable) marks = 0;
    for (let at = 0; at < content.length; at += 1) {
      const char = content[at];
      if (char === '\\') at += 1;
      else if (char === '[') {
        brackets += 1;
        if (brackets > MAX_NESTING) throw tooDeep(lineNumber);
      } else if (char === ']') brackets = Math.max(0, brackets - 1);
      else if (char === '*' || char === '_') {
        marks += 1;
        if (marks > MAX_EMPHASIS_MARKS) {
          throw new MarkdownLimitError(
            lineNumber,
            `has more than ${MAX_EMPHASIS_MARKS} emphasis marks (* or _) in one paragraph, too many to read in reasonable time; split the paragraph or put the text in a code block`,
          );
        }
      }
    }
  }
}

/** Nodes that nest as an author sees it; a list item's depth is its list's. */
const NESTING_TYPES = new Set([
  'blockquote',
  'list',
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
  'footnoteDefinition',
]);

/** Refuses a tree nested deeper than MAX_NESTING, measured without recursion. */
function checkTreeDepth(tree: Root): void {
  const stack: { node: Nodes; level: number }[] = [{ node: tree, level: 0 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const level = item.level + (NESTING_TYPES.has(item.node.type) ? 1 : 0);
    if (level > MAX_NESTING) throw tooDeep(item.node.position?.start.line ?? 1);
    if ('children' in item.node)
      for (const child of item.node.children as Nodes[]) stack.push({ node: child, level });
  }
}

/** A parser for each dialect's syntax; transforms are run by parseMarkdown, once per body. */
function syntaxParser(kramdown: boolean): Processor<Root> {
  // kramdown reads one tilde as text: only `~~x~~` strikes through.
  const processor = unified()
    .use(remarkParse)
    .use(remarkFrontmatter)
    .use(remarkGfm, kramdown ? { singleTilde: false } : {});
  const data = processor.data();
  if (kramdown) {
    processor.use(remarkDefinitionList);
    // Only `$$…$$`, inline (mathText) or as a block of its own (kramdown-syntax.ts): `$` is text in kramdown.
    const { text } = math({ singleDollarTextMath: false });
    (data.micromarkExtensions ??= []).push({ text }, kramdownSyntax(), kramdownHtmlFlowSyntax());
    (data.fromMarkdownExtensions ??= []).push(mathFromMarkdown(), kramdownFromMarkdown());
  } else {
    // GitHub's math: `$…$` inline (revertFalseInlineMath puts prices back) and `$$…$$` blocks.
    (data.micromarkExtensions ??= []).push(math({ singleDollarTextMath: true }));
    (data.fromMarkdownExtensions ??= []).push(mathFromMarkdown());
  }
  (data.fromMarkdownExtensions ??= []).push(escapesFromMarkdown());
  return processor as unknown as Processor<Root>;
}

const parsers = { gfm: syntaxParser(false), kramdown: syntaxParser(true) };
const recent = new Map<string, Root>();
const CACHE_SIZE = 8;

/** The tree of a body in a dialect: its syntax parsed and resolved, typography and heading ids in. */
function parseBody(markdown: string, dialect: MarkdownDialect): Root {
  checkMarkdownLimits(markdown);
  const parser = dialect.kramdown ? parsers.kramdown : parsers.gfm;
  let tree = parser.parse(markdown);
  checkTreeDepth(tree);
  if (!dialect.kramdown) {
    revertFalseInlineMath(tree, markdown);
    applyCallouts(tree);
    // Before typography: the ids of posts written before it stay as they were (heading-ids.ts).
    assignGfmHeadingIds(tree);
    applyTypography(tree, dialect);
    return tree;
  }
  const fragmentParser = (fragment: string) => parser.parse(fragment);
  const limits = { maxDepth: MAX_NESTING, tooDeep };
  let facts = resolveKramdownSyntax(tree, markdown, fragmentParser, limits);
  if (facts.lateDefinitions.length > 0) {
    // Definitions CommonMark left inside an HTML block: read the body again knowing their labels, so that
    // `[^1]` is a footnote reference; the stand-in definitions after the body are dropped.
    const lines = markdown.split('\n').length;
    tree = parser.parse(`${markdown}\n\n${[...new Set(facts.lateDefinitions)].join('\n')}\n`);
    tree.children = tree.children.filter((child) => (child.position?.start.line ?? 0) <= lines);
    checkTreeDepth(tree);
    facts = resolveKramdownSyntax(tree, markdown, fragmentParser, limits);
  }
  if (facts.expandedHtml) checkTreeDepth(tree);
  closeSelfClosedElements(tree);
  applyKramdownLineBreaks(tree);
  applyTypography(tree, dialect);
  applyAbbreviations(tree, facts.abbreviations);
  assignKramdownHeadingIds(tree);
  buildKramdownToc(tree);
  return tree;
}

/**
 * The mdast of a markdown text in a dialect (our posts' GFM by default); do not mutate it, it is shared.
 * Throws MarkdownLimitError for a hostile body.
 */
export function parseMarkdown(markdown: string, dialect: MarkdownDialect = DEFAULT_DIALECT): Root {
  const key = `${dialectKey(dialect)}\0${markdown}`;
  let tree = recent.get(key);
  if (!tree) {
    tree = parseBody(markdown, dialect);
    recent.set(key, tree);
    if (recent.size > CACHE_SIZE) recent.delete(recent.keys().next().value as string);
  }
  return tree;
}
