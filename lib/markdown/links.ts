/**
 * What a post links to, with the line each link is on, and the anchors it
 * offers (heading ids and raw HTML ids), from the one shared parse of the body.
 * The content check resolves them against the site (scripts/content.ts, lib/content/link-check.ts).
 */
import GithubSlugger from 'github-slugger';
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
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

export function postLinks(markdown: string): {
  links: PostLink[];
  anchors: string[];
  handlers: InlineHandler[];
} {
  const links: PostLink[] = [];
  const handlers: InlineHandler[] = [];
  const anchors: string[] = [];
  const slugger = new GithubSlugger();
  // In document order, with a stack rather than recursion: a deeply nested body must not overflow it.
  const pending: Nodes[] = [parseMarkdown(markdown)];
  for (let node = pending.pop(); node; node = pending.pop()) {
    const line = node.position?.start.line ?? 1;
    if (node.type === 'link' || node.type === 'definition')
      links.push({ url: node.url, line, kind: 'link' });
    else if (node.type === 'image') links.push({ url: node.url, line, kind: 'image' });
    else if (node.type === 'heading') anchors.push(slugger.slug(toString(node)));
    else if (node.type === 'html') {
      for (const match of node.value.matchAll(HTML_URL)) {
        links.push({
          url: match[2] ?? '',
          line,
          kind: match[1]?.toLowerCase() === 'src' ? 'image' : 'link',
        });
      }
      for (const match of node.value.matchAll(HTML_ID)) anchors.push(match[1] ?? '');
      for (const match of node.value.matchAll(HTML_HANDLER)) {
        handlers.push({
          attribute: match[1]!.toLowerCase(),
          line: line + (node.value.slice(0, match.index).match(/\n/g)?.length ?? 0),
        });
      }
    }
    if ('children' in node) {
      // Pushed one by one: spreading a root of 200,000 paragraphs into push() would overflow the stack.
      const children = node.children as Nodes[];
      for (let index = children.length - 1; index >= 0; index -= 1) pending.push(children[index]!);
    }
  }
  return { links, anchors, handlers };
}
