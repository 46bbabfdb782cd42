/**
 * Heading ids, given once, at the parse (lib/markdown/parse.ts), as `data.hProperties.id`: the rendered
 * HTML, the table of contents (headings.ts) and the anchors the link check knows (links.ts) all read them
 * from there, so they cannot disagree.
 * - GFM (our posts): github-slugger over the heading's text as the HTML shows it, read before typography so
 *   that the anchors of posts written before typography keep working.
 * - kramdown: kramdown-parser-gfm's ids (downcased, everything but letters, marks, digits, connector
 *   punctuation, `-`, spaces and tabs dropped, spaces and tabs to `-`, `-1`, `-2` for repeats), read after
 *   typography as kramdown reads them; an id from an attribute list or `{#id}` wins. Headings inside HTML
 *   whose content is markdown get kramdown's own converter ids, as kramdown-parser-gfm leaves those to it.
 * Also the `{:toc}` list, made from the ids, as kramdown makes it.
 */
import GithubSlugger from 'github-slugger';
import type {
  Heading,
  List,
  ListItem,
  Nodes,
  Parents,
  PhrasingContent,
  Root,
  RootContent,
} from 'mdast';
import { classesOf, idOf } from './kramdown-attributes';
import { unmarkEscapes } from './typography';

/** Text of a node as the rendered HTML shows it: no HTML tags, no image descriptions. */
function renderedText(root: Nodes, footnoteNumber: (identifier: string) => string): string {
  const parts: string[] = [];
  const pending: Nodes[] = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'inlineMath')
      parts.push(node.value);
    else if (node.type === 'footnoteReference') parts.push(footnoteNumber(node.identifier));
    else if ('children' in node) {
      const children = node.children as Nodes[];
      for (let index = children.length - 1; index >= 0; index -= 1) pending.push(children[index]!);
    }
  }
  return unmarkEscapes(parts.join(''));
}

function setId(heading: Heading, id: string): void {
  heading.data ??= {};
  heading.data.hProperties ??= {};
  heading.data.hProperties.id = id;
}

/** Headings in document order, each with whether it is inside HTML whose content kramdown parsed. */
function headingsOf(tree: Root): { heading: Heading; inHtml: boolean }[] {
  const found: { heading: Heading; inHtml: boolean }[] = [];
  const pending: { node: Nodes; inHtml: boolean }[] = [{ node: tree, inHtml: false }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { node } = item;
    if (node.type === 'heading') {
      found.push({ heading: node, inHtml: item.inHtml });
      continue;
    }
    if (!('children' in node)) continue;
    const inHtml =
      item.inHtml || node.type === 'kramdownHtmlElement' || node.type === 'footnoteDefinition';
    const children = node.children as Nodes[];
    for (let index = children.length - 1; index >= 0; index -= 1)
      pending.push({ node: children[index]!, inHtml });
  }
  return found;
}

/** The numbers GFM's renderer gives footnote references: their order of first use, outside definitions. */
function gfmFootnoteNumbers(tree: Root): (identifier: string) => string {
  const order: string[] = [];
  const pending: Nodes[] = [tree];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === 'footnoteDefinition') continue;
    if (node.type === 'footnoteReference') {
      const id = node.identifier.toUpperCase();
      if (!order.includes(id)) order.push(id);
    } else if ('children' in node) {
      const children = node.children as Nodes[];
      for (let index = children.length - 1; index >= 0; index -= 1) pending.push(children[index]!);
    }
  }
  return (identifier) => String(order.indexOf(identifier.toUpperCase()) + 1);
}

/** GFM: the ids rehype-slug gave the rendered headings, in document order. */
export function assignGfmHeadingIds(tree: Root): void {
  const slugger = new GithubSlugger();
  const footnoteNumber = gfmFootnoteNumbers(tree);
  for (const { heading } of headingsOf(tree))
    setId(heading, slugger.slug(renderedText(heading, footnoteNumber)));
}

// Ruby's \p{Word}: letters, marks, decimal digits, connector punctuation, joiners.
const NOT_GFM_ID_CHARACTER = /[^\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}\- \t]/gu;

/** kramdown's heading ids: kramdown-parser-gfm's for headings it sees, the converter's inside HTML. */
export function assignKramdownHeadingIds(tree: Root): void {
  const gfmCounts = new Map<string, number>();
  const converterCounts = new Map<string, number>();
  const noFootnoteNumbers = () => '';
  for (const { heading, inHtml } of headingsOf(tree)) {
    if (idOf(heading) !== undefined) continue;
    const text = renderedText(heading, noFootnoteNumbers);
    if (!inHtml) {
      // kramdown-parser-gfm's generate_gfm_header_id.
      const base = text.toLowerCase().replace(NOT_GFM_ID_CHARACTER, '').replace(/[ \t]/g, '-');
      const count = (gfmCounts.get(base) ?? -1) + 1;
      gfmCounts.set(base, count);
      // kramdown writes no empty id (a heading of punctuation), yet lists the heading in its contents.
      if (count > 0 || base !== '') setId(heading, count > 0 ? `${base}-${count}` : base);
    } else {
      // kramdown's converter generate_id.
      const base =
        text
          .replace(/^[^a-zA-Z]+/, '')
          .replace(/[^a-zA-Z0-9 -]/g, '')
          .replace(/ /g, '-')
          .toLowerCase() || 'section';
      const count = converterCounts.get(base);
      converterCounts.set(base, count === undefined ? 0 : count + 1);
      setId(heading, count === undefined ? base : `${base}-${count + 1}`);
    }
  }
}

/** Whether kramdown lists a heading in a table of contents (Jekyll's toc_levels: 1 to 6). */
export const inKramdownToc = (heading: Heading) => !classesOf(heading).includes('no_toc');

/** A heading's content for a table of contents entry: links unwrapped, footnote references left out. */
function tocEntryContent(heading: Heading): PhrasingContent[] {
  const copy = structuredClone(heading.children);
  const pending: { list: PhrasingContent[] }[] = [{ list: copy }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { list } = item;
    for (let index = 0; index < list.length; index += 1) {
      const node = list[index]!;
      if (node.type === 'footnoteReference') {
        list.splice(index, 1);
        index -= 1;
      } else if (node.type === 'link' || node.type === 'linkReference') {
        list.splice(index, 1, ...node.children);
        index -= 1;
      } else if ('children' in node) pending.push({ list: node.children as PhrasingContent[] });
    }
  }
  return copy;
}

/**
 * Replaces the list marked `{:toc}` by kramdown's table of contents: nested lists of links to every heading
 * with an id that is not `.no_toc`, the list's attributes kept, `markdown-toc` its id by default, each link
 * with the id `markdown-toc-<heading id>`.
 */
export function buildKramdownToc(tree: Root): void {
  let tocList: List | undefined;
  let tocParent: Parents | undefined;
  const pending: Nodes[] = [tree];
  for (let node = pending.pop(); node && !tocList; node = pending.pop()) {
    if (!('children' in node)) continue;
    for (const child of node.children as Nodes[]) {
      if (child.type === 'list' && child.data?.kramdownToc) {
        tocList = child;
        tocParent = node;
        break;
      }
      pending.push(child);
    }
  }
  if (!tocList || !tocParent) return;
  const properties = { ...tocList.data?.hProperties };
  properties.id ??= 'markdown-toc';
  const listId = String(properties.id);
  const position = tocList.position;
  const newList = (): List => ({
    type: 'list',
    ordered: tocList.ordered,
    spread: false,
    children: [],
    position,
  });
  const toc = newList();
  toc.data = { hProperties: properties, kramdownGeneratedToc: true };
  const stack: { depth: number; item: ListItem; sublist: List }[] = [];
  for (const { heading } of headingsOf(tree)) {
    if (!inKramdownToc(heading)) continue;
    const id = idOf(heading) ?? '';
    const sublist = newList();
    const item: ListItem = {
      type: 'listItem',
      spread: false,
      position,
      children: [
        {
          type: 'paragraph',
          position,
          children: [
            {
              type: 'link',
              url: `#${id}`,
              position,
              data: { hProperties: { id: `${listId}-${id}` } },
              children: tocEntryContent(heading),
            },
          ],
        },
        sublist,
      ],
    };
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= heading.depth) stack.pop();
    (stack.length > 0 ? stack[stack.length - 1]!.sublist : toc).children.push(item);
    stack.push({ depth: heading.depth, item, sublist });
  }
  // Items without sub-entries have no empty list.
  const lists: List[] = [toc];
  for (let list = lists.pop(); list; list = lists.pop()) {
    for (const item of list.children) {
      const sublist = item.children[1];
      if (sublist?.type !== 'list') continue;
      if (sublist.children.length === 0) item.children.pop();
      else lists.push(sublist);
    }
  }
  const siblings = tocParent.children as RootContent[];
  const at = siblings.indexOf(tocList);
  // kramdown writes nothing where a table of contents has no entries.
  if (toc.children.length === 0) siblings.splice(at, 1);
  else siblings.splice(at, 1, toc);
}
