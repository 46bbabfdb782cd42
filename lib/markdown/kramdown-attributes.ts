/**
 * kramdown's attribute lists: `{: #id .class key="value" ref}` read as kramdown reads them
 * (parse_attribute_list in kramdown/parser/kramdown/extensions.rb) and put on mdast nodes as the
 * `data.hProperties` the renderer turns into HTML attributes, so headings, links and rendered HTML read the
 * same ids.
 */
import type { Properties } from 'hast';
import type { Nodes } from 'mdast';
import { find, html } from 'property-information';

/** One attribute list: its attributes (the class accumulated) and the names of the definitions it refers to. */
export interface AttributeList {
  attributes: Map<string, string>;
  refs: string[];
}

export const emptyAttributeList = (): AttributeList => ({ attributes: new Map(), refs: [] });

// Ruby's \w is ASCII; \s is [ \t\r\n\f\v].
const KEY_VALUE = String.raw`([A-Za-z0-9_][A-Za-z0-9_-]*)=("|')((?:\\\}|\\\2|[^}\x02])*?)\2`;
const ID = String.raw`#([A-Za-z][A-Za-z0-9_:-]*)`;
const CLASS = String.raw`\.([^\s.#]+)`;
const REF = String.raw`([A-Za-z0-9_][A-Za-z0-9_-]*)`;
const ANY_ITEM = new RegExp(
  String.raw`(?:^|\s)(?:${KEY_VALUE}|${REF}|((?:${ID}|${CLASS})+))(?=\s|$)`,
  'g',
);
const ID_OR_CLASS = new RegExp(`${ID}|${CLASS}`, 'g');

/** Adds what `text` (the inside of `{:…}`) says to `list`; text kramdown cannot read adds nothing. */
export function parseAttributeList(text: string, list: AttributeList): AttributeList {
  if (text.trim() === '' || text.trim() === ':') return list;
  for (const match of text.matchAll(ANY_ITEM)) {
    const [, key, quote, value, ref, idsAndClasses] = match;
    if (ref) list.refs.push(ref);
    else if (idsAndClasses) {
      for (const part of idsAndClasses.matchAll(ID_OR_CLASS)) {
        if (part[2]) addClass(list.attributes, part[2]);
        else list.attributes.set('id', part[1]!);
      }
    } else if (key && quote !== undefined) {
      const unescaped = (value ?? '').replace(new RegExp(String.raw`\\(\}|${quote})`, 'g'), '$1');
      list.attributes.set(key, unescaped);
    }
  }
  return list;
}

function addClass(attributes: Map<string, string>, value: string): void {
  attributes.set('class', `${attributes.get('class') ?? ''} ${value}`.trimStart());
}

/** Merges `from` into `into`: classes add up, other attributes are replaced, references add up. */
export function mergeAttributeList(into: AttributeList, from: AttributeList): AttributeList {
  into.refs.push(...from.refs);
  for (const [key, value] of from.attributes) {
    if (key === 'class') addClass(into.attributes, value);
    else into.attributes.set(key, value);
  }
  return into;
}

/** Attribute definitions by name (`{:name: …}`), for the references of attribute lists. */
export type AttributeDefinitions = Map<string, AttributeList>;

/**
 * The attributes an attribute list gives, its references resolved first (kramdown's update_attr_with_ial);
 * a definition that refers back to itself is read once.
 */
export function resolveAttributes(
  list: AttributeList,
  definitions: AttributeDefinitions,
  into: Map<string, string> = new Map(),
  seen: Set<string> = new Set(),
): Map<string, string> {
  for (const ref of list.refs) {
    const definition = definitions.get(ref);
    if (!definition || seen.has(ref)) continue;
    seen.add(ref);
    resolveAttributes(definition, definitions, into, seen);
  }
  for (const [key, value] of list.attributes) {
    if (key === 'class') addClass(into, value);
    else into.set(key, value);
  }
  return into;
}

/**
 * The HTML attributes given to a node (mdast-util-to-hast's `data.hProperties`); some plugins' node types
 * declare `data` without it, hence the cast.
 */
export const propertiesOf = (node: Nodes): Properties | undefined =>
  (node.data as { hProperties?: Properties } | undefined)?.hProperties;

/** The classes a node has been given, as a list. */
export function classesOf(node: Nodes): string[] {
  const className = propertiesOf(node)?.className;
  if (Array.isArray(className)) return className.map(String);
  return typeof className === 'string' ? String(className).split(/\s+/).filter(Boolean) : [];
}

/** The HTML id a node has been given, if any. */
export function idOf(node: Nodes): string | undefined {
  const id = propertiesOf(node)?.id;
  return typeof id === 'string' ? id : undefined;
}

/** Puts HTML attributes on a node, as hast properties: classes add up, the others replace. */
export function setAttributes(node: Nodes, attributes: Map<string, string>): void {
  if (attributes.size === 0) return;
  const data = (node.data ??= {}) as { hProperties?: Properties };
  const properties = (data.hProperties ??= {});
  for (const [name, value] of attributes) {
    if (name === 'class') {
      // A code block's language class comes first, as kramdown writes it.
      const language = node.type === 'code' && node.lang ? [`language-${node.lang}`] : [];
      const existing = classesOf(node);
      properties.className = [
        ...(existing.length > 0 ? existing : language),
        ...value.split(/\s+/).filter(Boolean),
      ];
    } else {
      properties[find(html, name).property] = value;
    }
  }
}
