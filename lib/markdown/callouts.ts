/**
 * GitHub's alerts in our own posts: a quote that starts with `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]`
 * or `[!CAUTION]` becomes a callout, `<div class="callout callout-note" role="note">` with its title as the first
 * paragraph, so a screen reader announces a note and reads its kind. Written here rather than taken from a
 * plugin: the ones on npm add an icon per callout as inline SVG and no role (docs/decisions.md, "Callouts").
 */
import type { Blockquote, Nodes, Paragraph, Root } from 'mdast';

export const CALLOUT_KINDS = {
  NOTE: 'Note',
  TIP: 'Tip',
  IMPORTANT: 'Important',
  WARNING: 'Warning',
  CAUTION: 'Caution',
} as const;

const MARKER = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\n|$)/i;

function calloutOf(quote: Blockquote): void {
  const first = quote.children[0];
  if (first?.type !== 'paragraph') return;
  const text = first.children[0];
  if (text?.type !== 'text') return;
  const match = MARKER.exec(text.value);
  if (!match) return;
  const kind = match[1]!.toUpperCase() as keyof typeof CALLOUT_KINDS;
  text.value = text.value.slice(match[0].length);
  if (text.value === '') first.children.shift();
  // A line break right after the marker is the author's, not the reader's.
  if (first.children[0]?.type === 'break') first.children.shift();
  if (first.children.length === 0) quote.children.shift();
  const title: Paragraph = {
    type: 'paragraph',
    data: { hProperties: { className: ['callout-title'] } },
    children: [{ type: 'text', value: CALLOUT_KINDS[kind] }],
  };
  quote.children.unshift(title);
  quote.data = {
    ...quote.data,
    hName: 'div',
    hProperties: { className: ['callout', `callout-${kind.toLowerCase()}`], role: 'note' },
  };
}

/** Turns each alert quote of a tree into a callout, walking with a stack. */
export function applyCallouts(tree: Root): void {
  const pending: Nodes[] = [tree];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === 'blockquote') calloutOf(node);
    if ('children' in node) pending.push(...(node.children as Nodes[]));
  }
}
