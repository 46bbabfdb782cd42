/**
 * Reads the author's posts (CONTENT_DIR, e.g. a Jekyll `_posts`) as Jekyll
 * would: `.md` and `.markdown`, any byte order mark or line endings, front
 * matter checked field by field, Liquid rendered; then derives every field
 * (lib/post-fields.ts). It collects every problem, each as `file:line: message`,
 * instead of stopping at the first. `npm run check` is this plus the checks
 * across posts; the build stages its result for contentlayer.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ContentError, postSlug } from './content-rules';
import { fieldLine, parseFrontMatter, splitFrontMatter, type FrontMatter } from './front-matter';
import { createLiquidRenderer, LiquidProblem, type LiquidSiteOptions } from './liquid';
import type { PostLink } from './markdown/links';
import { derivePostFields, type BodyFactsCache, type DerivedFields } from './post-fields';
import { postPath } from './urls';

export const POST_FILE = /\.(md|markdown)$/i;
/** Files that look like posts but are not read: reported, never skipped silently. */
const POST_LIKE = /\.(mdown|mkd|mkdn|mdx|html|textile)$/i;

export interface LoadedPost {
  /** Relative to the content folder, as the author named it. */
  relativePath: string;
  /** The author's file as messages name it (content folder as configured + relative path). */
  sourcePath: string;
  frontMatter: FrontMatter;
  /** The front matter's YAML as written, for staging. */
  yaml: string;
  /** The body with Liquid rendered. */
  body: string;
  /** Body line n is file line (this + n). */
  bodyLineOffset: number;
  fields: DerivedFields;
  /** Key of the body's facts in the cache. */
  factsKey: string;
  links: PostLink[];
  anchors: string[];
}

export interface ContentSource {
  posts: LoadedPost[];
  /** Every problem found, `file:line: field: message`, in file order. */
  problems: string[];
}

export interface ContentOptions {
  contentDir: string;
  /** How messages name the content folder (as the author configured it). */
  displayDir: string;
  excerptSeparator?: string;
  liquid: Omit<LiquidSiteOptions, 'posts' | 'contentDirName' | 'includesDir'>;
  /** Facts of bodies already parsed (kept on disk by the content step). */
  cache?: BodyFactsCache;
}

/** Post-like files under a folder, relative to it, sorted. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** The text as the rules read it: no byte order mark, LF line endings. */
export function normaliseText(raw: string): string {
  return raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** `_includes` beside the content folder, as in a Jekyll site (`_posts` and `_includes` side by side). */
export function includesDirFor(contentDir: string): string {
  return path.join(path.dirname(path.resolve(contentDir)), '_includes');
}

interface ParsedFile {
  relativePath: string;
  sourcePath: string;
  yaml: string;
  body: string;
  bodyLineOffset: number;
  frontMatter: FrontMatter;
}

export function loadContent(options: ContentOptions): ContentSource {
  const problems: string[] = [];
  const parsed: ParsedFile[] = [];
  const files = existsSync(options.contentDir) ? listFiles(options.contentDir) : [];

  for (const relativePath of files) {
    const sourcePath = path.join(options.displayDir, relativePath);
    if (POST_LIKE.test(relativePath)) {
      problems.push(`${sourcePath}:1: file: only Markdown posts ending in .md or .markdown are read; rename it or move it out of ${options.displayDir}`);
      continue;
    }
    if (!POST_FILE.test(relativePath)) continue;
    const text = normaliseText(readFileSync(path.join(options.contentDir, relativePath), 'utf8'));
    const split = splitFrontMatter(text);
    if (!split) {
      problems.push(`${sourcePath}:1: front matter: missing; a post starts with a "---" line, its fields (title, date…), and another "---" line`);
      continue;
    }
    const { data, problems: fieldProblems } = parseFrontMatter(split.yaml);
    for (const problem of fieldProblems) problems.push(`${sourcePath}:${problem.line}: ${problem.field}: ${problem.message}`);
    if (fieldProblems.length === 0) parsed.push({ relativePath, sourcePath, frontMatter: data, ...split });
  }

  // Liquid's post_url and link tags need every post's URL before any body is rendered.
  const urlOf = (file: ParsedFile) => {
    try {
      return postPath(postSlug(file.sourcePath, file.frontMatter.slug));
    } catch {
      return undefined; // reported below, by the slug rule
    }
  };
  const includesDir = includesDirFor(options.contentDir);
  const liquid = createLiquidRenderer({
    ...options.liquid,
    // Named relative to the project when inside it, as messages name files.
    includesDir: path.relative(process.cwd(), includesDir).startsWith('..') ? includesDir : path.relative(process.cwd(), includesDir),
    contentDirName: path.basename(path.resolve(options.contentDir)),
    posts: parsed.flatMap((file) => {
      const url = urlOf(file);
      return url ? [{ relativePath: file.relativePath, url }] : [];
    }),
  });

  const posts: LoadedPost[] = [];
  for (const file of parsed) {
    let body = file.body;
    if (file.frontMatter.render_with_liquid !== false) {
      try {
        body = liquid.render(file.body, { ...file.frontMatter, url: urlOf(file), path: file.relativePath });
      } catch (error) {
        if (!(error instanceof LiquidProblem)) throw error;
        // Reported; the post is still checked as written, so other posts' links to it stay valid.
        problems.push(`${file.sourcePath}:${file.bodyLineOffset + error.line}: liquid: ${error.detail}`);
      }
    }
    const { fields, errors, facts, factsKey } = derivePostFields(file.frontMatter, body, file.sourcePath, options.excerptSeparator, options.cache);
    for (const error of errors) problems.push(`${file.sourcePath}:${fieldLine(file.yaml, error.field)}: ${error.field}: ${error.detail}`);
    if (!fields || !facts) continue;
    posts.push({ ...file, body, fields, factsKey, links: facts.links, anchors: facts.anchors });
  }
  return { posts, problems };
}

/** A ContentError from a rule across posts (two slugs alike…), with the line of its field. */
export function problemAt(error: ContentError, posts: readonly LoadedPost[]): string {
  const post = posts.find((candidate) => candidate.sourcePath === error.file);
  const line = post ? fieldLine(post.yaml, error.field) : 1;
  return `${error.file}:${line}: ${error.field}: ${error.detail}`;
}
