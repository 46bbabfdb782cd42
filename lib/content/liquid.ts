/**
 * Liquid in post bodies, rendered as Jekyll renders it, by liquidjs (the engine
 * Eleventy uses), before contentlayer sees the post (lib/content/staging.ts):
 * `{% raw %}`, `{% highlight lang %}` (to a fenced code block), `{% post_url %}`
 * and `{% link %}` (to this site's URLs), `{% include %}` from `_includes`
 * beside the content folder, `relative_url`/`absolute_url`, `site.*` and `page.*`.
 *
 * Differences from Jekyll, on purpose: code blocks and inline code are never
 * rendered (Jekyll renders them, which is why its authors wrap them in
 * `{% raw %}`; those markers are removed, as Jekyll removes them), and an
 * unknown filter fails like an unknown tag. Undefined variables render empty.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { pathInside } from '../build/safe-path';
import path from 'node:path';
import {
  CaptureTag,
  Context,
  IncludeTag,
  Liquid,
  LiquidError,
  Tag,
  TokenKind,
  Tokenizer,
  toValueSync,
  type Emitter,
  type Parser,
  type TagToken,
  type Template,
  type TopLevelToken,
} from 'liquidjs';
import type { Nodes } from 'mdast';
import { MarkdownLimitError, parseMarkdown } from '../markdown/parse';
import { POST_FILE } from './rules';

/** A post as Liquid tags refer to it. */
export interface LiquidPostRef {
  /** Path relative to the content folder, with its extension: `2019-05-20-moved-post.markdown`. */
  relativePath: string;
  /** Root-relative URL without the base path: `/posts/moved-post/`. */
  url: string;
}

export interface LiquidSiteOptions {
  /** `_includes` beside the content folder (may not exist). */
  includesDir: string;
  /** Name of the content folder, as `{% link _posts/… %}` spells it. */
  contentDirName: string;
  /** Folder of static files served at the site root (public/). */
  publicDir: string;
  /** Origin of the site (`site.url`) and base path (`site.baseurl`). */
  baseUrl: string;
  basePath: string;
  /** Every other `site.*` variable. */
  site: Record<string, unknown>;
  /** `jekyll.environment`. */
  environment?: string;
  posts: LiquidPostRef[];
  /**
   * A Jekyll site root: Liquid renders inside code as well (as Jekyll does), `{% link %}` paths start at the
   * site root, `{% include_relative %}` reads beside the post, and `site.data` is the site's `_data`.
   */
  jekyllSite?: {
    root: string;
    data: Record<string, unknown>;
    /** Files `{% link %}` may name besides posts (static files, pages), by path from the root: their URL. */
    files: ReadonlyMap<string, string>;
  };
}

/** A problem at a line of the body (1-based). */
export class LiquidProblem extends Error {
  constructor(
    readonly line: number,
    readonly detail: string,
  ) {
    super(detail);
  }
}

const LIQUID_MARKUP = /\{\{|\{%/;
/** Jekyll's raw markers inside code: a marker alone on its line goes with its line break. */
const RAW_OPEN = /(?:^|(?<=\n))[ \t]*\{%-?\s*raw\s*-?%\}[ \t]*\n|\{%-?\s*raw\s*-?%\}/;
const RAW_CLOSE = /(?:^|(?<=\n))[ \t]*\{%-?\s*endraw\s*-?%\}[ \t]*\n|\{%-?\s*endraw\s*-?%\}/;

/**
 * Code as Jekyll shows it when its author protected it with `{% raw %}…{% endraw %}`: the markers go, what is
 * between them stays as written, even a `{% raw %}` of its own.
 */
export function withoutRawMarkers(code: string): string {
  let kept = '';
  let rest = code;
  for (let open = RAW_OPEN.exec(rest); open; open = RAW_OPEN.exec(rest)) {
    kept += rest.slice(0, open.index);
    rest = rest.slice(open.index + open[0].length);
    const close = RAW_CLOSE.exec(rest);
    if (!close) break; // unclosed: the rest stays as written
    kept += rest.slice(0, close.index);
    rest = rest.slice(close.index + close[0].length);
  }
  return kept + rest;
}

/**
 * Byte ranges of code (fenced, indented, inline) in a markdown body, in order, from the one parser
 * (lib/markdown/parse.ts), which throws MarkdownLimitError for a body nested too deep to read.
 */
function codeRanges(markdown: string): [number, number][] {
  const ranges: [number, number][] = [];
  const pending: Nodes[] = [parseMarkdown(markdown)];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if ((node.type === 'code' || node.type === 'inlineCode') && node.position) {
      ranges.push([node.position.start.offset ?? 0, node.position.end.offset ?? 0]);
    } else if ('children' in node) {
      const children = node.children as Nodes[];
      for (let index = children.length - 1; index >= 0; index -= 1) pending.push(children[index]!);
    }
  }
  return ranges;
}

const PLACEHOLDER = /\uE000(\d+)\n*\uE001/g;

/**
 * Code replaced by placeholders that keep its line breaks (so Liquid's line
 * numbers stay the file's), restored after rendering.
 */
function protectCode(markdown: string): { text: string; restore: (rendered: string) => string } {
  const saved: string[] = [];
  let text = '';
  let at = 0;
  for (const [start, end] of codeRanges(markdown)) {
    const code = markdown.slice(start, end);
    text +=
      markdown.slice(at, start) +
      `\uE000${saved.length}${'\n'.repeat(code.split('\n').length - 1)}\uE001`;
    saved.push(withoutRawMarkers(code));
    at = end;
  }
  text += markdown.slice(at);
  return {
    text,
    restore: (rendered) =>
      rendered.replace(PLACEHOLDER, (_, index: string) => saved[Number(index)] ?? ''),
  };
}

/** The register of a render's context that holds its post's `restore`, so a render only ever sees its own code. */
const RESTORE_CODE = 'restoreCode';
type RestoreCode = (rendered: string) => string;

/** `{% highlight lang [linenos] %}…{% endhighlight %}` becomes a fenced code block, as Jekyll's highlighter would render it. */
class HighlightTag extends Tag {
  private readonly language: string;
  private readonly templates: Template[] = [];

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remainTokens, liquid);
    this.language = token.args.trim().split(/\s+/)[0] ?? '';
    if (!/^[\w+#.-]*$/.test(this.language))
      throw new Error(`highlight: "${this.language}" is not a language name`);
    let closed = false;
    const stream = parser
      .parseStream(remainTokens)
      .on('tag:endhighlight', () => {
        closed = true;
        stream.stop();
      })
      .on('template', (template: Template) => this.templates.push(template))
      .on('end', () => {
        if (!closed) throw new Error(`tag ${token.getText()} not closed`);
      });
    stream.start();
  }

  *render(context: Context, emitter: Emitter): Generator<unknown, void, string> {
    const rendered: string = yield this.liquid.renderer.renderTemplates(this.templates, context);
    // Code the highlight block holds is restored here, so the fence can be longer than any backtick run in it.
    const restore = context.getRegister<RestoreCode>(RESTORE_CODE);
    const code = restore(rendered).replace(/^\s*\n|\s+$/g, '');
    const longestRun = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(Math.max(3, longestRun + 1));
    emitter.write(`${fence}${this.language}\n${code}\n${fence}`);
  }
}

/** A tag whose one argument is resolved once, when the post is parsed, so a bad one fails with its line. */
function resolvingTag(resolve: (argument: string) => string) {
  return class extends Tag {
    private readonly output: string;
    constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
      super(token, remainTokens, liquid);
      this.output = resolve(token.args.trim());
    }
    render(_context: Context, emitter: Emitter): void {
      emitter.write(this.output);
    }
  };
}

/**
 * liquidjs' guards against Liquid that would never finish (`{% for i in (1..100000000) %}`): far above what a
 * post needs (a long post is 100 KB; its loops make thousands of items, in milliseconds), far below what hangs
 * or exhausts the build. Each applies to one post's render (each template parsed, for parseLimit).
 */
export const LIQUID_LIMITS = {
  /** Characters in one template (the body, or one include file). */
  parseLimit: 4_000_000,
  /** Milliseconds to render one post. */
  renderLimit: 2_000,
  /** Characters and list items created by filters and ranges while rendering one post. */
  memoryLimit: 10_000_000,
  /** Characters one post renders to (output is not counted by memoryLimit). */
  outputLimit: 10_000_000,
  /** Block tags open at once in a body: liquidjs parses them recursively, and overflows the stack near 2,000. */
  nesting: 100,
  /** Includes open at once: an include that includes itself would otherwise recurse until the stack overflows. */
  includeDepth: 20,
};

/** liquidjs' message for each limit, as the author reads it. */
const LIMIT_MESSAGES: Record<string, string> = {
  'parse length limit exceeded': `a template longer than ${LIQUID_LIMITS.parseLimit.toLocaleString('en')} characters (the parse limit)`,
  'template render limit exceeded': `takes longer than ${LIQUID_LIMITS.renderLimit / 1000} s to render (the time limit); is a loop too large?`,
  'memory alloc limit exceeded': `creates more than ${LIQUID_LIMITS.memoryLimit.toLocaleString('en')} characters or list items (the memory limit); is a loop, range or append too large?`,
  'Maximum call stack size exceeded': 'tags or includes nested too deeply',
  // A string past V8's limit (about 500 million characters), built by capture or a filter.
  'Invalid string length': `builds a text longer than JavaScript allows (a capture or filter in a loop?)`,
  'output limit exceeded': `renders to more than ${LIQUID_LIMITS.outputLimit.toLocaleString('en')} characters (the output limit); is a loop too large?`,
};

/** Tags that open a block closed by `end<name>`. */
const BLOCK_TAGS = new Set([
  'if',
  'unless',
  'for',
  'case',
  'capture',
  'tablerow',
  'comment',
  'raw',
  'highlight',
]);

/** Refuses block tags nested deeper than the limit, before the recursive parser meets them; LiquidProblem at the line. */
function checkNesting(text: string, liquid: Liquid): void {
  let depth = 0;
  for (const token of new Tokenizer(text, liquid.options.operators).readTopLevelTokens(
    liquid.options,
  )) {
    if (!('name' in token) || typeof token.name !== 'string') continue;
    if (token.name.startsWith('end')) depth = Math.max(0, depth - 1);
    else if (BLOCK_TAGS.has(token.name) && ++depth > LIQUID_LIMITS.nesting) {
      throw new LiquidProblem(
        token.getPosition()[0] ?? 1,
        `tags nested more than ${LIQUID_LIMITS.nesting} deep`,
      );
    }
  }
}

/** Output that stops at the output limit, so a loop cannot hand the markdown step a body of hundreds of megabytes. */
class BoundedEmitter {
  buffer = '';
  write(html: unknown): void {
    const text = String(html ?? '');
    if (this.buffer.length + text.length > LIQUID_LIMITS.outputLimit)
      throw new Error('output limit exceeded');
    this.buffer += text;
  }
}

/** Capture, charging what it captures to the memory limit (liquidjs does not), so doubling a capture in a loop stops. */
class BoundedCaptureTag extends CaptureTag {
  *render(context: Context): Generator<unknown, void, string> {
    yield* super.render(context);
    context.memoryLimit.use(String(context.bottom()[this.variable] ?? '').length);
  }
}

const INCLUDE_DEPTH = 'includeDepth';

/**
 * Jekyll's include, with a depth limit; a problem inside an included file is reported at the body's
 * include tag (its line in the post), naming the file and its line.
 */
class BoundedIncludeTag extends IncludeTag {
  *render(context: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const depth = context.getRegister(INCLUDE_DEPTH, 0) as number;
    if (depth >= LIQUID_LIMITS.includeDepth) {
      throw new Error(
        `includes nested more than ${LIQUID_LIMITS.includeDepth} deep; does an include include itself?`,
      );
    }
    context.setRegister(INCLUDE_DEPTH, depth + 1);
    try {
      yield* super.render(context, emitter);
    } catch (error) {
      const inner = error instanceof LiquidError ? error.token : undefined;
      if (this.token.file !== undefined || !inner?.file) throw error;
      const innerLine = inner.getPosition()[0] ?? 1;
      throw new Error(`in ${inner.file}:${innerLine}: ${messageOf(error as LiquidError)}`);
    } finally {
      context.setRegister(INCLUDE_DEPTH, depth);
    }
  }
}

/** The message of a liquidjs error, without liquidjs' position suffix, in the author's words. */
function messageOf(error: Error): string {
  const original = error instanceof LiquidError ? (error.originalError ?? error) : error;
  const detail = original.message.replace(/, line:\d+, col:\d+$/, '');
  return (LIMIT_MESSAGES[detail] ?? detail).replace(
    /^ENOENT: Failed to lookup "([^"]+)" in "([^"]+)"$/,
    'include: no file "$1" in $2',
  );
}

/** Whether `file` is a regular file: a FIFO, socket or device would block the read, or never end. */
function isRegularFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * A template file's text: refused, before reading, when it is not a regular file or is certainly longer than the
 * parse limit (a UTF-8 character is at most 4 bytes), so a FIFO cannot hang the step nor a huge file fill memory.
 */
function readTemplateFile(file: string): string {
  const stats = statSync(file);
  if (!stats.isFile()) throw new Error(`${file} is not a regular file`);
  if (stats.size > 4 * LIQUID_LIMITS.parseLimit) throw new Error('parse length limit exceeded');
  return readFileSync(file, 'utf8');
}

/** `file` lies inside `root`, symbolic links resolved (what liquidjs' own Node fs checks). */
function containsSync(root: string, file: string): boolean {
  try {
    const realRoot = realpathSync(root);
    const prefix = realRoot.endsWith(path.sep) ? realRoot : realRoot + path.sep;
    return realpathSync(file).startsWith(prefix);
  } catch {
    return false;
  }
}

/** The file system liquidjs reads includes through: regular files inside the root only, and no require() fallback. */
const TEMPLATE_FS = {
  exists: async (file: string) => isRegularFile(file),
  existsSync: isRegularFile,
  readFile: async (file: string) => readTemplateFile(file),
  readFileSync: readTemplateFile,
  resolve: (dir: string, file: string, extension: string) =>
    path.resolve(dir, path.extname(file) ? file : file + extension),
  contains: async (root: string, file: string) => containsSync(root, file),
  containsSync,
  dirname: (file: string) => path.dirname(file),
  sep: path.sep,
};

const PAGE_PATH = 'pagePath';

/** Jekyll's `{% include_relative file %}`: a file beside the post, inside the site, rendered in the post's context. */
function includeRelativeTag(root: string) {
  return class extends Tag {
    private readonly target: string;
    constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
      super(token, remainTokens, liquid);
      this.target = token.args.trim().split(/\s+/)[0] ?? '';
    }
    *render(context: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const pagePath = context.getRegister<string>(PAGE_PATH);
      const relative = path.posix.join(path.posix.dirname(pagePath), this.target);
      let file: string;
      try {
        file = pathInside(root, relative);
      } catch {
        throw new Error(`include_relative: "${this.target}" leads outside the site`);
      }
      if (!existsSync(file)) throw new Error(`include_relative: no file "${relative}" in the site`);
      if (!isRegularFile(file))
        throw new Error(`include_relative: "${relative}" is not a file (a folder, pipe or device)`);
      const depth = context.getRegister(INCLUDE_DEPTH, 0) as number;
      if (depth >= LIQUID_LIMITS.includeDepth)
        throw new Error(
          `includes nested more than ${LIQUID_LIMITS.includeDepth} deep; does an include include itself?`,
        );
      context.setRegister(INCLUDE_DEPTH, depth + 1);
      try {
        yield this.liquid.renderer.renderTemplates(
          this.liquid.parse(readTemplateFile(file)),
          context,
          emitter,
        );
      } finally {
        context.setRegister(INCLUDE_DEPTH, depth);
      }
    }
  };
}

export interface RenderedLiquid {
  text: string;
  /**
   * The body line each line of `text` comes from (index 0 for line 1), when Liquid changed the lines: a line made
   * by a tag (a `{% for %}` expanded, an include) is the tag's line. Absent when every line is where it was.
   */
  sourceLines?: number[];
}

/** The body line a line of the rendered text comes from. */
export function sourceLine(rendered: Pick<RenderedLiquid, 'sourceLines'>, line: number): number {
  return rendered.sourceLines?.[line - 1] ?? line;
}

export interface LiquidRenderer {
  /** The body with its Liquid rendered; throws LiquidProblem with the body line. */
  render(body: string, page: Record<string, unknown>): RenderedLiquid;
}

const newlines = (text: string, from = 0, to = text.length) => {
  let count = 0;
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1))
    count += 1;
  return count;
};

/**
 * Renders the body's top-level templates one at a time, noting where each one's output starts: text keeps its
 * lines, everything a tag writes is put at the tag's line. Undefined when no line moved.
 */
function renderTracingLines(
  templates: Template[],
  context: Context,
  emitter: BoundedEmitter,
  engine: Liquid,
): number[] | undefined {
  const lines: number[] = [];
  let moved = false;
  for (const template of templates) {
    const start = emitter.buffer.length;
    toValueSync(engine.renderer.renderTemplates([template], context, emitter));
    const [line = 1] = template.token?.getPosition?.() ?? [];
    const written = newlines(emitter.buffer, start);
    const literal = template.token?.kind === TokenKind.HTML;
    // The first line of this output continues the last line already written.
    for (let offset = 1; offset <= written; offset += 1) {
      const from = literal ? line + offset : line;
      if (from !== lines.length + 2) moved = true;
      lines.push(from);
    }
  }
  return moved ? [1, ...lines] : undefined;
}

export function createLiquidRenderer(options: LiquidSiteOptions): LiquidRenderer {
  const engine = new Liquid({
    root: options.includesDir,
    partials: options.includesDir,
    relativeReference: false,
    jekyllInclude: true,
    jekyllWhere: true,
    dynamicPartials: false,
    strictFilters: true,
    strictVariables: false,
    cache: true,
    fs: TEMPLATE_FS,
    ...LIQUID_LIMITS,
  });

  const byName = new Map<string, string>();
  const byPath = new Map<string, string>();
  for (const post of options.posts) {
    const withoutExtension = post.relativePath.replace(POST_FILE, '');
    byPath.set(post.relativePath, post.url);
    byName.set(withoutExtension, post.url);
    byName.set(path.posix.basename(withoutExtension), post.url);
    // `{% post_url 2019/2019-01-01-x %}` names a post by its path inside `_posts`, and
    // `{% post_url notes/tech/2023-08-02-x %}` by the folders above `_posts` (Jekyll's PostComparer).
    const inPosts = /(?:^|\/)_posts\/(.+)$/.exec(withoutExtension)?.[1];
    if (inPosts) byName.set(inPosts, post.url);
    byName.set(withoutExtension.replace(/(^|\/)_posts\//, '$1'), post.url);
  }
  const jekyllSite = options.jekyllSite;

  engine.registerTag('highlight', HighlightTag);
  engine.registerTag('include', BoundedIncludeTag);
  engine.registerTag('capture', BoundedCaptureTag);
  engine.registerTag(
    'post_url',
    resolvingTag((name) => {
      const url = byName.get(name.replace(/^\/+/, ''));
      if (!url) throw new Error(`post_url: no post named "${name}" in ${options.contentDirName}`);
      return url;
    }),
  );
  if (jekyllSite) engine.registerTag('include_relative', includeRelativeTag(jekyllSite.root));
  engine.registerTag(
    'link',
    resolvingTag((target) => {
      const relative = target.replace(/^\/+/, '');
      if (jekyllSite) {
        // Jekyll's link: a path from the site root to a post, page or static file.
        const url = byPath.get(relative) ?? jekyllSite.files.get(relative);
        if (!url) throw new Error(`link: no post, page or file "${relative}" in the site`);
        return url;
      }
      const postsPrefix = `${options.contentDirName}/`;
      if (relative.startsWith(postsPrefix) || relative.startsWith('_posts/')) {
        const postPath = relative.slice(relative.indexOf('/') + 1);
        const url = byPath.get(postPath);
        if (!url) throw new Error(`link: no post "${postPath}" in ${options.contentDirName}`);
        return url;
      }
      if (!existsSync(path.join(options.publicDir, relative))) {
        throw new Error(
          `link: no file "${relative}" in ${options.publicDir}/ or ${options.contentDirName}/`,
        );
      }
      return `/${relative}`;
    }),
  );

  const rootRelative = (input: unknown) => {
    const value = String(input ?? '');
    if (/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(value)) return value;
    return `/${value.replace(/^\/+/, '')}`;
  };
  // Root-relative URLs in posts get the base path when the post is rendered
  // (lib/markdown/base-path.ts), so relative_url adds it once, like Jekyll's.
  engine.registerFilter('relative_url', (input: unknown) => {
    const url = rootRelative(input);
    return url.startsWith('/') && !url.startsWith('//') ? `${options.basePath}${url}` : url;
  });
  engine.registerFilter('absolute_url', (input: unknown) => {
    const url = rootRelative(input);
    return url.startsWith('/') && !url.startsWith('//')
      ? `${options.baseUrl}${options.basePath}${url}`
      : url;
  });
  engine.registerFilter('jsonify', (input: unknown) => JSON.stringify(input ?? null));

  const site = {
    ...options.site,
    ...(jekyllSite ? { data: jekyllSite.data } : {}),
    url: options.baseUrl,
    baseurl: options.basePath,
  };
  const jekyllVariable = { environment: options.environment ?? 'production', version: '4.3.1' };

  return {
    render(body, page) {
      if (!LIQUID_MARKUP.test(body)) return { text: body };
      let protectedCode: ReturnType<typeof protectCode>;
      if (jekyllSite) protectedCode = { text: body, restore: (rendered) => rendered };
      else
        try {
          protectedCode = protectCode(body);
        } catch (error) {
          // A body too deeply nested to read is reported, at its line, by the markdown step that reads it next.
          if (error instanceof MarkdownLimitError) return { text: body };
          throw error;
        }
      const { text, restore } = protectedCode;
      if (!LIQUID_MARKUP.test(text)) return { text: restore(text) };
      checkNesting(text, engine);
      try {
        const context = new Context(
          { site, page, jekyll: jekyllVariable },
          engine.options,
          { sync: true },
          { liquid: engine },
        );
        context.setRegister(RESTORE_CODE, restore);
        context.setRegister(PAGE_PATH, String(page.path ?? ''));
        const emitter = new BoundedEmitter();
        const sourceLines = renderTracingLines(engine.parse(text), context, emitter, engine);
        return { text: restore(emitter.buffer), ...(sourceLines ? { sourceLines } : {}) };
      } catch (error) {
        const [line] = (error instanceof LiquidError && error.token?.getPosition?.()) || [1];
        throw new LiquidProblem(line ?? 1, messageOf(error as Error));
      }
    },
  };
}
