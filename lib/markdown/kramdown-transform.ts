/**
 * kramdown's syntax, resolved on the tree of the one parse (lib/markdown/parse.ts) as kramdown 2.4 with
 * kramdown-parser-gfm and Jekyll's defaults resolves it, so that every reader of the tree (headings, links,
 * plain text, the renderer) sees the same result and none of the syntax is left as text:
 * - `markdown="1"` (and "block", "span") on an HTML block: its content parsed as markdown;
 * - block attribute lists after or before a block, attribute definitions and references, `^`;
 * - `## Heading {#id}`, `* {:.class} item`, span attribute lists after an element (`*em*{:.x}`);
 * - `{::comment}`, `{::nomarkdown}`, `{::options}`, as blocks and as spans;
 * - block math only where kramdown sees a block; inline math as kramdown strips it;
 * - abbreviations and the `{:toc}` list (after typography and heading ids: kramdown-ids.ts).
 * Walks are loops over stacks: a deep or wide tree must not overflow the call stack.
 */
import type {
  Heading,
  Html,
  ListItem,
  Nodes,
  Paragraph,
  Parent,
  Parents,
  Root,
  RootContent,
  Text,
} from 'mdast';
import type { InlineMath, Math } from 'mdast-util-math';
import {
  emptyAttributeList,
  mergeAttributeList,
  parseAttributeList,
  resolveAttributes,
  setAttributes,
  type AttributeDefinitions,
  type AttributeList,
} from './kramdown-attributes';
import {
  ABBREVIATION_LINE,
  ALD_LINE,
  EXTENSION_START_LINE,
  extensionOutput,
  IAL_LINE,
  type KramdownMarker,
} from './kramdown-syntax';

/** An HTML element whose content kramdown parsed as markdown (`markdown="1"`). */
export interface KramdownHtmlElement extends Parent {
  type: 'kramdownHtmlElement';
  tagName: string;
  children: RootContent[];
}

/** An abbreviation kramdown marks up: `<abbr title="…">HTML</abbr>`. */
export interface KramdownAbbreviation extends Parent {
  type: 'kramdownAbbreviation';
  children: Text[];
}

declare module 'mdast' {
  interface RootContentMap {
    kramdownHtmlElement: KramdownHtmlElement;
    kramdownAbbreviation: KramdownAbbreviation;
  }
  interface BlockContentMap {
    kramdownHtmlElement: KramdownHtmlElement;
  }
  interface PhrasingContentMap {
    kramdownAbbreviation: KramdownAbbreviation;
  }
  interface Data {
    /** The first list with the `toc` reference: kramdown replaces it with the table of contents. */
    kramdownToc?: boolean;
    /** A table of contents made from the headings (left out of the plain text: it repeats them). */
    kramdownGeneratedToc?: boolean;
  }
}

/** An abbreviation's definition: its title and the attributes an attribute list after it gives. */
export interface AbbreviationDefinition {
  title: string;
  attributes: Map<string, string>;
}

export interface KramdownFacts {
  abbreviations: Map<string, AbbreviationDefinition>;
  /** Whether any HTML block's content was parsed: the tree is then checked for depth again. */
  expandedHtml: boolean;
  /**
   * Footnote and link definitions that were inside an HTML block as CommonMark read it (`</div>` then
   * `[^1]: …`), as lines to parse the body with: its references to them were read as text.
   */
  lateDefinitions: string[];
}

/** The definitions among parsed pieces, as lines that define their labels. */
function definitionsIn(pieces: readonly RootContent[], found: string[]): void {
  const pending: Nodes[] = [...pieces];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === 'footnoteDefinition') found.push(`[^${node.label ?? node.identifier}]: -`);
    else if (node.type === 'definition') found.push(`[${node.label ?? node.identifier}]: #`);
    if ('children' in node) pending.push(...(node.children as Nodes[]));
  }
}

/** Parses a markdown text with the dialect's parser only (no transforms); lines count from 1. */
export type ParseFragment = (markdown: string) => Root;

const startLine = (node: Nodes) => node.position?.start.line ?? 0;
/** The last line a node is on (a block some plugins end at the start of the next line ends before it). */
const endLine = (node: Nodes) => {
  const end = node.position?.end;
  if (!end) return 0;
  return end.column === 1 && end.line > startLine(node) ? end.line - 1 : end.line;
};

/** Every parent of the tree, parents before their children. */
function parentsOf(tree: Root): Parents[] {
  const found: Parents[] = [];
  const pending: Nodes[] = [tree];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (!('children' in node)) continue;
    found.push(node);
    const children = node.children as Nodes[];
    for (let index = children.length - 1; index >= 0; index -= 1) pending.push(children[index]!);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------
// markdown="1": an HTML block whose content is markdown

const BLOCK_CONTENT = new Set(
  'address applet article aside blockquote body dd details div dl fieldset figure figcaption footer form header hgroup iframe li main map menu nav noscript object section summary td'.split(
    ' ',
  ),
);
const SPAN_CONTENT = new Set(
  'a abbr acronym b bdo big button cite caption del dfn dt em h1 h2 h3 h4 h5 h6 i ins label legend optgroup p q rb rbc rp rt rtc ruby select small span strong sub sup th tt'.split(
    ' ',
  ),
);

const OPENING_TAG =
  /^\s*<([A-Za-z][A-Za-z0-9-]*)((?:\s+[A-Za-z_:][\w:.-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/;
const ATTRIBUTE = /([A-Za-z_:][\w:.-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const MARKDOWN_ATTRIBUTE = /\s+markdown\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+)/i;

type ContentModel = 'block' | 'span' | 'raw';

function contentModel(tagName: string, value: string): ContentModel {
  if (value === '0') return 'raw';
  if (value === 'block' || value === 'span') return value;
  if (value !== '1') return 'raw';
  const name = tagName.toLowerCase();
  return BLOCK_CONTENT.has(name) ? 'block' : SPAN_CONTENT.has(name) ? 'span' : 'raw';
}

/** Where a tag's matching closing tag ends in `text`, counting nested tags of the same name. */
function closingTagEnd(
  text: string,
  tagName: string,
  depth: { open: number },
): { start: number; end: number } | undefined {
  const tags = new RegExp(`<(/?)${tagName}(?=[\\s/>])[^>]*>`, 'gi');
  for (const match of text.matchAll(tags)) {
    if (match[1]) depth.open -= 1;
    else if (!match[0].endsWith('/>')) depth.open += 1;
    if (depth.open === 0) return { start: match.index, end: match.index + match[0].length };
  }
  return undefined;
}

/** Shifts the positions of a fragment's nodes to where its text starts in the body. */
function shiftPositions(root: Root, lineOffset: number, offsetBase: number): void {
  const pending: Nodes[] = [...root.children];
  for (let node = pending.pop(); node; node = pending.pop()) {
    const position = node.position;
    if (position) {
      for (const point of [position.start, position.end]) {
        point.line += lineOffset;
        if (point.offset !== undefined) point.offset += offsetBase;
      }
    }
    if ('children' in node) pending.push(...(node.children as Nodes[]));
  }
}

const lineOfOffset = (html: Html, offset: number): number =>
  startLine(html) + (html.value.slice(0, offset).match(/\n/g)?.length ?? 0);

/**
 * Parses one piece of an HTML block's content, with the body's link and footnote definitions known (they
 * may be anywhere in the body), and places it where it was written.
 */
function parsePiece(
  text: string,
  html: Html,
  at: number,
  parse: ParseFragment,
  definitions: string,
): RootContent[] {
  if (text.trim() === '') return [];
  const lines = text.split('\n').length;
  const root = parse(`${text}\n\n${definitions}`);
  const children = root.children.filter((child) => startLine(child) <= lines);
  const fragment: Root = { type: 'root', children };
  shiftPositions(fragment, lineOfOffset(html, at) - 1, (html.position?.start.offset ?? 0) + at);
  return children;
}

/** The link and footnote definitions of a body, as lines a fragment can be parsed with. */
function definitionLines(tree: Root): string {
  const lines: string[] = [];
  const pending: Nodes[] = [tree];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === 'definition') lines.push(`[${node.label ?? node.identifier}]: #`);
    else if (node.type === 'footnoteDefinition')
      lines.push(`[^${node.label ?? node.identifier}]: -`);
    if ('children' in node) pending.push(...(node.children as Nodes[]));
  }
  return lines.join('\n');
}

/**
 * Replaces each HTML block that opens with a `markdown` attribute (and the nodes up to its closing tag) by
 * an element whose content is parsed markdown; a raw one (`markdown="0"`, or an element kramdown keeps
 * raw) only loses the attribute. Nested elements are expanded in turn, to MAX depth.
 */
function expandMarkdownHtml(
  tree: Root,
  parse: ParseFragment,
  maxDepth: number,
  tooDeep: (line: number) => Error,
  parseBlockHtml: boolean,
): boolean {
  let expanded = false;
  let definitions: string | undefined;
  const pending: { parent: Parents; depth: number }[] = [{ parent: tree, depth: 0 }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { parent, depth } = item;
    const children = parent.children as RootContent[];
    for (let index = 0; index < children.length; index += 1) {
      const child = children[index]!;
      if (child.type !== 'html') {
        if ('children' in child && child.type !== 'paragraph' && child.type !== 'heading')
          pending.push({ parent: child, depth });
        continue;
      }
      const opening = OPENING_TAG.exec(child.value);
      const markdownAttribute = opening?.[2] ? MARKDOWN_ATTRIBUTE.exec(opening[2]) : null;
      // `parse_block_html`: every HTML block reads as if it said markdown="1".
      if (!opening || (!markdownAttribute && !parseBlockHtml)) continue;
      const tagName = opening[1]!;
      const attributes = new Map<string, string>();
      let markdownValue = markdownAttribute ? '' : '1';
      for (const attribute of opening[2]!.matchAll(ATTRIBUTE)) {
        const value = attribute[2] ?? attribute[3] ?? attribute[4] ?? '';
        if (attribute[1]!.toLowerCase() === 'markdown') markdownValue = value;
        else attributes.set(attribute[1]!, value);
      }
      const model = contentModel(tagName, markdownValue);
      if (model === 'raw' || opening[3]) {
        const tagWithout = opening[0].replace(MARKDOWN_ATTRIBUTE, '');
        child.value = tagWithout + child.value.slice(opening[0].length);
        continue;
      }
      if (depth + 1 > maxDepth) throw tooDeep(startLine(child));
      definitions ??= definitionLines(tree);
      const depthCount = { open: 1 };
      const contentStart = opening[0].length;
      const element: KramdownHtmlElement = {
        type: 'kramdownHtmlElement',
        tagName,
        children: [],
        data: { hName: tagName.toLowerCase() },
        position: child.position && { start: child.position.start, end: child.position.end },
      };
      setAttributes(element, attributes);
      let close = closingTagEnd(child.value.slice(contentStart), tagName, depthCount);
      let rest: Html | undefined;
      if (close) {
        const inner = child.value.slice(contentStart, contentStart + close.start);
        element.children.push(...parsePiece(inner, child, contentStart, parse, definitions));
        const after = child.value.slice(contentStart + close.end);
        if (after.trim()) rest = { type: 'html', value: after.trim(), position: child.position };
        children.splice(index, 1, element, ...(rest ? [rest] : []));
      } else {
        const inner = child.value.slice(contentStart);
        element.children.push(...parsePiece(inner, child, contentStart, parse, definitions));
        let last = index + 1;
        for (; last < children.length; last += 1) {
          const sibling = children[last]!;
          if (sibling.type === 'html') {
            close = closingTagEnd(sibling.value, tagName, depthCount);
            if (close) {
              element.children.push(
                ...parsePiece(sibling.value.slice(0, close.start), sibling, 0, parse, definitions),
              );
              const after = sibling.value.slice(close.end);
              if (after.trim())
                rest = { type: 'html', value: after.trim(), position: sibling.position };
              if (element.position && sibling.position) element.position.end = sibling.position.end;
              break;
            }
          }
          element.children.push(sibling);
          if (element.position && sibling.position) element.position.end = sibling.position.end;
        }
        // Without a closing tag the element runs to the end of its container, as a browser reads it.
        children.splice(index, last - index + 1, element, ...(rest ? [rest] : []));
      }
      expanded = true;
      if (model === 'span') {
        const only = element.children.length === 1 ? element.children[0] : undefined;
        if (only?.type === 'paragraph') element.children = only.children;
      }
      pending.push({ parent: element, depth: depth + 1 });
    }
  }
  return expanded;
}

// ---------------------------------------------------------------------------------------------------
// Block markers and attribute lists

const HEADER_ID = /[\t ]\{#([A-Za-z_:\u00C0-\uFFFF][\w.:\-\u00B7\u00C0-\uFFFF]*)\}$/;
const LIST_ITEM_IAL = /^\s*\{:(?![A-Za-z0-9_][\w-]*:|:|\/)((?:\\\}|[^}])+)\}\s*/;
const SPAN_IAL = /^\{:(?!:|\/)((?:\\\}|[^}])+)\}/;

/** What an attribute list after a marker applies to. */
type IalTarget =
  | { kind: 'node'; node: Nodes }
  | { kind: 'next' }
  | { kind: 'abbreviation'; name: string }
  | { kind: 'none' };

interface BlockState {
  source: string;
  definitions: AttributeDefinitions;
  abbreviations: Map<string, AbbreviationDefinition>;
  tocFound: boolean;
}

/** Applies an attribute list to a node; the first list with the `toc` reference becomes the table of contents. */
function applyIal(node: Nodes, list: AttributeList, state: BlockState): void {
  setAttributes(node, resolveAttributes(list, state.definitions));
  if (node.type === 'list' && !state.tocFound && list.refs.includes('toc')) {
    state.tocFound = true;
    node.data ??= {};
    node.data.kramdownToc = true;
  }
}

/** The inside of a marker line's braces. */
const ialText = (raw: string) => IAL_LINE.exec(raw)?.[1] ?? '';

function blockExtension(marker: KramdownMarker): Html | undefined {
  const lines = marker.value.split('\n');
  const start = EXTENSION_START_LINE.exec(lines[0] ?? '');
  if (!start) return undefined;
  const body = start[3] ? undefined : lines.slice(1, -1).join('\n');
  const output = extensionOutput(start[1]!, start[2] ?? '', body);
  return output === undefined
    ? undefined
    : { type: 'html', value: output, position: marker.position };
}

/**
 * `## Heading {#id}`: the id, taken out of the heading's text; not before closing hashes
 * (`## Title {#id} ##`), which kramdown-parser-gfm strips only after looking for the id.
 */
function takeHeaderId(heading: Heading, source: string): void {
  const written = source.slice(
    heading.position?.start.offset ?? 0,
    heading.position?.end.offset ?? 0,
  );
  if (/[\t ]#+[\t ]*$/.test(written.split('\n')[0] ?? '')) return;
  const last = heading.children[heading.children.length - 1];
  if (last?.type !== 'text') return;
  const match = HEADER_ID.exec(last.value);
  if (!match) return;
  last.value = last.value.slice(0, match.index).trimEnd();
  if (last.value === '') heading.children.pop();
  setAttributes(heading, new Map([['id', match[1]!]]));
}

/** Block math kramdown reads as inline math in a paragraph: right after a block, without a blank line. */
function mathAsParagraph(math: Math): Paragraph {
  const inline: InlineMath = { type: 'inlineMath', value: math.value, position: math.position };
  return { type: 'paragraph', children: [inline], position: math.position };
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * An attribute list on the line after an HTML block: CommonMark keeps the line in the block, kramdown puts
 * the attributes on the element. Done when the block is one element; otherwise the line is only dropped.
 */
function htmlBlockIal(html: Html, state: BlockState): void {
  const lines = html.value.split('\n');
  const last = lines[lines.length - 1] ?? '';
  if (lines.length < 2 || !IAL_LINE.test(last)) return;
  html.value = lines.slice(0, -1).join('\n');
  const opening = OPENING_TAG.exec(html.value);
  if (!opening || !new RegExp(`</${opening[1]}\\s*>\\s*$`, 'i').test(html.value)) return;
  const attributes = new Map<string, string>();
  for (const attribute of opening[2]!.matchAll(ATTRIBUTE))
    attributes.set(attribute[1]!, attribute[2] ?? attribute[3] ?? attribute[4] ?? '');
  const given = resolveAttributes(
    parseAttributeList(ialText(last), emptyAttributeList()),
    state.definitions,
  );
  for (const [name, value] of given)
    attributes.set(
      name,
      name === 'class' && attributes.get('class') ? `${attributes.get('class')} ${value}` : value,
    );
  const written = [...attributes].map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`);
  html.value = `<${opening[1]}${written.join('')}${opening[3] ? ' /' : ''}>${html.value.slice(opening[0].length)}`;
}

/** Resolves the markers among one parent's children, and the attribute lists on them. */
function resolveMarkers(parent: Parents, state: BlockState): void {
  const children = parent.children as RootContent[];
  if (
    !children.some(
      (child) =>
        child.type === 'kramdownMarker' ||
        child.type === 'math' ||
        child.type === 'heading' ||
        child.type === 'html',
    )
  )
    return;
  const result: RootContent[] = [];
  /**
   * An attribute list waiting for the next block (kramdown's block IAL). It waits across blank lines only
   * when a blank line came before it: kramdown spends it on the first new block, and a blank line after a
   * blank line is no new block.
   */
  let pending: { list: AttributeList; endLine: number; overBlanks: boolean } | undefined;
  let chain: IalTarget = { kind: 'none' };
  for (let index = 0; index < children.length; index += 1) {
    let child = children[index]!;
    const previous = children[index - 1];
    const adjacent = previous !== undefined && endLine(previous) === startLine(child) - 1;
    if (child.type === 'kramdownMarker') {
      if (child.kind === 'ial') {
        const list = parseAttributeList(ialText(child.value), emptyAttributeList());
        let target: IalTarget;
        if (adjacent && previous.type !== 'kramdownMarker')
          target =
            previous.type === 'definition' || previous.type === 'footnoteDefinition'
              ? { kind: 'none' }
              : { kind: 'node', node: previous };
        else if (adjacent && previous.type === 'kramdownMarker' && previous.kind === 'ial')
          target = chain;
        else if (adjacent && previous.type === 'kramdownMarker' && previous.kind === 'abbreviation')
          target = chain;
        else target = { kind: 'next' };
        if (target.kind === 'node') applyIal(target.node, list, state);
        else if (target.kind === 'abbreviation') {
          const definition = state.abbreviations.get(target.name);
          if (definition) resolveAttributes(list, state.definitions, definition.attributes);
        } else if (target.kind === 'next') {
          const carried = pending && (adjacent || pending.overBlanks) ? pending : undefined;
          pending = {
            list: mergeAttributeList(carried?.list ?? emptyAttributeList(), list),
            endLine: endLine(child),
            overBlanks: carried ? carried.overBlanks : previous !== undefined && !adjacent,
          };
        }
        chain = target;
        continue;
      }
      // Every other marker is a block of its own: a pending attribute list is spent on it.
      pending = undefined;
      chain = { kind: 'none' };
      if (child.kind === 'abbreviation') {
        const match = ABBREVIATION_LINE.exec(child.value);
        if (match) chain = { kind: 'abbreviation', name: match[1]! };
      } else if (child.kind === 'extension') {
        const output = blockExtension(child);
        if (output) result.push(output);
      }
      continue;
    }
    if (child.type === 'heading') takeHeaderId(child, state.source);
    if (child.type === 'html') htmlBlockIal(child, state);
    const waiting =
      pending !== undefined && (pending.overBlanks || pending.endLine === startLine(child) - 1);
    const boundary =
      !adjacent || (previous.type === 'kramdownMarker' && previous.kind === 'eob') || waiting;
    if (child.type === 'math' && !boundary) child = mathAsParagraph(child);
    if (pending && waiting) applyIal(child, pending.list, state);
    pending = undefined;
    chain = { kind: 'none' };
    result.push(child);
  }
  (parent as Parent).children = result;
}

/** Attribute definitions and abbreviations, from anywhere in the body (kramdown reads them all first). */
function collectDefinitions(parents: Parents[], state: BlockState): void {
  for (const parent of parents) {
    for (const child of parent.children as RootContent[]) {
      if (child.type !== 'kramdownMarker') continue;
      if (child.kind === 'ald') {
        const match = ALD_LINE.exec(child.value);
        if (match) {
          const list = state.definitions.get(match[1]!) ?? emptyAttributeList();
          state.definitions.set(match[1]!, parseAttributeList(match[2]!, list));
        }
      } else if (child.kind === 'abbreviation') {
        const match = ABBREVIATION_LINE.exec(child.value);
        if (match)
          state.abbreviations.set(match[1]!, { title: match[2]!.trim(), attributes: new Map() });
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Spans: attribute lists after an element, extensions, list item attribute lists

/** Elements a span attribute list after them applies to (kramdown: anything but text). */
const SPAN_TARGETS = new Set([
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
  'image',
  'imageReference',
  'inlineCode',
  'inlineMath',
  'footnoteReference',
]);

function resolveSpans(parent: Parents, state: BlockState): void {
  if (parent.type === 'listItem') listItemIal(parent, state);
  const children = parent.children as Nodes[];
  if (
    !children.some(
      (child) => child.type === 'text' || child.type === 'html' || child.type === 'inlineMath',
    )
  )
    return;
  const result: Nodes[] = [];
  for (const child of children) {
    if (child.type === 'inlineMath') {
      child.value = child.value.trim();
      // The renderer writes kramdown's math (kramdown-html.ts); the math extension's own rendering goes.
      const properties = child.data?.hProperties;
      child.data = properties && !('className' in properties) ? { hProperties: properties } : {};
    }
    if (
      child.type === 'html' &&
      MARKDOWN_ATTRIBUTE.test(child.value) &&
      /^<[A-Za-z]/.test(child.value)
    )
      child.value = child.value.replace(MARKDOWN_ATTRIBUTE, '');
    if (child.type !== 'text') {
      result.push(child);
      continue;
    }
    // Attribute lists right after an element are the element's; after text kramdown leaves them as text.
    let value = child.value;
    for (;;) {
      const previous = result[result.length - 1];
      const match = SPAN_IAL.exec(value);
      if (!match || !previous || previous.type === 'text') break;
      if (SPAN_TARGETS.has(previous.type))
        applyIal(previous, parseAttributeList(match[1]!, emptyAttributeList()), state);
      value = value.slice(match[0].length);
    }
    if (value === '') continue;
    child.value = value;
    result.push(child);
  }
  (parent as Parent).children = result as RootContent[];
}

/** `* {:.class} item`: an attribute list at the start of a list item applies to the item. */
function listItemIal(item: ListItem, state: BlockState): void {
  const paragraph = item.children[0];
  const first = paragraph?.type === 'paragraph' ? paragraph.children[0] : undefined;
  if (first?.type !== 'text') return;
  const match = LIST_ITEM_IAL.exec(first.value);
  if (!match) return;
  applyIal(item, parseAttributeList(match[1]!, emptyAttributeList()), state);
  first.value = first.value.slice(match[0].length);
  if (first.value === '') (paragraph as Paragraph).children.shift();
}

// ---------------------------------------------------------------------------------------------------
// Where an HTML block ends

/**
 * kramdown reads an HTML block to the closing tag of the element that opened it, blank lines included;
 * CommonMark ends it at the first blank line and reads what follows as markdown (an indented line inside a
 * `<div>` became a code block). At the top level of a body, an HTML block whose element is not closed takes
 * the blocks after it, as written, up to the line of its closing tag; the lines after that are read as
 * markdown. Bounded: the text searched for closing tags is at most a few times the body's length.
 */
function joinUnclosedHtmlBlocks(
  tree: Root,
  source: string,
  parse: ParseFragment,
  lateDefinitions: string[],
): boolean {
  let joined = false;
  let budget = 4 * source.length;
  let definitions: string | undefined;
  const children = tree.children;
  for (let index = 0; index < children.length; index += 1) {
    const child = children[index]!;
    if (child.type !== 'html' || child.position?.start.offset === undefined) continue;
    const opening = OPENING_TAG.exec(child.value);
    if (!opening || opening[3] || ENDS_AT_CLOSE.has(opening[1]!.toLowerCase())) continue;
    const depth = { open: 1 };
    if (closingTagEnd(child.value.slice(opening[0].length), opening[1]!, depth)) continue;
    const start = child.position.start.offset;
    for (let last = index + 1; last < children.length; last += 1) {
      const sibling = children[last]!;
      const from = sibling.position?.start.offset;
      const to = sibling.position?.end.offset;
      if (from === undefined || to === undefined) break;
      budget -= to - from;
      if (budget < 0) return joined;
      const close = closingTagEnd(source.slice(from, to), opening[1]!, depth);
      if (!close) continue;
      const whole: Html = {
        type: 'html',
        value: source.slice(start, to),
        position: { start: child.position.start, end: sibling.position!.end },
      };
      const closeEnd = from + close.end - start;
      const lineEnd = whole.value.indexOf('\n', closeEnd);
      let pieces: RootContent[] = [];
      if (lineEnd >= 0 && whole.value.slice(lineEnd + 1).trim()) {
        definitions ??= definitionLines(tree);
        pieces = parsePiece(whole.value.slice(lineEnd + 1), whole, lineEnd + 1, parse, definitions);
        definitionsIn(pieces, lateDefinitions);
        whole.value = whole.value.slice(0, lineEnd);
      }
      children.splice(index, last - index + 1, whole, ...pieces);
      joined = true;
      break;
    }
  }
  return joined;
}

/** kramdown's option that reads the content of every HTML block as markdown. */
const PARSE_BLOCK_HTML = /\{::options\b[^}]*\bparse_block_html=["']?true/;

/** Elements whose HTML block CommonMark already ends at the closing tag (its kinds 1 to 5). */
const ENDS_AT_CLOSE = new Set(['pre', 'script', 'style', 'textarea']);

/**
 * kramdown ends an HTML block at the closing tag of the element that opened it; CommonMark runs it to the next
 * blank line, so `</div>` followed by `## Heading` kept the heading as raw text. Each HTML block whose opening
 * element closes at the end of a line, with more lines after it, is cut there; the lines after are parsed as
 * markdown, in place. Returns whether any block was cut.
 */
function endHtmlBlocksAtClose(
  tree: Root,
  parse: ParseFragment,
  sourceLength: number,
  lateDefinitions: string[],
): boolean {
  let cut = false;
  // Each cut parses the rest of its block again, and that rest may be cut in turn: a body of thousands of
  // alternating lines would be parsed quadratically. Past a few times the body's length, blocks stay whole.
  let budget = 4 * sourceLength;
  let definitions: string | undefined;
  for (const parent of parentsOf(tree)) {
    const children = parent.children as RootContent[];
    for (let index = 0; index < children.length; index += 1) {
      const child = children[index]!;
      if (child.type !== 'html') continue;
      const opening = OPENING_TAG.exec(child.value);
      if (!opening || opening[3] || ENDS_AT_CLOSE.has(opening[1]!.toLowerCase())) continue;
      const contentStart = opening[0].length;
      const close = closingTagEnd(child.value.slice(contentStart), opening[1]!, { open: 1 });
      if (!close) continue;
      const closeEnd = contentStart + close.end;
      let lineEnd = child.value.indexOf('\n', closeEnd);
      if (lineEnd < 0 || child.value.slice(closeEnd, lineEnd).trim() !== '') continue;
      // An attribute list right under the block belongs to it: the cut comes after it.
      const nextEnd = child.value.indexOf('\n', lineEnd + 1);
      if (IAL_LINE.test(child.value.slice(lineEnd + 1, nextEnd < 0 ? undefined : nextEnd)))
        lineEnd = nextEnd;
      if (lineEnd < 0) continue;
      const after = child.value.slice(lineEnd + 1);
      if (after.trim() === '' || after.length > budget) continue;
      budget -= after.length;
      definitions ??= definitionLines(tree);
      const pieces = parsePiece(after, child, lineEnd + 1, parse, definitions);
      definitionsIn(pieces, lateDefinitions);
      child.value = child.value.slice(0, lineEnd);
      children.splice(index + 1, 0, ...pieces);
      cut = true;
    }
  }
  return cut;
}

// ---------------------------------------------------------------------------------------------------

/**
 * Resolves kramdown's block and span syntax in place (the tree is the parser's, before it is shared).
 * Abbreviations are returned, to be marked up after typography (applyAbbreviations).
 */
export function resolveKramdownSyntax(
  tree: Root,
  source: string,
  parse: ParseFragment,
  limits: { maxDepth: number; tooDeep: (line: number) => Error },
): KramdownFacts {
  // With kramdown's `{::options parse_block_html="true" /}` every HTML block's content is markdown: each is
  // expanded as markdown="1" would be. What stays raw (markdown="0", a raw element) is then joined or cut as
  // any raw block is.
  const parseBlockHtml = PARSE_BLOCK_HTML.test(source);
  const expanded = expandMarkdownHtml(tree, parse, limits.maxDepth, limits.tooDeep, parseBlockHtml);
  const lateDefinitions: string[] = [];
  const joined = joinUnclosedHtmlBlocks(tree, source, parse, lateDefinitions);
  const cut = endHtmlBlocksAtClose(tree, parse, source.length, lateDefinitions);
  const expandedHtml = expanded || joined || cut;
  const state: BlockState = {
    source,
    definitions: new Map(),
    abbreviations: new Map(),
    tocFound: false,
  };
  const parents = parentsOf(tree);
  collectDefinitions(parents, state);
  for (const parent of parents) resolveMarkers(parent, state);
  for (const parent of parentsOf(tree)) resolveSpans(parent, state);
  return { abbreviations: state.abbreviations, expandedHtml, lateDefinitions };
}

// ---------------------------------------------------------------------------------------------------
// Abbreviations

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Marks up every abbreviation in the text of the tree (not in code, math or HTML), longest first. */
export function applyAbbreviations(
  tree: Root,
  abbreviations: Map<string, AbbreviationDefinition>,
): void {
  if (abbreviations.size === 0) return;
  const names = [...abbreviations.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(
    `(?<![A-Za-z0-9_])(?:${names.map(escapeRegExp).join('|')})(?![A-Za-z0-9_])`,
    'g',
  );
  for (const parent of parentsOf(tree)) {
    if (parent.type === 'kramdownAbbreviation') continue;
    const children = parent.children as Nodes[];
    if (!children.some((child) => child.type === 'text')) continue;
    const result: Nodes[] = [];
    for (const child of children) {
      if (child.type !== 'text') {
        result.push(child);
        continue;
      }
      let last = 0;
      for (const match of child.value.matchAll(pattern)) {
        if (match.index > last)
          result.push({
            type: 'text',
            value: child.value.slice(last, match.index),
            position: child.position,
          });
        const definition = abbreviations.get(match[0])!;
        const attributes = new Map(definition.attributes);
        if (definition.title) attributes.set('title', definition.title);
        const abbreviation: KramdownAbbreviation = {
          type: 'kramdownAbbreviation',
          children: [{ type: 'text', value: match[0], position: child.position }],
          data: { hName: 'abbr' },
          position: child.position,
        };
        setAttributes(abbreviation, attributes);
        result.push(abbreviation);
        last = match.index + match[0].length;
      }
      if (last === 0) result.push(child);
      else if (last < child.value.length)
        result.push({ type: 'text', value: child.value.slice(last), position: child.position });
    }
    (parent as Parent).children = result as RootContent[];
  }
}

// ---------------------------------------------------------------------------------------------------
// Line breaks

/**
 * kramdown's `\\` at the end of a line is a line break (as two spaces are); CommonMark reads it as an escaped
 * backslash, so the text holds `\` before the line's end. Text is never a backslash before a newline otherwise
 * (a lone `\` there is CommonMark's own hard break), so each such pair becomes a break.
 */
export function applyKramdownLineBreaks(tree: Root): void {
  for (const parent of parentsOf(tree)) {
    const children = parent.children as RootContent[];
    for (let index = 0; index < children.length; index += 1) {
      const child = children[index]!;
      if (child.type !== 'text' || !child.value.includes('\\\n')) continue;
      const parts = child.value.split('\\\n');
      const replacement: RootContent[] = [];
      parts.forEach((part, at) => {
        if (at > 0) replacement.push({ type: 'break' }, { type: 'text', value: part });
        else if (part) replacement.push({ type: 'text', value: part, position: child.position });
      });
      children.splice(index, 1, ...replacement);
      index += replacement.length - 1;
    }
  }
}
