/**
 * Where kramdown and CommonMark disagree on raw HTML blocks: a line that starts with a span-level tag
 * (`<br/>`, `<img …>`, `<a name="x" />`, `<small>`) is paragraph text in kramdown, with its markdown read,
 * while CommonMark opens an HTML block there (its kind 7) that swallows the markdown up to the next blank
 * line. In the kramdown dialect, CommonMark's HTML-flow construct runs only when the line does not start
 * with such a tag; every other HTML block is CommonMark's, unchanged (micromark-core-commonmark).
 */
import type { Nodes, Root } from 'mdast';
import { htmlFlow } from 'micromark-core-commonmark';
import type {
  Code,
  Construct,
  Effects,
  Extension,
  State,
  TokenizeContext,
} from 'micromark-util-types';

/** kramdown's HTML_SPAN_ELEMENTS (lib/kramdown/parser/html.rb), with `time`, `nobr` and `wbr`. */
const SPAN_ELEMENTS = new Set(
  (
    'a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark option q rb ' +
    'rbc rp rt rtc ruby s samp select small span strike strong sub sup textarea tt u var time nobr wbr'
  ).split(' '),
);

const LESS_THAN = 60;
const SLASH = 47;
const GREATER_THAN = 62;

const isAsciiAlphanumeric = (code: Code) =>
  code !== null &&
  ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122));

/** Succeeds on `<name` or `</name` where `name` is a span-level element, followed by a space, `/`, `>` or the end. */
const spanTagStart: Construct = {
  partial: true,
  tokenize(effects: Effects, ok: State, nok: State): State {
    let name = '';
    const start: State = (code) => {
      if (code !== LESS_THAN) return nok(code);
      effects.enter('data');
      effects.consume(code);
      return slash;
    };
    const slash: State = (code) => {
      if (code === SLASH) {
        effects.consume(code);
        return tagName;
      }
      return tagName(code);
    };
    const tagName: State = (code) => {
      if (isAsciiAlphanumeric(code) && name.length < 16) {
        name += String.fromCharCode(code as number).toLowerCase();
        effects.consume(code);
        return tagName;
      }
      const ends = code === null || code === SLASH || code === GREATER_THAN || code < 33;
      if (!ends || !SPAN_ELEMENTS.has(name)) return nok(code);
      effects.exit('data');
      return ok(code);
    };
    return start;
  },
};

/** CommonMark's HTML flow, except at a line that opens with a span-level tag. */
const kramdownHtmlFlow: Construct = {
  name: 'kramdownHtmlFlow',
  concrete: true,
  resolveTo: htmlFlow.resolveTo,
  tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    // Arrow functions keep `this`, the context CommonMark's construct reads (`interrupt`, `parser`…).
    return (code) =>
      effects.check(spanTagStart, nok, (after) =>
        htmlFlow.tokenize.call(this, effects, ok, nok)(after),
      )(code);
  },
};

export function kramdownHtmlFlowSyntax(): Extension {
  return {
    disable: { null: ['htmlFlow'] },
    flow: { [LESS_THAN]: kramdownHtmlFlow },
  };
}

/** Elements HTML never closes: `<br/>` is `<br>`. */
const VOID_ELEMENTS = new Set(
  'area base br col embed hr img input link meta param source track wbr'.split(' '),
);
const SELF_CLOSED = /<([a-z][a-z0-9-]*)((?:\s[^<>]*?)?)\s*\/>/gi;

/**
 * `<a name="x" />` as kramdown writes it out, `<a name="x"></a>`: HTML has no self-closing `a`, and a
 * browser would read the rest of the page as the link's text. Void elements stay as they are.
 */
export function closeSelfClosedElements(tree: Root): void {
  const pending: Nodes[] = [tree];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === 'html' && node.value.includes('/>'))
      node.value = node.value.replace(SELF_CLOSED, (whole, name: string, attributes: string) =>
        VOID_ELEMENTS.has(name.toLowerCase()) ? whole : `<${name}${attributes}></${name}>`,
      );
    if ('children' in node) for (const child of node.children as Nodes[]) pending.push(child);
  }
}
