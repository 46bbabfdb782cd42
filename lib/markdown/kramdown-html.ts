/**
 * The HTML kramdown writes where it differs from GFM's: footnotes (numbered in order of first use, with
 * kramdown's ids `fnref:name`, `fn:name` and its back links), math (MathML made at build time, lib/markdown/math.ts;
 * a formula Temml cannot read as kramdown's MathJax engine writes it: `\[…\]` for a block, `\(…\)` inline) and
 * definition lists. Handlers for remark-rehype; the
 * tree they read is the shared parse, which they leave unchanged.
 */
import type { Element, ElementContent, Properties, Root as HastRoot, Text as HastText } from 'hast';
import type { FootnoteDefinition, FootnoteReference, Nodes, Parent, Root } from 'mdast';
import type { InlineMath, Math } from 'mdast-util-math';
import { defaultHandlers, type Handler, type Handlers, type State } from 'mdast-util-to-hast';
import { propertiesOf } from './kramdown-attributes';
import { mathmlOrUndefined } from './math';

const element = (tagName: string, properties: Properties, children: ElementContent[]): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const text = (value: string): HastText => ({ type: 'text', value });

const BACKLINK = '\u21A9';
const NBSP = '\u00A0';

/** The footnotes one rendering has used, in order of first use. */
interface FootnoteUse {
  name: string;
  number: number;
  /** Uses after the first: kramdown's `fnref:name:1`, `fnref:name:2`, … */
  repeats: number;
  definition: FootnoteDefinition;
}
interface FootnoteRegistry {
  byId: Map<string, FootnoteUse>;
  order: FootnoteUse[];
}
const registries = new WeakMap<State, FootnoteRegistry>();

function registryOf(state: State): FootnoteRegistry {
  let registry = registries.get(state);
  if (!registry) {
    registry = { byId: new Map(), order: [] };
    registries.set(state, registry);
  }
  return registry;
}

/** kramdown's footnote names: the marker as written. */
export const footnoteName = (node: FootnoteReference | FootnoteDefinition) =>
  node.label ?? node.identifier;

function footnoteReference(state: State, node: FootnoteReference): ElementContent {
  const id = node.identifier.toUpperCase();
  const definition = state.footnoteById.get(id);
  if (!definition) return text(`[^${footnoteName(node)}]`);
  const registry = registryOf(state);
  let use = registry.byId.get(id);
  let repeat = '';
  if (use) {
    use.repeats += 1;
    repeat = `:${use.repeats}`;
  } else {
    use = { name: footnoteName(node), number: registry.order.length + 1, repeats: 0, definition };
    registry.byId.set(id, use);
    registry.order.push(use);
  }
  const result = element('sup', { id: `fnref:${use.name}${repeat}`, role: 'doc-noteref' }, [
    element('a', { href: `#fn:${use.name}`, className: ['footnote'], rel: ['footnote'] }, [
      text(String(use.number)),
    ]),
  ]);
  state.patch(node, result);
  return result;
}

const backlink = (target: string, label: ElementContent[]): Element =>
  element(
    'a',
    { href: `#fnref:${target}`, className: ['reversefootnote'], role: 'doc-backlink' },
    label,
  );

/** kramdown's footnote list: each note's content, its back links in its last paragraph. */
function footnotesSection(state: State, registry: FootnoteRegistry): Element {
  const items: ElementContent[] = [];
  // Notes may use notes not used before: the list grows while it is read, as kramdown's does.
  for (let index = 0; index < registry.order.length; index += 1) {
    const use = registry.order[index]!;
    const content = state.all(use.definition);
    const links: ElementContent[] = [backlink(use.name, [text(BACKLINK)])];
    for (let repeat = 1; repeat <= use.repeats; repeat += 1)
      links.push(
        text(NBSP),
        backlink(`${use.name}:${repeat}`, [
          text(BACKLINK),
          element('sup', {}, [text(String(repeat + 1))]),
        ]),
      );
    const last = content[content.length - 1];
    if (last?.type === 'element' && last.tagName === 'p') last.children.push(text(NBSP), ...links);
    else content.push(element('p', {}, links));
    items.push(
      text('\n'),
      element('li', { id: `fn:${use.name}`, role: 'doc-endnote' }, state.wrap(content, true)),
    );
  }
  items.push(text('\n'));
  return element('div', { className: ['footnotes'], role: 'doc-endnotes' }, [
    element('ol', {}, items),
  ]);
}

function root(state: State, node: Root): HastRoot {
  const result = defaultHandlers.root(state, node) as HastRoot;
  const registry = registries.get(state);
  if (registry && registry.order.length > 0)
    result.children.push(text('\n'), footnotesSection(state, registry));
  return result;
}

/** MathML as a raw node, which rehype-stringify writes as it is. */
const rawHtml = (value: string) => ({ type: 'raw', value }) as unknown as HastText;

function math(state: State, node: Math): ElementContent {
  const properties = propertiesOf(node);
  const rendered = mathmlOrUndefined(node.value, true);
  const content = rendered ? rawHtml(rendered) : text(`\\[${node.value}\\]`);
  const result = properties ? element('div', { ...properties }, [content]) : content;
  state.patch(node, result);
  return result;
}

function inlineMath(state: State, node: InlineMath): ElementContent {
  const properties = propertiesOf(node);
  const rendered = mathmlOrUndefined(node.value, false);
  // kramdown's MathJax engine writes `$…$` in a span that has attributes.
  const result = properties
    ? element('span', { ...properties }, [rendered ? rawHtml(rendered) : text(`$${node.value}$`)])
    : rendered
      ? rawHtml(rendered)
      : text(`\\(${node.value}\\)`);
  state.patch(node, result);
  return result;
}

/** A node's own attributes (an attribute list) on the element made of it. */
function withAttributes(state: State, node: Parent, result: Element): Element {
  state.patch(node as Nodes, result);
  return state.applyData(node as Nodes, result) as Element;
}

/** remark-definition-list's nodes are not mdast's by type. */
const childrenOf = (state: State, node: Parent) => state.all(node as Nodes);

function defList(state: State, node: Parent): Element {
  const children: ElementContent[] = [];
  for (const item of childrenOf(state, node)) children.push(text('\n'), item);
  if (children.length > 0) children.push(text('\n'));
  return withAttributes(state, node, element('dl', {}, children));
}

function defListTerm(state: State, node: Parent): Element {
  return withAttributes(state, node, element('dt', {}, childrenOf(state, node)));
}

/**
 * A definition as kramdown writes it: its paragraphs as paragraphs when a blank line sets it apart, else
 * the first one's text bare and the others as paragraphs (kramdown's transparent first paragraph).
 */
function defListDescription(state: State, node: Parent & { spread?: boolean }): Element {
  const content = childrenOf(state, node);
  const first = content[0];
  const bare = !node.spread && first?.type === 'element' && first.tagName === 'p';
  const children = bare ? [...first.children, ...content.slice(1)] : content;
  return withAttributes(
    state,
    node,
    element('dd', {}, bare && content.length === 1 ? children : state.wrap(children, true)),
  );
}

/** remark-rehype handlers for the kramdown dialect. */
export const kramdownHandlers: Handlers = {
  defList,
  defListTerm,
  defListDescription,
  footnoteReference,
  footnoteDefinition: () => undefined,
  // The root handler's result is a hast root, which the Handler type does not name.
  root: root as unknown as Handler,
  math,
  inlineMath,
  // Markers are resolved at the parse (kramdown-transform.ts); one left over would never be text.
  kramdownMarker: () => undefined,
};

/** kramdown aligns table cells with a style, not the obsolete `align` attribute. */
export function rehypeKramdownTableAlignment() {
  return (tree: HastRoot) => {
    const pending: (HastRoot | Element)[] = [tree];
    for (let node = pending.pop(); node; node = pending.pop()) {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        if ((child.tagName === 'td' || child.tagName === 'th') && child.properties.align) {
          const style = child.properties.style ? `${String(child.properties.style)}; ` : '';
          child.properties.style = `${style}text-align: ${String(child.properties.align)}`;
          delete child.properties.align;
        }
        pending.push(child);
      }
    }
  };
}
