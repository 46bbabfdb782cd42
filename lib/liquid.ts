/**
 * Liquid in post bodies, rendered as Jekyll renders it, by liquidjs (the engine
 * Eleventy uses), before contentlayer sees the post (lib/content-staging.ts):
 * `{% raw %}`, `{% highlight lang %}` (to a fenced code block), `{% post_url %}`
 * and `{% link %}` (to this site's URLs), `{% include %}` from `_includes`
 * beside the content folder, `relative_url`/`absolute_url`, `site.*` and `page.*`.
 *
 * Differences from Jekyll, on purpose: code blocks and inline code are never
 * rendered (Jekyll renders them, which is why its authors wrap them in
 * `{% raw %}`; those markers are removed, as Jekyll removes them), and an
 * unknown filter fails like an unknown tag. Undefined variables render empty.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  Liquid,
  LiquidError,
  Tag,
  type Context,
  type Emitter,
  type Parser,
  type TagToken,
  type Template,
  type TopLevelToken,
} from 'liquidjs';
import type { Nodes } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

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
  posts: LiquidPostRef[];
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
const RAW_MARKER = /^[ \t]*\{%-?\s*(?:end)?raw\s*-?%\}[ \t]*\n|\{%-?\s*(?:end)?raw\s*-?%\}/gm;

/** Byte ranges of code (fenced, indented, inline) in a markdown body. */
function codeRanges(markdown: string): [number, number][] {
  const ranges: [number, number][] = [];
  const visit = (node: Nodes) => {
    if ((node.type === 'code' || node.type === 'inlineCode') && node.position) {
      ranges.push([node.position.start.offset ?? 0, node.position.end.offset ?? 0]);
      return;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(unified().use(remarkParse).parse(markdown));
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
    text += markdown.slice(at, start) + `\uE000${saved.length}${'\n'.repeat(code.split('\n').length - 1)}\uE001`;
    saved.push(code.replace(RAW_MARKER, ''));
    at = end;
  }
  text += markdown.slice(at);
  return { text, restore: (rendered) => rendered.replace(PLACEHOLDER, (_, index: string) => saved[Number(index)] ?? '') };
}

/** Restores the code of the post being rendered (rendering is synchronous, one post at a time). */
let restoreCurrentCode: (text: string) => string = (text) => text;

/** `{% highlight lang [linenos] %}…{% endhighlight %}` becomes a fenced code block, as Jekyll's highlighter would render it. */
class HighlightTag extends Tag {
  private readonly language: string;
  private readonly templates: Template[] = [];

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remainTokens, liquid);
    this.language = token.args.trim().split(/\s+/)[0] ?? '';
    if (!/^[\w+#.-]*$/.test(this.language)) throw new Error(`highlight: "${this.language}" is not a language name`);
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
    const code = restoreCurrentCode(rendered).replace(/^\s*\n|\s+$/g, '');
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

export interface LiquidRenderer {
  /** The body with its Liquid rendered; throws LiquidProblem with the body line. */
  render(body: string, page: Record<string, unknown>): string;
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
  });

  const byName = new Map<string, string>();
  const byPath = new Map<string, string>();
  for (const post of options.posts) {
    const withoutExtension = post.relativePath.replace(/\.(md|markdown)$/i, '');
    byPath.set(post.relativePath, post.url);
    byName.set(withoutExtension, post.url);
    byName.set(path.posix.basename(withoutExtension), post.url);
  }

  engine.registerTag('highlight', HighlightTag);
  engine.registerTag(
    'post_url',
    resolvingTag((name) => {
      const url = byName.get(name.replace(/^\/+/, ''));
      if (!url) throw new Error(`post_url: no post named "${name}" in ${options.contentDirName}`);
      return url;
    }),
  );
  engine.registerTag(
    'link',
    resolvingTag((target) => {
      const relative = target.replace(/^\/+/, '');
      const postsPrefix = `${options.contentDirName}/`;
      if (relative.startsWith(postsPrefix) || relative.startsWith('_posts/')) {
        const postPath = relative.slice(relative.indexOf('/') + 1);
        const url = byPath.get(postPath);
        if (!url) throw new Error(`link: no post "${postPath}" in ${options.contentDirName}`);
        return url;
      }
      if (!existsSync(path.join(options.publicDir, relative))) {
        throw new Error(`link: no file "${relative}" in ${options.publicDir}/ or ${options.contentDirName}/`);
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
    return url.startsWith('/') && !url.startsWith('//') ? `${options.baseUrl}${options.basePath}${url}` : url;
  });
  engine.registerFilter('jsonify', (input: unknown) => JSON.stringify(input ?? null));

  const site = { ...options.site, url: options.baseUrl, baseurl: options.basePath };

  return {
    render(body, page) {
      if (!LIQUID_MARKUP.test(body)) return body;
      const { text, restore } = protectCode(body);
      if (!LIQUID_MARKUP.test(text)) return restore(text);
      restoreCurrentCode = restore;
      try {
        return restore(engine.parseAndRenderSync(text, { site, page }));
      } catch (error) {
        if (error instanceof LiquidError) {
          const [line] = error.token?.getPosition?.() ?? [1];
          const detail = (error.originalError?.message ?? error.message).replace(/, line:\d+, col:\d+$/, '');
          throw new LiquidProblem(line ?? 1, detail.replace(/^ENOENT: Failed to lookup "([^"]+)" in "([^"]+)"$/, 'include: no file "$1" in $2'));
        }
        throw new LiquidProblem(1, (error as Error).message);
      }
    },
  };
}
