/**
 * kramdown's block syntax that CommonMark reads as paragraph text, as micromark constructs, so that the
 * parser (not a later guess over rendered text) decides where each one starts and ends, inside lists and
 * quotes too:
 * - one-line markers: a block attribute list `{: .class}`, an attribute definition `{:name: .class}`, the
 *   end-of-block marker `^` and an abbreviation definition `*[HTML]: Hyper Text Markup Language`;
 * - extension blocks: `{::comment}…{:/comment}`, `{::nomarkdown}…{:/}`, `{::options … /}`;
 * - block math: `$$…$$` as a block of its own (kramdown's rule: after and before a block boundary).
 * Each becomes one mdast node (`kramdownMarker`, or `math`) that lib/markdown/kramdown-transform.ts
 * resolves; none of them is ever left in the tree for the renderer.
 */
import type { Html, Literal } from 'mdast';
import type { Math } from 'mdast-util-math';
import type { CompileContext, Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import type {
  Code,
  Construct,
  Effects,
  Extension,
  State,
  Token,
  TokenizeContext,
} from 'micromark-util-types';

export type KramdownMarkerKind = 'ial' | 'ald' | 'eob' | 'abbreviation' | 'extension';

/** A kramdown block marker; `raw` is its text as written, without the container prefixes. */
export interface KramdownMarker extends Literal {
  type: 'kramdownMarker';
  kind: KramdownMarkerKind;
}

declare module 'mdast' {
  interface RootContentMap {
    kramdownMarker: KramdownMarker;
  }
  interface BlockContentMap {
    kramdownMarker: KramdownMarker;
  }
}

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownBlockLine: 'kramdownBlockLine';
    kramdownExtension: 'kramdownExtension';
    kramdownExtensionLine: 'kramdownExtensionLine';
    kramdownMath: 'kramdownMath';
    kramdownMathLine: 'kramdownMathLine';
    kramdownSpanExtension: 'kramdownSpanExtension';
    kramdownSpanExtensionData: 'kramdownSpanExtensionData';
  }
}

// kramdown's patterns (lib/kramdown/parser/kramdown/extensions.rb), for a whole line without its newline.
const ALD_ANY = String.raw`(?:\\\}|[^}])`;
export const IAL_LINE = new RegExp(String.raw`^ {0,3}\{:(?!:|\/)(${ALD_ANY}+)\}\s*$`);
export const ALD_LINE = new RegExp(String.raw`^ {0,3}\{:(\w[\w-]*):(${ALD_ANY}+)\}\s*$`);
const EOB_LINE = /^ {0,3}\^\s*$/;
export const ABBREVIATION_LINE = /^ {0,3}\*\[(.+?)\]:(.*)$/;
/** `{::name attributes}` or `{::name attributes /}`, alone on its line. */
export const EXTENSION_START_LINE = new RegExp(
  String.raw`^ {0,3}\{::(\w+)(?:\s(${ALD_ANY}*?)|)(\/)?\}\s*$`,
);
const extensionStopLine = (name: string) => new RegExp(String.raw`^ {0,3}\{:\/(?:${name})?\}\s*$`);

/** `{::comment}`, `{::nomarkdown}`, `{::options}` as kramdown outputs them; undefined for nothing. */
export function extensionOutput(
  name: string,
  attributes: string,
  body: string | undefined,
): string | undefined {
  if (body === undefined) return undefined;
  if (name === 'comment') return `<!-- ${body} -->`;
  if (name === 'nomarkdown') {
    const type = /(?:^|\s)type=("|')(.*?)\1/.exec(attributes)?.[2];
    return !type || type.split(/\s+/).includes('html') ? body : undefined;
  }
  return undefined;
}

const EOF = null;
const isLineEnding = (code: Code) => code !== EOF && code < -2;
const isSpace = (code: Code) => code === -2 || code === -1 || code === 32;
const DOLLAR = 36;
const CARET = 94;
const BRACE = 123;
const COLON = 58;
const SLASH = 47;
const ASTERISK = 42;
const BRACE_CLOSE = 125;
const BACKSLASH = 92;

/** Which one-line marker a line is, if any; an abbreviation definition cannot interrupt a paragraph. */
function markerKind(line: string, interrupting: boolean): KramdownMarkerKind | undefined {
  if (ALD_LINE.test(line)) return 'ald';
  if (IAL_LINE.test(line)) return 'ial';
  if (EOB_LINE.test(line)) return 'eob';
  if (!interrupting && ABBREVIATION_LINE.test(line)) return 'abbreviation';
  // A self-closing extension (`{::options … /}`) is a line of its own; one with a body is the block below.
  const extension = EXTENSION_START_LINE.exec(line);
  if (!interrupting && extension?.[3]) return 'extension';
  return undefined;
}

/** The line after the current one (at its line ending) is a line of a container that goes on. */
const nonLazyContinuation: Construct = {
  partial: true,
  tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State) {
    const lineStart: State = (code) => (this.parser.lazy[this.now().line] ? nok(code) : ok(code));
    return (code) => {
      if (code === EOF) return nok(code);
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      return lineStart;
    };
  },
};

/** At a line ending: the next line is a block boundary (blank, `^`, `{:` or the end), as kramdown requires after block math. */
const blockBoundaryNext: Construct = {
  partial: true,
  tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State) {
    // The tokenizer context, named once for the state functions below.
    return ((self: TokenizeContext): State => {
      let sawCaret = false;
      return start;
      function start(code: Code): State | undefined {
        if (code === EOF) return ok(code);
        effects.enter('lineEnding');
        effects.consume(code);
        effects.exit('lineEnding');
        return lineStart;
      }
      function lineStart(code: Code): State | undefined {
        if (self.parser.lazy[self.now().line]) return ok(code);
        effects.enter('linePrefix');
        return prefix(code);
      }
      function prefix(code: Code): State | undefined {
        if (isSpace(code)) {
          effects.consume(code);
          return prefix;
        }
        effects.exit('linePrefix');
        return first(code);
      }
      function first(code: Code): State | undefined {
        if (code === EOF || isLineEnding(code)) return ok(code);
        effects.enter('kramdownMathLine');
        if (code === CARET) {
          sawCaret = true;
          effects.consume(code);
          return afterCaret;
        }
        if (code === BRACE) {
          effects.consume(code);
          return (next: Code) => {
            if (next !== COLON) return nok(next);
            effects.consume(next);
            return (after: Code) => (after === COLON || after === SLASH ? nok(after) : ok(after));
          };
        }
        return nok(code);
      }
      function afterCaret(code: Code): State | undefined {
        if (code === EOF || isLineEnding(code)) return sawCaret ? ok(code) : nok(code);
        if (isSpace(code)) {
          effects.consume(code);
          return afterCaret;
        }
        return nok(code);
      }
    })(this);
  },
};

/** One-line markers: the whole line is read, then kept or refused by kramdown's pattern. */
const blockLine: Construct = {
  name: 'kramdownBlockLine',
  tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State) {
    // The tokenizer context, named once for the state functions below.
    return ((self: TokenizeContext): State => {
      return start;
      function start(code: Code): State | undefined {
        effects.enter('kramdownBlockLine');
        return inside(code);
      }
      function inside(code: Code): State | undefined {
        if (code === EOF || isLineEnding(code)) {
          const token = effects.exit('kramdownBlockLine');
          return markerKind(self.sliceSerialize(token), Boolean(self.interrupt))
            ? ok(code)
            : nok(code);
        }
        effects.consume(code);
        return inside;
      }
    })(this);
  },
};

/**
 * Where a search for an extension's stop tag last ran to the end without finding one, per tokenizer and
 * name: a later start tag of that name cannot find one either, so it is refused at once. Without this, a
 * body of many unclosed start tags would be searched to its end once per tag.
 */
const unclosedFrom = new WeakMap<object, Map<string, number>>();

function knownUnclosed(context: TokenizeContext, name: string): boolean {
  const from = unclosedFrom.get(context)?.get(name);
  return from !== undefined && context.now().offset >= from;
}

function markUnclosed(context: TokenizeContext, name: string, offset: number): void {
  let byName = unclosedFrom.get(context);
  if (!byName) {
    byName = new Map();
    unclosedFrom.set(context, byName);
  }
  if (!byName.has(name)) byName.set(name, offset);
}

/** `{::name}` … `{:/name}` (or `{:/}`), each tag alone on its line; kramdown drops a start tag without a stop tag. */
const extensionBlock: Construct = {
  name: 'kramdownExtension',
  concrete: true,
  tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State) {
    // The tokenizer context, named once for the state functions below.
    return ((self: TokenizeContext): State => {
      let stop: RegExp | undefined;
      let line: Token | undefined;
      let name = '';
      const startOffset = self.now().offset;
      return start;
      function start(code: Code): State | undefined {
        if (self.interrupt) return nok(code);
        effects.enter('kramdownExtension');
        line = effects.enter('kramdownExtensionLine');
        return firstLine(code);
      }
      function firstLine(code: Code): State | undefined {
        if (code === EOF || isLineEnding(code)) {
          effects.exit('kramdownExtensionLine');
          const match = EXTENSION_START_LINE.exec(self.sliceSerialize(line!));
          if (!match || match[3]) return nok(code);
          name = match[1]!;
          if (knownUnclosed(self, `block:${name}`)) return nok(code);
          stop = extensionStopLine(name);
          return effects.attempt(nonLazyContinuation, bodyLineStart, nok)(code);
        }
        effects.consume(code);
        return firstLine;
      }
      function bodyLineStart(code: Code): State | undefined {
        if (code === EOF) {
          markUnclosed(self, `block:${name}`, startOffset);
          return nok(code);
        }
        // An empty line is no stop tag, and no token: micromark's tokens are never empty.
        if (isLineEnding(code))
          return effects.attempt(nonLazyContinuation, bodyLineStart, nok)(code);
        line = effects.enter('kramdownExtensionLine');
        return bodyLine(code);
      }
      function bodyLine(code: Code): State | undefined {
        if (code === EOF || isLineEnding(code)) {
          effects.exit('kramdownExtensionLine');
          if (stop!.test(self.sliceSerialize(line!))) {
            effects.exit('kramdownExtension');
            return ok(code);
          }
          if (code === EOF) {
            markUnclosed(self, `block:${name}`, startOffset);
            return nok(code);
          }
          return effects.attempt(nonLazyContinuation, bodyLineStart, nok)(code);
        }
        effects.consume(code);
        return bodyLine;
      }
    })(this);
  },
};

/**
 * `$$…$$` from the start of a block to its end, over lines: kramdown's BLOCK_MATH_START, and only before a
 * block boundary. After a block without a blank line kramdown reads it as inline math in a paragraph: the
 * parser cannot see that, so the transform turns such a block back (kramdown-transform.ts).
 */
const mathBlock: Construct = {
  name: 'kramdownMath',
  concrete: true,
  tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State) {
    // The tokenizer context, named once for the state functions below.
    return ((self: TokenizeContext): State => {
      return start;
      function start(code: Code): State | undefined {
        if (self.interrupt || code !== DOLLAR) return nok(code);
        effects.enter('kramdownMath');
        effects.enter('kramdownMathLine');
        effects.consume(code);
        return (next: Code) => {
          if (next !== DOLLAR) return nok(next);
          effects.consume(next);
          return content;
        };
      }
      function content(code: Code): State | undefined {
        if (code === EOF) return nok(code);
        if (isLineEnding(code)) {
          effects.exit('kramdownMathLine');
          return effects.attempt(nonLazyContinuation, lineStart, nok)(code);
        }
        effects.consume(code);
        return code === DOLLAR ? dollar : content;
      }
      function lineStart(code: Code): State | undefined {
        if (code === EOF) return nok(code);
        if (isLineEnding(code)) return effects.attempt(nonLazyContinuation, lineStart, nok)(code);
        effects.enter('kramdownMathLine');
        return content(code);
      }
      function dollar(code: Code): State | undefined {
        if (code !== DOLLAR) return content(code);
        effects.consume(code);
        return afterClose;
      }
      function afterClose(code: Code): State | undefined {
        if (isSpace(code)) {
          effects.consume(code);
          return afterClose;
        }
        if (code !== EOF && !isLineEnding(code)) return nok(code);
        effects.exit('kramdownMathLine');
        effects.exit('kramdownMath');
        return effects.check(blockBoundaryNext, ok, nok)(code);
      }
    })(this);
  },
};

/** The extensions kramdown knows; any other name is text. */
const EXTENSION_NAMES = new Set(['comment', 'nomarkdown', 'options']);
const SPAN_EXTENSION = new RegExp(
  String.raw`^\{::(\w+)(?:\s(${ALD_ANY}*?)|)(\/)?\}([^]*?)(?:\{:\/(?:\1)?\})?$`,
);

/**
 * `{::comment}…{:/comment}` (or `{:/}`), `{::nomarkdown}…{:/}`, `{::options … /}` inside a paragraph; the
 * content is not markdown, so it is read here, before anything else can take it apart.
 */
const spanExtension: Construct = {
  name: 'kramdownSpanExtension',
  tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State) {
    // The tokenizer context, named once for the state functions below.
    return ((self: TokenizeContext): State => {
      const startOffset = self.now().offset;
      let name = '';
      // The last characters read, enough to see a stop tag: the body is read from the token at the end.
      let tail = '';
      let stop = '';
      return start;
      function start(code: Code): State | undefined {
        effects.enter('kramdownSpanExtension');
        effects.enter('kramdownSpanExtensionData');
        effects.consume(code);
        return (colon: Code) => {
          if (colon !== COLON) return nok(colon);
          effects.consume(colon);
          return (second: Code) => {
            if (second !== COLON) return nok(second);
            effects.consume(second);
            return nameStart;
          };
        };
      }
      function nameStart(code: Code): State | undefined {
        if (code === EOF || !/\w/.test(String.fromCharCode(code))) return nok(code);
        return nameRest(code);
      }
      function nameRest(code: Code): State | undefined {
        if (code !== EOF && code > 0 && /\w/.test(String.fromCharCode(code))) {
          name += String.fromCharCode(code);
          effects.consume(code);
          return nameRest;
        }
        if (!EXTENSION_NAMES.has(name) || knownUnclosed(self, `span:${name}`)) return nok(code);
        stop = `{:/${name}}`;
        if (code === BRACE_CLOSE) {
          effects.consume(code);
          return inBody;
        }
        if (code === SLASH) {
          effects.consume(code);
          return selfClosing;
        }
        if (isSpace(code)) {
          effects.consume(code);
          return attributes;
        }
        return nok(code);
      }
      function attributes(code: Code): State | undefined {
        if (code === EOF || isLineEnding(code)) return nok(code);
        if (code === BACKSLASH) {
          effects.consume(code);
          return (escaped: Code) => {
            if (escaped === EOF || isLineEnding(escaped)) return nok(escaped);
            effects.consume(escaped);
            return attributes;
          };
        }
        if (code === SLASH) {
          effects.consume(code);
          return (next: Code) => (next === BRACE_CLOSE ? selfClosing(next) : attributes(next));
        }
        effects.consume(code);
        return code === BRACE_CLOSE ? inBody : attributes;
      }
      function selfClosing(code: Code): State | undefined {
        if (code !== BRACE_CLOSE) return nok(code);
        effects.consume(code);
        return done;
      }
      function inBody(code: Code): State | undefined {
        if (code === EOF) {
          markUnclosed(self, `span:${name}`, startOffset);
          return nok(code);
        }
        if (isLineEnding(code)) {
          effects.exit('kramdownSpanExtensionData');
          effects.enter('lineEnding');
          effects.consume(code);
          effects.exit('lineEnding');
          effects.enter('kramdownSpanExtensionData');
          tail = '';
          return inBody;
        }
        tail = (tail + String.fromCharCode(code)).slice(-stop.length);
        effects.consume(code);
        if (code === BRACE_CLOSE && (tail.endsWith(stop) || tail.endsWith('{:/}'))) return done;
        return inBody;
      }
      function done(code: Code): State | undefined {
        effects.exit('kramdownSpanExtensionData');
        effects.exit('kramdownSpanExtension');
        return ok(code);
      }
    })(this);
  },
};

/** The micromark extension: markers and extension blocks at `{`, `^` and `*`, block math at `$`. */
export function kramdownSyntax(): Extension {
  return {
    flow: {
      [BRACE]: [blockLine, extensionBlock],
      [CARET]: blockLine,
      [ASTERISK]: blockLine,
      [DOLLAR]: mathBlock,
    },
    text: { [BRACE]: spanExtension },
  };
}

function enterMarker(this: CompileContext, token: Token): undefined {
  const marker: KramdownMarker = { type: 'kramdownMarker', kind: 'eob', value: '' };
  this.enter(marker, token);
}

function exitMarker(this: CompileContext, token: Token): undefined {
  const node = this.stack[this.stack.length - 1] as KramdownMarker;
  node.value = this.sliceSerialize(token);
  node.kind =
    token.type === 'kramdownExtension' ? 'extension' : (markerKind(node.value, false) ?? 'eob');
  this.exit(token);
}

function enterSpanExtension(this: CompileContext, token: Token): undefined {
  this.enter({ type: 'html', value: '' }, token);
}

/** A span extension as kramdown outputs it: a comment, raw HTML, or nothing. */
function exitSpanExtension(this: CompileContext, token: Token): undefined {
  const node = this.stack[this.stack.length - 1] as Html;
  const match = SPAN_EXTENSION.exec(this.sliceSerialize(token));
  node.value = match
    ? (extensionOutput(match[1]!, match[2] ?? '', match[3] ? undefined : match[4]) ?? '')
    : '';
  this.exit(token);
}

function enterMath(this: CompileContext, token: Token): undefined {
  const math: Math = { type: 'math', meta: null, value: '' };
  this.enter(math, token);
}

function exitMath(this: CompileContext, token: Token): undefined {
  const node = this.stack[this.stack.length - 1] as Math;
  // Between the first `$$` and the last, stripped as kramdown strips it.
  node.value = this.sliceSerialize(token)
    .trim()
    .replace(/^\$\$|\$\$$/g, '')
    .trim();
  this.exit(token);
}

/** The mdast side: one node per construct. */
export function kramdownFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      kramdownBlockLine: enterMarker,
      kramdownExtension: enterMarker,
      kramdownMath: enterMath,
      kramdownSpanExtension: enterSpanExtension,
    },
    exit: {
      kramdownBlockLine: exitMarker,
      kramdownExtension: exitMarker,
      kramdownMath: exitMath,
      kramdownSpanExtension: exitSpanExtension,
    },
  };
}
