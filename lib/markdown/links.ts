/**
 * What a post links to, with the line each link is on, and the anchors it
 * offers (heading ids and raw HTML ids), from the one shared parse of the body.
 * The content check resolves them against the site (scripts/content.ts, lib/content/link-check.ts).
 */
import type { Nodes, Root } from 'mdast';
import { DEFAULT_DIALECT, type MarkdownDialect } from './dialect';
import { idOf } from './kramdown-attributes';
import { footnoteName } from './kramdown-html';
import { parseMarkdown } from './parse';

export interface PostLink {
  url: string;
  /** 1-based line in the body. */
  line: number;
  kind: 'link' | 'image';
}

/** An event handler written in raw HTML (`<button onclick="…">`), which the site's Content-Security-Policy does not run. */
export interface InlineHandler {
  attribute: string;
  /** 1-based line in the body. */
  line: number;
}

const HTML_URL = /\s(href|src)\s*=\s*["']([^"']+)["']/gi;
const HTML_HANDLER = /<[a-z][^>]*?\s(on[a-z]+)\s*=/gi;
const HTML_ID = /\sid\s*=\s*["']([^"']+)["']/gi;
const HTML_COMMENT = /<!--[^]*?(?:-->|$)/g;
/** `<a name="x">`: browsers scroll to it for `#x` as they do to an id (older posts mark anchors so). */
const HTML_ANCHOR_NAME = /<a\s[^>]*?\bname\s*=\s*["']([^"']+)["']/gi;

/**
 * The ids of kramdown's footnotes as the renderer gives them (kramdown-html.ts): each note used, in order of
 * first use (references in notes after the others), `fn:name`, and `fnref:name`, `fnref:name:1`, … per use.
 */
function kramdownFootnoteAnchors(tree: Root): string[] {
  const definitions = new Map<string, Nodes>();
  const uses = new Map<string, { name: string; count: number }>();
  const order: string[] = [];
  const walk = (root: Nodes) => {
    const pending: Nodes[] = [root];
    for (let node = pending.pop(); node; node = pending.pop()) {
      if (node.type === 'footnoteDefinition') continue;
      if (node.type === 'footnoteReference') {
        const id = node.identifier.toUpperCase();
        const use = uses.get(id);
        if (use) use.count += 1;
        else {
          uses.set(id, { name: footnoteName(node), count: 1 });
          order.push(id);
        }
      } else if ('children' in node) {
        const children = node.children as Nodes[];
        for (let index = children.length - 1; index >= 0; index -= 1)
          pending.push(children[index]!);
      }
    }
  };
  const pending: Nodes[] = [tree];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === 'footnoteDefinition') definitions.set(node.identifier.toUpperCase(), node);
    if ('children' in node) pending.push(...(node.children as Nodes[]));
  }
  walk(tree);
  const anchors: string[] = [];
  for (let index = 0; index < order.length; index += 1) {
    const definition = definitions.get(order[index]!);
    if (!definition || !('children' in definition)) continue;
    for (const child of definition.children as Nodes[]) walk(child);
  }
  for (const id of order) {
    const use = uses.get(id)!;
    if (!definitions.has(id)) continue;
    anchors.push(`fn:${use.name}`, `fnref:${use.name}`);
    for (let repeat = 1; repeat < use.count; repeat += 1)
      anchors.push(`fnref:${use.name}:${repeat}`);
  }
  return anchors;
}

/**
 * Links with their lines, the anchors the rendered HTML offers (every id the parse gave a node: headings,
 * attribute lists, kramdown's table of contents; ids in raw HTML; kramdown's footnotes) and inline handlers.
 */
export function postLinks(
  markdown: string,
  dialect: MarkdownDialect = DEFAULT_DIALECT,
): {
  links: PostLink[];
  anchors: string[];
  handlers: InlineHandler[];
} {
  const links: PostLink[] = [];
  const handlers: InlineHandler[] = [];
  const anchors: string[] = [];
  const tree = parseMarkdown(markdown, dialect);
  // In document order, with a stack rather than recursion: a deeply nested body must not overflow it.
  const pending: Nodes[] = [tree];
  for (let node = pending.pop(); node; node = pending.pop()) {
    const id = idOf(node);
    if (id) anchors.push(id);
    const line = node.position?.start.line ?? 1;
    if (node.type === 'link' || node.type === 'definition')
      links.push({ url: node.url, line, kind: 'link' });
    else if (node.type === 'image') links.push({ url: node.url, line, kind: 'image' });
    else if (node.type === 'html') {
      // What an HTML comment holds is never loaded: blanked, keeping its line breaks (lines stay right).
      const html = node.value.replace(HTML_COMMENT, (comment) => comment.replace(/[^\n]/g, ' '));
      const lineAt = (index: number) => line + (html.slice(0, index).match(/\n/g)?.length ?? 0);
      for (const match of html.matchAll(HTML_URL)) {
        links.push({
          // Browsers strip the spaces around an attribute's URL, and the line breaks inside it.
          url: (match[2] ?? '').replace(/[\t\n\r]/g, '').trim(),
          line: lineAt(match.index),
          kind: match[1]?.toLowerCase() === 'src' ? 'image' : 'link',
        });
      }
      for (const match of html.matchAll(HTML_ID)) anchors.push(match[1] ?? '');
      for (const match of html.matchAll(HTML_ANCHOR_NAME)) anchors.push(match[1] ?? '');
      for (const match of html.matchAll(HTML_HANDLER))
        handlers.push({ attribute: match[1]!.toLowerCase(), line: lineAt(match.index) });
    }
    if ('children' in node) {
      // Pushed one by one: spreading a root of 200,000 paragraphs into push() would overflow the stack.
      const children = node.children as Nodes[];
      for (let index = children.length - 1; index >= 0; index -= 1) pending.push(children[index]!);
    }
  }
  if (dialect.kramdown) anchors.push(...kramdownFootnoteAnchors(tree));
  return { links, anchors, handlers };
}
