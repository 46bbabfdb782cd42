/**
 * Build-time syntax highlighting: one Shiki highlighter for the whole build,
 * loaded with a fixed list of languages (loading all of Shiki's costs seconds).
 * A block in a language outside the list is shown unhighlighted, never an error.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { createHighlighterCore, type HighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';

/** Languages highlighted at build time; aliases (sh, js, yml, …) come with them. */
const LANGUAGES = [
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

export const CODE_THEMES = { light: 'github-light', dark: 'github-dark' } as const;

let highlighterPromise: Promise<HighlighterCore> | undefined;

export function getHighlighter(): Promise<HighlighterCore> {
  highlighterPromise ??= createHighlighterCore({
    themes: [import('shiki/themes/github-light.mjs'), import('shiki/themes/github-dark.mjs')],
    langs: LANGUAGES,
    engine: createJavaScriptRegexEngine(),
  });
  return highlighterPromise;
}

function languageOf(code: Element): string | undefined {
  const classes = code.properties?.className;
  const list = Array.isArray(classes) ? classes : [];
  for (const name of list) {
    if (typeof name === 'string' && name.startsWith('language-')) return name.slice(9).toLowerCase();
  }
  return undefined;
}

/** Replaces every `<pre><code class="language-x">` with Shiki's output, themed light and dark. */
function highlightBlocks(node: Root | Element, highlighter: HighlighterCore): void {
  const children = node.children as ElementContent[];
  for (let index = 0; index < children.length; index += 1) {
    const child = children[index];
    if (child?.type !== 'element') continue;
    const code =
      child.tagName === 'pre'
        ? child.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code')
        : undefined;
    if (!code) {
      highlightBlocks(child, highlighter);
      continue;
    }
    const requested = languageOf(code);
    const loaded = requested !== undefined && highlighter.getLoadedLanguages().includes(requested);
    const source = toString(code).replace(/\n$/, '');
    const highlighted = highlighter.codeToHast(source, {
      lang: loaded ? requested : 'text',
      themes: CODE_THEMES,
      defaultColor: false,
    });
    const pre = highlighted.children[0];
    if (pre?.type !== 'element') continue;
    const language = requested ?? 'text';
    pre.properties = { ...pre.properties, dataLanguage: language, tabIndex: 0 };
    children[index] = codeFigure(pre, language);
  }
}

/**
 * A code block as readers get it: a bar with the language and a copy button
 * (made to work by the small CopyCodeButtons island), then the scrolling <pre>.
 */
function codeFigure(pre: Element, language: string): Element {
  const element = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({
    type: 'element',
    tagName,
    properties,
    children,
  });
  return element('figure', { className: ['code-block'], dataLanguage: language }, [
    element('figcaption', { className: ['code-bar'], dataPagefindIgnore: '' }, [
      element('span', { className: ['code-language'] }, [{ type: 'text', value: language }]),
      element('button', { type: 'button', className: ['copy-code'], dataCopyCode: '', ariaLabel: `Copy ${language} code` }, [
        { type: 'text', value: 'Copy' },
      ]),
    ]),
    pre,
  ]);
}

/** rehype plugin: syntax highlighting with the shared highlighter. */
export function rehypeHighlight() {
  return async (tree: Root) => {
    highlightBlocks(tree, await getHighlighter());
  };
}
