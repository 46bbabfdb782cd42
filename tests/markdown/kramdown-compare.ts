/**
 * HTML from real kramdown (Jekyll 4.3) and from our pipeline, in one canonical form, so that what is
 * compared is what a reader gets: elements, attributes (sorted, classes sorted) and text (whitespace
 * collapsed outside <pre>), not serialization or presentation. What differs by design is set aside:
 * - code blocks: Rouge's wrappers and our figure with its bar become `<codeblock lang class>text`;
 * - inline code: Rouge's `language-plaintext highlighter-rouge` classes;
 * - headings: our anchor link wrapping the text; images: our `loading`, `decoding`, `fetchpriority`;
 * - task lists: our class `contains-task-list` (the site's styles) and the checkbox's `aria-label`.
 * Used by tests/markdown/kramdown*.test.ts and scripts/kramdown-probe.ts.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { find, html as htmlSchema } from 'property-information';

const BLOCK = new Set(
  'address article aside blockquote dd details div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
);

function classes(element: Element): string[] {
  const value = element.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

function textOf(node: ElementContent | Root): string {
  if (node.type === 'text') return node.value;
  if ('children' in node)
    return node.children.map((child) => textOf(child as ElementContent)).join('');
  return '';
}

function attributes(properties: Element['properties'], drop: Set<string> = new Set()): string {
  const parts: string[] = [];
  for (const [property, value] of Object.entries(properties)) {
    if (value === undefined || value === null || value === false) continue;
    const name = find(htmlSchema, property).attribute;
    if (drop.has(name)) continue;
    const text = Array.isArray(value)
      ? name === 'class'
        ? value.map(String).sort().join(' ')
        : value.join(' ')
      : value === true
        ? ''
        : String(value);
    if (name === 'class' && text === '') continue;
    parts.push(`${name}="${text}"`);
  }
  return parts
    .sort()
    .map((part) => ` ${part}`)
    .join('');
}

const plainLanguage = (language: string | undefined) =>
  !language || language === 'plaintext' || language === 'text' ? '' : language;

/** A code block of either kind, as one canonical element. */
function codeBlock(element: Element): string | undefined {
  const list = classes(element);
  if (element.tagName === 'figure' && list.includes('code-block')) {
    const pre = element.children.find(
      (child): child is Element => child.type === 'element' && child.tagName === 'pre',
    );
    const { className: _className, dataLanguage, ...rest } = element.properties;
    const kept = list.filter((name) => name !== 'code-block');
    return `<codeblock lang="${plainLanguage(String(dataLanguage ?? ''))}"${attributes({ ...rest, className: kept })}>${escape(textOf(pre ?? element).replace(/\n$/, ''))}</codeblock>`;
  }
  if (element.tagName === 'div' && list.includes('highlighter-rouge')) {
    const language = list.find((name) => name.startsWith('language-'))?.slice(9);
    const kept = list.filter(
      (name) => name !== 'highlighter-rouge' && !name.startsWith('language-'),
    );
    const { className: _className, ...rest } = element.properties;
    return `<codeblock lang="${plainLanguage(language)}"${attributes({ ...rest, className: kept })}>${escape(textOf(element).replace(/\n$/, ''))}</codeblock>`;
  }
  if (element.tagName === 'pre') {
    const code = element.children.find(
      (child): child is Element => child.type === 'element' && child.tagName === 'code',
    );
    const language =
      code &&
      classes(code)
        .find((name) => name.startsWith('language-'))
        ?.slice(9);
    return `<codeblock lang="${plainLanguage(language)}"${attributes(element.properties)}>${escape(textOf(element).replace(/\n$/, ''))}</codeblock>`;
  }
  return undefined;
}

/** The TeX a MathML formula keeps in its annotation, between kramdown's MathJax delimiters. */
export function mathAsKramdownWritesIt(math: Element): string {
  const pending: ElementContent[] = [...math.children];
  let tex = '';
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type !== 'element') continue;
    if (node.tagName === 'annotation') tex = textOf(node);
    else pending.push(...node.children);
  }
  return math.properties.display === 'block' ? `\\[${tex}\\]` : `\\(${tex}\\)`;
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function serialize(nodes: (RootContent | ElementContent)[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += escape(node.value.replace(/[ \t\n\r\f]+/g, ' '));
    else if (node.type === 'comment') out += `<!--${node.value}-->`;
    else if (node.type === 'element') {
      const block = codeBlock(node);
      if (block !== undefined) {
        out += block;
        continue;
      }
      // Our MathML, made at build time, read back as the TeX kramdown writes for MathJax.
      if (node.tagName === 'math') {
        out += escape(mathAsKramdownWritesIt(node).replace(/[ \t\n\r\f]+/g, ' '));
        continue;
      }
      if (node.tagName === 'a' && classes(node).includes('heading-anchor')) {
        out += serialize(node.children);
        continue;
      }
      const drop = new Set<string>();
      const properties = { ...node.properties };
      if (node.tagName === 'img') drop.add('loading').add('decoding').add('fetchpriority');
      if (node.tagName === 'input') drop.add('aria-label');
      if (node.tagName === 'ul' || node.tagName === 'ol')
        properties.className = classes(node).filter((name) => name !== 'contains-task-list');
      if (node.tagName === 'code') {
        const kept = classes(node).filter(
          (name) => name !== 'highlighter-rouge' && name !== 'language-plaintext',
        );
        properties.className = kept;
        // Rouge highlights inline code too; its text is what counts.
        out += `<code${attributes(properties)}>${escape(textOf(node))}</code>`;
        continue;
      }
      out += `<${node.tagName}${attributes(properties, drop)}>${serialize(node.children)}</${node.tagName}>`;
    }
  }
  return out;
}

/** The canonical form of an HTML fragment. */
export function canonicalHtml(html: string): string {
  const tree = fromHtml(html, { fragment: true });
  let out = serialize(tree.children);
  // Whitespace around block elements is layout, not content.
  const blockTag = [...BLOCK].join('|');
  out = out.replace(new RegExp(`\\s*(</?(?:${blockTag})(?:\\s[^>]*)?>)\\s*`, 'g'), '$1');
  out = out.replace(/\s*(<codeblock[^>]*>)/g, '$1').replace(/(<\/codeblock>)\s*/g, '$1');
  return out.trim();
}
