/**
 * Build-time syntax highlighting: one Shiki highlighter for the whole build, with a fixed list of languages
 * (loading all of Shiki's costs seconds). A grammar is given to the highlighter when a block first asks for
 * it: registering all of them took most of a second in every worker, for the few a blog uses.
 * A block in a language outside the list is shown unhighlighted, never an error.
 *
 * Highlighting is bounded: the JavaScript regex engine scans a line in time that grows with the square of
 * its length (docs/decisions.md, "Highlighting is bounded by size"), and a scan cannot be interrupted, so
 * a block with a line over MAX_HIGHLIGHT_LINE, or past the body's HIGHLIGHT_BUDGET, is shown unhighlighted
 * (the markup of a block in an unknown language) with a warning at the block's line.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { createHighlighterCore, type HighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import type { VFile } from 'vfile';

/** Languages highlighted at build time; aliases (sh, js, yml, …) come with them. */
const LANGUAGE_MODULES = [
  import('shiki/langs/bash.mjs'),
  import('shiki/langs/c.mjs'),
  import('shiki/langs/cpp.mjs'),
  import('shiki/langs/csharp.mjs'),
  import('shiki/langs/css.mjs'),
  import('shiki/langs/diff.mjs'),
  import('shiki/langs/docker.mjs'),
  import('shiki/langs/go.mjs'),
  import('shiki/langs/graphql.mjs'),
  import('shiki/langs/hcl.mjs'),
  import('shiki/langs/html.mjs'),
  import('shiki/langs/ini.mjs'),
  import('shiki/langs/java.mjs'),
  import('shiki/langs/javascript.mjs'),
  import('shiki/langs/json.mjs'),
  import('shiki/langs/jsx.mjs'),
  import('shiki/langs/kotlin.mjs'),
  import('shiki/langs/markdown.mjs'),
  import('shiki/langs/nginx.mjs'),
  import('shiki/langs/php.mjs'),
  import('shiki/langs/powershell.mjs'),
  import('shiki/langs/python.mjs'),
  import('shiki/langs/ruby.mjs'),
  import('shiki/langs/rust.mjs'),
  import('shiki/langs/sql.mjs'),
  import('shiki/langs/swift.mjs'),
  import('shiki/langs/terraform.mjs'),
  import('shiki/langs/toml.mjs'),
  import('shiki/langs/tsx.mjs'),
  import('shiki/langs/typescript.mjs'),
  import('shiki/langs/xml.mjs'),
  import('shiki/langs/yaml.mjs'),
];

/** Characters in one line of a highlighted block: longer lines are minified code or data, not read by people. */
export const MAX_HIGHLIGHT_LINE = 1_000;
/**
 * The sum over a body's highlighted lines of (characters in the line)², its worst-case cost: a fraction of a
 * second per body at the measured worst rate (docs/decisions.md), and room for a long post of ordinary code.
 */
export const HIGHLIGHT_BUDGET = 10_000_000;

/** The `source` of the warnings this plugin puts on the file (lib/markdown/render.ts collects them). */
export const HIGHLIGHT_SOURCE = 'highlight';

export const CODE_THEMES = { light: 'github-light', dark: 'github-dark-default' } as const;

type LanguageGrammars = Awaited<(typeof LANGUAGE_MODULES)[number]>['default'];

let grammarsPromise: Promise<Map<string, LanguageGrammars>> | undefined;

/** Every name and alias a block may ask for, with the grammars (the language's and those it embeds) it needs. */
export function languageGrammars(): Promise<Map<string, LanguageGrammars>> {
  grammarsPromise ??= Promise.all(LANGUAGE_MODULES).then((modules) => {
    const byName = new Map<string, LanguageGrammars>();
    for (const { default: grammars } of modules)
      for (const grammar of grammars)
        for (const name of [grammar.name, ...(grammar.aliases ?? [])])
          if (!byName.has(name)) byName.set(name, grammars);
    return byName;
  });
  return grammarsPromise;
}

let highlighterPromise: Promise<HighlighterCore> | undefined;

/** The shared highlighter, with the themes and no language yet (rehypeHighlight loads what blocks ask for). */
export function getHighlighter(): Promise<HighlighterCore> {
  highlighterPromise ??= createHighlighterCore({
    themes: [
      import('shiki/themes/github-light.mjs'),
      import('shiki/themes/github-dark-default.mjs'),
    ],
    langs: [],
    engine: createJavaScriptRegexEngine(),
  });
  return highlighterPromise;
}

/** The languages the tree's code blocks ask for, loaded into the highlighter when first asked for. */
async function loadRequestedLanguages(tree: Root, highlighter: HighlighterCore): Promise<void> {
  const grammars = await languageGrammars();
  const loaded = new Set(highlighter.getLoadedLanguages());
  const pending: (Root | Element)[] = [tree];
  for (let node = pending.pop(); node; node = pending.pop()) {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const requested = child.tagName === 'code' ? languageOf(child) : undefined;
      const needed = requested !== undefined && !loaded.has(requested) && grammars.get(requested);
      if (needed) {
        await highlighter.loadLanguage(...needed);
        for (const name of highlighter.getLoadedLanguages()) loaded.add(name);
      }
      pending.push(child);
    }
  }
}

function languageOf(code: Element): string | undefined {
  const classes = code.properties?.className;
  const list = Array.isArray(classes) ? classes : [];
  for (const name of list) {
    if (typeof name === 'string' && name.startsWith('language-'))
      return name.slice(9).toLowerCase();
  }
  return undefined;
}

/** Why a block is not highlighted, or undefined when it may be; spends the body's budget when it may. */
function overBudget(source: string, budget: { left: number }): string | undefined {
  let cost = 0;
  let lineNumber = 0;
  for (const line of source.split('\n')) {
    lineNumber += 1;
    if (line.length > MAX_HIGHLIGHT_LINE) {
      return `line ${lineNumber} of the block has ${line.length} characters, more than the ${MAX_HIGHLIGHT_LINE} that are highlighted`;
    }
    cost += line.length * line.length + line.length + 1;
  }
  if (cost > budget.left)
    return 'the code blocks of this post are too large in all to highlight in reasonable time';
  budget.left -= cost;
  return undefined;
}

/**
 * Replaces every `<pre><code class="language-x">` with Shiki's output, themed light and dark; a loop over a
 * stack, since a deeply nested body would overflow recursion. A block over budget gets the markup of an
 * unhighlighted one and a warning on `file`.
 */
function highlightBlocks(tree: Root, highlighter: HighlighterCore, file: VFile): void {
  const budget = { left: HIGHLIGHT_BUDGET };
  const pending: (Root | Element)[] = [tree];
  for (let node = pending.pop(); node; node = pending.pop()) {
    const children = node.children as ElementContent[];
    for (let index = 0; index < children.length; index += 1) {
      const child = children[index];
      if (child?.type !== 'element') continue;
      // A block marked verbatim by an earlier transform (a diagram's source, diagrams.ts) is left as it is.
      const code =
        child.tagName === 'pre' && child.properties.dataVerbatim === undefined
          ? child.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code')
          : undefined;
      if (!code) {
        pending.push(child);
        continue;
      }
      const requested = languageOf(code);
      const loaded =
        requested !== undefined && highlighter.getLoadedLanguages().includes(requested);
      const source = toString(code).replace(/\n$/, '');
      const language = requested ?? 'text';
      const refused = loaded ? overBudget(source, budget) : undefined;
      if (refused) {
        file.message(`${refused}; this ${language} block is shown without colours`, {
          place: child.position,
          source: HIGHLIGHT_SOURCE,
        });
      }
      const highlighted = highlighter.codeToHast(source, {
        lang: loaded && !refused ? requested : 'text',
        themes: CODE_THEMES,
        defaultColor: false,
        // Shiki's own guard, should a line get past the budget.
        tokenizeMaxLineLength: MAX_HIGHLIGHT_LINE + 1,
        // No time limit: the size budget bounds the work, and a time limit makes the colours depend on the
        // machine's load (a line cut short keeps the colour of its last token for the rest of the line).
        tokenizeTimeLimit: 0,
      });
      const pre = highlighted.children[0];
      if (pre?.type !== 'element') continue;
      // Shiki sets `tabindex` already (a scrolling block must be reachable by keyboard): one attribute, not two.
      const { tabindex: _shikiTabIndex, ...properties } = pre.properties;
      pre.properties = { ...properties, dataLanguage: language, tabIndex: 0 };
      children[index] = codeFigure(pre, language, authoredAttributes(child, code));
    }
  }
}

/**
 * The attributes an author gave a block (a kramdown attribute list: `{: .wide #listing-1}`), which go on
 * the figure as kramdown puts them on its wrapper: every property of the <pre> and <code> but the
 * language class the highlighter reads.
 */
function authoredAttributes(pre: Element, code: Element): Element['properties'] {
  const properties: Element['properties'] = { ...pre.properties, ...code.properties };
  const classes = Array.isArray(properties.className) ? properties.className : [];
  const kept = classes.filter((name) => !String(name).startsWith('language-'));
  delete properties.className;
  return kept.length > 0 ? { ...properties, className: kept } : properties;
}

/**
 * A code block as readers get it: a bar with the language and a copy button
 * (public/site.js copies on click), then the scrolling <pre>.
 */
function codeFigure(pre: Element, language: string, authored: Element['properties']): Element {
  const element = (
    tagName: string,
    properties: Element['properties'],
    children: ElementContent[],
  ): Element => ({
    type: 'element',
    tagName,
    properties,
    children,
  });
  const authoredClasses = Array.isArray(authored.className) ? authored.className : [];
  return element(
    'figure',
    { ...authored, className: ['code-block', ...authoredClasses], dataLanguage: language },
    [
      element('figcaption', { className: ['code-bar'], dataPagefindIgnore: '' }, [
        element('span', { className: ['code-language'] }, [{ type: 'text', value: language }]),
        element(
          'button',
          {
            type: 'button',
            className: ['copy-code'],
            dataCopyCode: '',
            ariaLabel: `Copy ${language} code`,
          },
          [{ type: 'text', value: 'Copy' }],
        ),
      ]),
      pre,
    ],
  );
}

/** rehype plugin: syntax highlighting with the shared highlighter. */
export function rehypeHighlight() {
  return async (tree: Root, file: VFile) => {
    const highlighter = await getHighlighter();
    await loadRequestedLanguages(tree, highlighter);
    highlightBlocks(tree, highlighter, file);
  };
}
