/**
 * The Content-Security-Policy hashes of the export's inline scripts. The CSP allows no inline
 * script but these (no 'unsafe-inline'): the theme script of every page, Next's inline scripts
 * of the search page, and any <script> an author wrote in a post's raw HTML. Hosts send one header
 * for all pages, so the set is site-wide; the post-export step writes it to
 * out/_csp-script-hashes.json and deploy/security-headers.mjs adds it to the policy of every host.
 *
 * A hash is the sha256 of a script's text as the browser sees it, so the elements are found the way
 * the HTML tokenizer finds them: comments and raw-text elements (textarea, style, noscript…) skipped,
 * quoted attribute values read whole, the end tag found with the script-data escape rules, and line
 * breaks normalized. Everything here but `writeCspHashes` is pure.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SCRIPT_HASHES_FILE } from '../../deploy/security-headers.mjs';
import type { CspSources } from '../site/third-party';

/** The `type` values that make a <script> run as JavaScript (the HTML standard's JavaScript MIME type essences). */
const JAVASCRIPT_TYPES = new Set([
  'application/ecmascript',
  'application/javascript',
  'application/x-ecmascript',
  'application/x-javascript',
  'text/ecmascript',
  'text/javascript',
  'text/javascript1.0',
  'text/javascript1.1',
  'text/javascript1.2',
  'text/javascript1.3',
  'text/javascript1.4',
  'text/javascript1.5',
  'text/jscript',
  'text/livescript',
  'text/x-ecmascript',
  'text/x-javascript',
]);
/** Other script types the browser executes or reads as code under script-src (import maps, speculation rules). */
const OTHER_EXECUTED_TYPES = new Set(['module', 'importmap', 'speculationrules']);

/** Elements whose content is text up to their end tag (scripting on: <noscript> too); no <script> inside them runs. */
const TEXT_ELEMENTS = new Set([
  'style',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
  'textarea',
  'title',
]);

/**
 * Whether a <script> with these attributes (names lower-cased) is executed, so that the CSP decides on
 * it: JavaScript, modules, import maps and speculation rules are; data blocks (`application/ld+json`,
 * `text/template`, any other type) are not.
 */
export function isExecutedScript(attributes: ReadonlyMap<string, string>): boolean {
  const type = attributes.get('type');
  const language = attributes.get('language');
  let kind: string;
  if (type === undefined)
    kind = language === undefined || language === '' ? 'text/javascript' : `text/${language}`;
  else kind = type === '' ? 'text/javascript' : type;
  // The standard wants the exact string; parameters (`;charset=utf-8`) are dropped here so that a browser
  // lenient about them still finds the hash: a hash too many allows only the author's own text.
  kind = (kind.split(';')[0] ?? '').trim().toLowerCase();
  return JAVASCRIPT_TYPES.has(kind) || OTHER_EXECUTED_TYPES.has(kind);
}

// Character tests by code: this runs over every byte of every page.
const TAB = 9,
  LF = 10,
  FF = 12,
  CR = 13,
  SPACE = 32,
  QUOTE = 34,
  APOSTROPHE = 39,
  SLASH = 47,
  EQUALS = 61,
  GT = 62;
const isSpace = (code: number) =>
  code === SPACE || code === LF || code === TAB || code === CR || code === FF;
const isLetter = (code: number) => (code | 32) >= 97 && (code | 32) <= 122;

/**
 * Reads a tag's attributes from just after its name, up to and past its `>`; collects them (names
 * lower-cased, the first of a name wins) only when asked, since only <script> needs them.
 */
function readAttributes(
  html: string,
  from: number,
  collect: boolean,
): { attributes: Map<string, string>; end: number } {
  const attributes = new Map<string, string>();
  const length = html.length;
  let at = from;
  for (;;) {
    while (at < length && (isSpace(html.charCodeAt(at)) || html.charCodeAt(at) === SLASH)) at += 1;
    if (at >= length) return { attributes, end: length };
    if (html.charCodeAt(at) === GT) return { attributes, end: at + 1 };
    const nameStart = at;
    at += 1; // a name may start with "=" in the tokenizer
    for (
      let code = html.charCodeAt(at);
      at < length && !isSpace(code) && code !== SLASH && code !== GT && code !== EQUALS;
      code = html.charCodeAt(at)
    )
      at += 1;
    const nameEnd = at;
    while (at < length && isSpace(html.charCodeAt(at))) at += 1;
    let value = '';
    if (html.charCodeAt(at) === EQUALS) {
      at += 1;
      while (at < length && isSpace(html.charCodeAt(at))) at += 1;
      const quote = html.charCodeAt(at);
      if (quote === QUOTE || quote === APOSTROPHE) {
        const close = html.indexOf(quote === QUOTE ? '"' : "'", at + 1);
        const valueEnd = close < 0 ? length : close;
        if (collect) value = html.slice(at + 1, valueEnd);
        at = valueEnd + 1;
      } else {
        const valueStart = at;
        for (
          let code = html.charCodeAt(at);
          at < length && !isSpace(code) && code !== GT;
          code = html.charCodeAt(at)
        )
          at += 1;
        if (collect) value = html.slice(valueStart, at);
      }
    }
    if (collect) {
      const name = html.slice(nameStart, nameEnd).toLowerCase();
      if (!attributes.has(name)) attributes.set(name, value);
    }
  }
}

const SCRIPT_END = /<\/script[\t\n\f\r />]/gi;

/**
 * Where a script element's text ends (the index of its `</script`), by the tokenizer's script-data
 * states: `</script` ends it, except inside `<!--` … `-->` after a nested `<script`, where the first
 * `</script` only closes that nested one.
 */
function scriptTextEnd(html: string, from: number): number {
  let at = from;
  let state: 'data' | 'escaped' | 'double' = 'data';
  while (at < html.length) {
    if (state === 'data') {
      const comment = html.indexOf('<!--', at);
      SCRIPT_END.lastIndex = at;
      const end = SCRIPT_END.exec(html)?.index ?? -1;
      if (end < 0) return html.length;
      if (comment < 0 || end < comment) return end;
      state = 'escaped';
      // "<!--" followed at once by "-" or "->" ("<!--->") enters and leaves the escape in one go.
      at = comment + 2;
    } else if (state === 'escaped') {
      const close = html.indexOf('-->', at);
      const nested = /<(\/?)script[\t\n\f\r />]/gi;
      nested.lastIndex = at;
      const tag = nested.exec(html);
      if (close >= 0 && (!tag || close < tag.index)) {
        state = 'data';
        at = close + 3;
      } else if (!tag) return html.length;
      else if (tag[1])
        return tag.index; // </script in the escaped state ends the element
      else {
        state = 'double';
        at = tag.index + tag[0].length;
      }
    } else {
      // Double escaped: "-->" goes back to plain script data, "</script" back to escaped.
      const close = html.indexOf('-->', at);
      SCRIPT_END.lastIndex = at;
      const end = SCRIPT_END.exec(html);
      if (close >= 0 && (!end || close < end.index)) {
        state = 'data';
        at = close + 3;
      } else if (!end) return html.length;
      else {
        state = 'escaped';
        at = end.index + end[0].length;
      }
    }
  }
  return html.length;
}

/** A script's text as the browser hashes it: the input stream's line breaks normalized, NUL replaced. */
function browserText(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
}

/**
 * The text of every inline script of a page that the browser would run (no `src`, an executed type),
 * in document order. Scripts inside comments and text elements are not scripts and are left out.
 * Scripts in inline SVG (`<svg><script>`) are parsed otherwise by the browser (entities decoded) and
 * are read here as HTML scripts: their hash matches only when their text has no `&` or CDATA.
 */
export function inlineScripts(html: string): string[] {
  const scripts: string[] = [];
  let at = 0;
  while (at < html.length) {
    const open = html.indexOf('<', at);
    if (open < 0) break;
    if (html.startsWith('<!--', open)) {
      if (html.startsWith('<!-->', open)) at = open + 5;
      else if (html.startsWith('<!--->', open)) at = open + 6;
      else {
        const close = /--!?>/g;
        close.lastIndex = open + 4;
        const found = close.exec(html);
        at = found ? found.index + found[0].length : html.length;
      }
      continue;
    }
    const next = html[open + 1] ?? '';
    if (next === '!' || next === '?' || (next === '/' && !isLetter(html.charCodeAt(open + 2)))) {
      // A doctype, a bogus comment, or `</` not followed by a name: up to the next `>`.
      const close = html.indexOf('>', open + 1);
      at = close < 0 ? html.length : close + 1;
      continue;
    }
    const isEndTag = next === '/';
    const nameStart = open + (isEndTag ? 2 : 1);
    if (!isLetter(html.charCodeAt(nameStart))) {
      at = open + 1; // a lone "<" is text
      continue;
    }
    let nameEnd = nameStart + 1;
    for (
      let code = html.charCodeAt(nameEnd);
      nameEnd < html.length && !isSpace(code) && code !== SLASH && code !== GT;
      code = html.charCodeAt(nameEnd)
    )
      nameEnd += 1;
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    const { attributes, end } = readAttributes(html, nameEnd, !isEndTag && name === 'script');
    at = end;
    if (isEndTag) continue;
    if (name === 'plaintext') break; // everything after it is text
    if (name === 'script') {
      const textEnd = scriptTextEnd(html, end);
      if (!attributes.has('src') && isExecutedScript(attributes))
        scripts.push(browserText(html.slice(end, textEnd)));
      at = textEnd;
    } else if (TEXT_ELEMENTS.has(name)) {
      const close = new RegExp(`</${name}[\\t\\n\\f\\r />]`, 'gi');
      close.lastIndex = end;
      at = close.exec(html)?.index ?? html.length;
    }
  }
  return scripts;
}

/** The CSP hash source of a script text, without quotes: `sha256-` and the base64 of its UTF-8 bytes' SHA-256. */
export function scriptHash(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

export interface ScriptHashEntry {
  /** `sha256-…`, as deploy/security-headers.mjs adds it to script-src (quoted). */
  hash: string;
  /** How many pages carry this script. */
  pages: number;
  /** A few of those pages (paths relative to the export), to find where a script comes from. */
  examples: string[];
}

const EXAMPLES = 3;

/**
 * The hashes of every page's inline scripts, once each: the scripts on most pages first, then by
 * hash, so the file and the header are the same for the same export.
 */
export function siteScriptHashes(
  pages: Iterable<{ path: string; html: string }>,
): ScriptHashEntry[] {
  const byHash = new Map<string, { pages: Set<string> }>();
  for (const page of pages) {
    for (const text of inlineScripts(page.html)) {
      const hash = scriptHash(text);
      const entry = byHash.get(hash) ?? { pages: new Set<string>() };
      entry.pages.add(page.path);
      byHash.set(hash, entry);
    }
  }
  return [...byHash]
    .map(([hash, { pages }]) => ({
      hash,
      pages: pages.size,
      examples: [...pages].sort().slice(0, EXAMPLES),
    }))
    .sort((a, b) => b.pages - a.pages || (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
}

/**
 * Reads every `.html` file of the export and writes `<outDir>/_csp-script-hashes.json`
 * (`{"scripts": [{hash, pages, examples}], "sources": {directive: [origin…]}}`, `sources` being what the site's
 * third-party services need, lib/site/third-party.ts); returns the script entries.
 */
export function writeCspHashes(outDir: string, sources: CspSources = {}): ScriptHashEntry[] {
  function* pages() {
    for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
      const file = path.join(entry.parentPath, entry.name);
      yield {
        path: path.relative(outDir, file).split(path.sep).join('/'),
        html: readFileSync(file, 'utf8'),
      };
    }
  }
  const scripts = siteScriptHashes(pages());
  writeFileSync(
    path.join(outDir, SCRIPT_HASHES_FILE),
    `${JSON.stringify({ scripts, sources }, null, 2)}\n`,
  );
  return scripts;
}
