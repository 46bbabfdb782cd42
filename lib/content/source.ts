/**
 * Reads the author's posts (CONTENT_DIR, e.g. a Jekyll `_posts`) as Jekyll
 * would: `.md` and `.markdown`, any byte order mark or line endings, front
 * matter checked field by field, Liquid rendered; then derives every field
 * (lib/content/post-fields.ts). It collects every problem, each as `file:line: message`,
 * instead of stopping at the first. `npm run check` is this plus the checks
 * across posts; the build stages its result for contentlayer.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  lstatSync,
  openSync,
  readFileSync,
  readSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import { runBodyJobs, type BodyJob } from './body-jobs';
import { drawResultDiagrams } from './diagrams';
import { DEFAULT_DIALECT, dialectKey, type MarkdownDialect } from '../markdown/dialect';
import { cacheKey, CACHED_OUTPUTS, codeFingerprint } from '../build/cache-key';
import { ContentError, POST_FILE, postSizeProblem, quoted } from './rules';
import { listFiles, listSourceFiles } from '../build/files';
import { problem, type Problem, type Severity } from '../build/problems';
import { pathInsideOrUndefined, safeDecode } from '../build/safe-path';
import { fieldLine, parseFrontMatter, splitFrontMatter, type FrontMatter } from './front-matter';
import { createLiquidRenderer, LiquidProblem, sourceLine, type LiquidSiteOptions } from './liquid';
import type { PostLink } from '../markdown/links';
import { stagedName } from './staging';
import {
  bodyFactsKey,
  completeFields,
  deriveHeaderFields,
  distinctSlugs,
  type HeaderFields,
  type BodyFacts,
  type BodyFactsCache,
  type DerivedFields,
} from './post-fields';
import { postPath } from '../site/urls';
import type { JekyllConfig } from '../jekyll/config';
import { frontMatterDefaults } from '../jekyll/defaults';
import { sortJekyllFiles, type JekyllSiteFiles } from '../jekyll/site-files';
import { readSiteData } from '../jekyll/data';
import {
  AUTHORS_DATA_FILE,
  authorsFileBeside,
  dataFileSource,
  readAuthorProfiles,
  type AuthorProfile,
  type ProfileSource,
} from './authors';
import { jekyllPageUrl } from '../jekyll/permalink';
import { loadPages, ownPageUrl, type LoadedPage, type PageFolder } from './pages';

/** Jekyll's has_yaml_header?: the file's first line is "---" (trailing spaces allowed). */
function startsWithFrontMatter(file: string): boolean {
  const head = Buffer.alloc(64);
  const descriptor = openSync(file, 'r');
  try {
    const read = readSync(descriptor, head, 0, head.length, 0);
    return /^---[ \t\r]*\n/.test(head.subarray(0, read).toString('latin1'));
  } finally {
    closeSync(descriptor);
  }
}

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
  /** Where Liquid moved lines: the line of `body` that each line of the rendered body comes from (liquid.ts). */
  sourceLines?: number[];
  fields: DerivedFields;
  /** Key of the body's facts in the cache. */
  factsKey: string;
  /** The body as HTML, when the step renders (builds, not `npm run check`). */
  html?: string;
  /** What the HTML was rendered from: a rebuild reuses it while this is unchanged. */
  htmlKey?: string;
  links: PostLink[];
  anchors: string[];
}

export interface ContentSource {
  posts: LoadedPost[];
  /** For a Jekyll site root, its files sorted as Jekyll sorts them (pages, static files…). */
  jekyllFiles?: JekyllSiteFiles;
  /** For a Jekyll site root, its `permalink` setting (the URLs of its pages depend on it). */
  jekyllPermalink?: string;
  /** The site's own markdown pages and a Jekyll site's (lib/content/pages.ts), and the Jekyll pages left to this site's own routes. */
  pages?: LoadedPage[];
  pagesNotCarried?: string[];
  /** Every file of the content folder that is read (lib/build/files.ts listSourceFiles): listed once a run. */
  files: string[];
  /** Every problem found, in file order. */
  problems: Problem[];
  /** Posts left out for an error in their front matter: their links are still checked, so all is said at once. */
  rejectedPosts: RejectedPost[];
  /** Posts and pages with `redirect_to` (jekyll-redirect-from): not published; their old URLs lead to the target. */
  moved: MovedDocument[];
  /** The author profiles of `_data/authors.yml` and `site.config.ts`, checked (lib/content/authors.ts). */
  authors: AuthorProfile[];
}

export interface MovedDocument {
  sourcePath: string;
  /** Where it moved: a site path or an http(s) URL. */
  url: string;
  oldUrls: string[];
  jekyllUrl: string;
  isDraft: boolean;
  moved: true;
}

export type RejectedPost = Pick<
  LoadedPost,
  'sourcePath' | 'relativePath' | 'bodyLineOffset' | 'sourceLines' | 'links' | 'anchors'
>;

export interface ContentOptions {
  contentDir: string;
  /** The `_config.yml` when the content folder is a Jekyll site root; unset for a folder of posts. */
  jekyll?: JekyllConfig;
  /** Profiles written in `site.config.ts`; they win over `_data/authors.yml`'s, key by key. */
  authorProfiles?: ProfileSource;
  /** Also redirect each post's Jekyll default URL (JEKYLL_REDIRECTS=1, for a folder of posts). */
  jekyllRedirects?: boolean;
  /** How messages name the content folder (as the author configured it). */
  displayDir: string;
  /** The folder of the site's own markdown pages (PAGES_DIR), as read and as messages name it. */
  pagesDir?: { dir: string; displayDir: string };
  excerptSeparator?: string;
  /** The markdown posts are written in: kramdown for a Jekyll site root, GFM otherwise (site.config.ts). */
  dialect?: MarkdownDialect;
  liquid: Omit<LiquidSiteOptions, 'posts' | 'contentDirName' | 'includesDir'>;
  /** Facts of bodies already parsed (kept on disk by the content step). */
  cache?: BodyFactsCache;
  /** Render each body to HTML, reusing the previous rendering of a post while its key is unchanged. */
  html?: { previous: (stagedName: string) => { key: string; html: string } | undefined };
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
  /** The folders above `_posts` of a Jekyll site's post. */
  folderCategories: string[];
  /** `date` written unquoted: Ruby's YAML may read it as a UTC timestamp (lib/jekyll/dates.ts). */
  dateIsPlain: boolean;
  modifiedMs?: number;
  sourcePath: string;
  yaml: string;
  body: string;
  bodyLineOffset: number;
  frontMatter: FrontMatter;
}

/**
 * What a post's HTML depends on besides its body and path: the code that renders it (lib/build/cache-key.ts) and
 * the files posts show (an image's size is read from its file).
 */
function renderingSignature(contentDir: string, contentFiles: readonly string[]): string {
  const hash = createHash('sha256').update(codeFingerprint(CACHED_OUTPUTS.postHtml));
  for (const [dir, files] of [
    [contentDir, contentFiles],
    ['public', listFiles('public')],
  ] as const) {
    for (const relative of files) {
      if (POST_FILE.test(relative) || relative.startsWith('content-assets/')) continue;
      const { size, mtimeMs } = statSync(path.join(dir, relative));
      hash.update(`${dir}/${relative}\0${size}\0${mtimeMs}\0`);
    }
  }
  return hash.digest('base64url');
}

/**
 * The profiles of the site's `_data/authors.yml` (a Jekyll site's was read with the rest of its `_data`, whose
 * problems are reported there), then the config's. An avatar must be a file of public/ or of the Jekyll site.
 */
function readProfiles(
  options: ContentOptions,
  jekyll: { files: JekyllSiteFiles; data: ReturnType<typeof readSiteData> } | undefined,
  problems: Problem[],
): AuthorProfile[] {
  const sources: ProfileSource[] = [];
  if (jekyll) {
    // The file Jekyll read as `site.data.authors` (the last of authors.yml, .yaml and .json).
    const relative = jekyll.files.dataFiles.filter((file) => AUTHORS_DATA_FILE.test(file)).at(-1);
    if (relative)
      sources.push({
        file: path.join(options.displayDir, relative),
        profiles: jekyll.data.data.authors,
        lineOf: jekyll.data.keyLines.get(relative) ?? (() => undefined),
        lenient: true,
      });
  } else {
    const file = authorsFileBeside(options.contentDir);
    if (file) {
      const read = dataFileSource(
        file,
        path.join(path.dirname(options.displayDir), '_data', path.basename(file)),
      );
      problems.push(...read.problems);
      if (read.source) sources.push(read.source);
    }
  }
  if (options.authorProfiles) sources.push(options.authorProfiles);
  const staticFiles = new Set(jekyll?.files.staticFiles.map((relative) => `/${relative}`));
  const publicDir = options.liquid.publicDir;
  const read = readAuthorProfiles(sources, (sitePath) => {
    const decoded = safeDecode(sitePath);
    if (staticFiles.has(decoded)) return true;
    const file = pathInsideOrUndefined(publicDir, decoded.slice(1));
    return file !== undefined && existsSync(file) && lstatSync(file).isFile();
  });
  problems.push(...read.problems);
  return read.profiles;
}

export async function loadContent(options: ContentOptions): Promise<ContentSource> {
  const problems: Problem[] = [];
  const parsed: ParsedFile[] = [];
  const files = listedFiles(options.contentDir, options.displayDir, problems);

  const jekyllFiles = options.jekyll
    ? sortJekyllFiles(files, options.jekyll, (relative) =>
        startsWithFrontMatter(path.join(options.contentDir, relative)),
      )
    : undefined;
  const siteData = jekyllFiles
    ? readSiteData(options.contentDir, options.displayDir, jekyllFiles.dataFiles)
    : undefined;
  problems.push(...(siteData?.problems ?? []));
  const jekyll = options.jekyll && { config: options.jekyll, data: siteData!.data };
  const authors = readProfiles(
    options,
    jekyllFiles && siteData ? { files: jekyllFiles, data: siteData } : undefined,
    problems,
  );
  const dialect = options.dialect ?? DEFAULT_DIALECT;
  const postFiles: { relativePath: string; folderCategories: string[]; draft: boolean }[] =
    jekyllFiles?.posts ?? [];
  if (!jekyllFiles) {
    for (const relativePath of files) {
      if (POST_LIKE.test(relativePath)) {
        problems.push(
          problem(
            path.join(options.displayDir, relativePath),
            1,
            'file',
            `only Markdown posts ending in .md or .markdown are read; rename it or move it out of ${options.displayDir}`,
          ),
        );
      } else if (POST_FILE.test(relativePath))
        postFiles.push({ relativePath, folderCategories: [], draft: false });
    }
  }

  for (const { relativePath, folderCategories, draft } of postFiles) {
    const sourcePath = path.join(options.displayDir, relativePath);
    const file = path.join(options.contentDir, relativePath);
    const tooBig = postSizeProblem(statSync(file).size);
    if (tooBig) {
      problems.push(problem(sourcePath, 1, 'file', tooBig));
      continue;
    }
    const text = normaliseText(readFileSync(file, 'utf8'));
    // Jekyll publishes a post without front matter; a folder of posts asks for it.
    const split =
      splitFrontMatter(text) ?? (jekyll ? { yaml: '', body: text, bodyLineOffset: 0 } : null);
    if (!split) {
      problems.push(
        problem(
          sourcePath,
          1,
          'front matter',
          'missing; a post starts with a "---" line, its fields (title, date…), and another "---" line',
        ),
      );
      continue;
    }
    const defaults = jekyll
      ? frontMatterDefaults(jekyll.config.defaults, relativePath, draft ? 'drafts' : 'posts')
      : {};
    const { data, problems: fieldProblems, plainFields } = parseFrontMatter(split.yaml, defaults);
    for (const found of fieldProblems)
      problems.push(problem(sourcePath, found.line, found.field, found.message));
    // A Jekyll draft is a draft by its folder; Jekyll reads no `draft:` field and publishes such a post.
    if (jekyll && data.draft === true && !draft)
      problems.push(
        problem(
          sourcePath,
          fieldLine(split.yaml, 'draft'),
          'draft',
          'Jekyll ignores "draft:" and publishes this post, so it is published here too; to hide it, move it to _drafts or write "published: false"',
          'warning',
        ),
      );
    if (jekyll) data.draft = draft;
    if (fieldProblems.length === 0)
      parsed.push({
        relativePath,
        sourcePath,
        folderCategories,
        dateIsPlain: plainFields?.has('date') ?? false,
        ...(draft ? { modifiedMs: statSync(file).mtimeMs } : {}),
        frontMatter: data,
        ...split,
      });
  }

  // Slugs, dates, titles and old URLs first: Liquid's post_url and link tags need every post's URL.
  const headers = new Map<ParsedFile, HeaderFields>();
  const fieldProblem = (file: ParsedFile, found: ContentError, severity: Severity) =>
    problems.push(
      problem(
        file.sourcePath,
        fieldLine(file.yaml, found.field),
        found.field,
        found.detail,
        severity,
      ),
    );
  for (const file of parsed) {
    const { header, errors, warnings } = deriveHeaderFields(file.frontMatter, {
      sourcePath: file.sourcePath,
      relativePath: file.relativePath,
      jekyllRedirects: options.jekyllRedirects,
      ...(jekyll
        ? {
            jekyll: {
              timeZone: jekyll.config.timezone,
              permalink: jekyll.config.permalink,
              folderCategories: file.folderCategories,
              dateIsPlain: file.dateIsPlain,
              modifiedMs: file.modifiedMs,
            },
          }
        : {}),
    });
    for (const error of errors) fieldProblem(file, error, 'error');
    for (const warning of warnings) fieldProblem(file, warning, 'warning');
    if (header) headers.set(file, header);
  }
  // jekyll-seo-tag reads `image: card.png` from the site root; many themes look in their own image folder
  // instead. When no file is at the root path and exactly one static file has that name, that is the image.
  if (jekyllFiles) {
    const staticPaths = new Set(jekyllFiles.staticFiles.map((relative) => `/${relative}`));
    for (const [file, header] of headers) {
      const image = header.shareImage;
      if (!image.startsWith('/') || staticPaths.has(image)) continue;
      const name = image.slice(image.lastIndexOf('/'));
      const found = [...staticPaths].filter((candidate) => candidate.endsWith(name));
      if (found.length !== 1) continue;
      header.shareImage = found[0]!;
      fieldProblem(
        file,
        new ContentError(
          file.sourcePath,
          'image',
          `${quoted(image)} is no file of the site; ${quoted(found[0]!)}, the one file of that name, is the share image`,
        ),
        'warning',
      );
    }
  }
  const distinct = distinctSlugs([...headers.values()]);
  for (const [file, header] of headers) {
    header.postSlug = distinct.slugs.get(header.sourcePath) ?? header.postSlug;
    const warning = distinct.warnings.find((found) => found.file === header.sourcePath);
    if (warning) fieldProblem(file, warning, 'warning');
  }
  const urlOf = (file: ParsedFile) => {
    const header = headers.get(file);
    return header ? postPath(header.postSlug) : undefined;
  };
  const includesDir = jekyll
    ? path.join(options.contentDir, '_includes')
    : includesDirFor(options.contentDir);
  const liquid = createLiquidRenderer({
    ...options.liquid,
    ...(jekyll
      ? {
          jekyllSite: {
            root: options.contentDir,
            data: jekyll.data,
            // A page's URL here (a page's own permalink is read later, with its front matter).
            files: new Map([
              ...(jekyllFiles?.staticFiles ?? []).map(
                (relative) => [relative, `/${relative}`] as const,
              ),
              ...(jekyllFiles?.pages ?? []).map(
                (relative) =>
                  [
                    relative,
                    ownPageUrl(
                      jekyllPageUrl({
                        relativePath: relative,
                        sitePermalink: jekyll.config.permalink,
                      }),
                    ),
                  ] as const,
              ),
            ]),
          },
        }
      : {}),
    // Named relative to the project when inside it, as messages name files.
    includesDir: path.relative(process.cwd(), includesDir).startsWith('..')
      ? includesDir
      : path.relative(process.cwd(), includesDir),
    contentDirName: path.basename(path.resolve(options.contentDir)),
    posts: parsed.flatMap((file) => {
      const url = urlOf(file);
      return url ? [{ relativePath: file.relativePath, url }] : [];
    }),
  });

  const rendered = parsed.map((file) => {
    let body = file.body;
    let sourceLines: number[] | undefined;
    if (file.frontMatter.render_with_liquid !== false) {
      try {
        const header = headers.get(file);
        // `page.*` as Jekyll fills it: the date and title it worked out, not only those written.
        ({ text: body, sourceLines } = liquid.render(file.body, {
          ...file.frontMatter,
          ...(header
            ? {
                date: header.publishedAt.iso,
                title: header.title,
                slug: header.postSlug,
                categories: header.categoryRefs.map((ref) => ref.name),
                tags: header.tagRefs.map((ref) => ref.name),
              }
            : {}),
          url: urlOf(file),
          path: file.relativePath,
        }));
      } catch (error) {
        if (!(error instanceof LiquidProblem)) throw error;
        // Reported; the post is still checked as written, so other posts' links to it stay valid.
        problems.push(
          problem(file.sourcePath, file.bodyLineOffset + error.line, 'liquid', error.detail),
        );
      }
    }
    return { file, body, sourceLines };
  });

  const pageFolders: PageFolder[] = [];
  if (jekyll && jekyllFiles)
    pageFolders.push({
      dir: options.contentDir,
      displayDir: options.displayDir,
      relativePaths: jekyllFiles.pages,
      jekyll: jekyll.config,
    });
  if (options.pagesDir) pageFolders.push(ownPageFolder(options.pagesDir, problems));
  const loadedPages =
    pageFolders.length > 0
      ? await loadPages(pageFolders, { liquid, dialect, drawDiagrams: Boolean(options.html) })
      : undefined;
  problems.push(...(loadedPages?.problems ?? []));

  // Facts (and HTML) of changed bodies only, computed in parallel.
  const signature = options.html ? renderingSignature(options.contentDir, files) : '';
  const work = rendered.map(({ file, body, sourceLines }) => {
    const separator = file.frontMatter.excerpt_separator ?? options.excerptSeparator;
    const factsKey = bodyFactsKey(body, separator, dialect);
    const staged = stagedName(file.relativePath);
    // A Jekyll site's post: its relative URLs resolve against the URL Jekyll gave it.
    const documentUrl = (jekyll && headers.get(file)?.jekyllUrl) || undefined;
    const htmlKey = options.html
      ? cacheKey(signature, dialectKey(dialect), documentUrl ?? '', staged, body)
      : undefined;
    const previous = options.html?.previous(staged);
    return {
      file,
      body,
      sourceLines,
      documentUrl,
      separator,
      factsKey,
      staged,
      htmlKey,
      facts: options.cache?.get(factsKey),
      html: previous && previous.key === htmlKey ? previous.html : undefined,
    };
  });
  const jobs: BodyJob[] = [];
  const jobOwners: (typeof work)[number][] = [];
  for (const item of work) {
    const needsHtml = Boolean(options.html) && item.html === undefined;
    if (item.facts && !needsHtml) continue;
    jobs.push({
      body: item.body,
      excerptSeparator: item.separator,
      dialect,
      ...(item.documentUrl ? { documentUrl: item.documentUrl } : {}),
      relativePath: item.staged,
      facts: !item.facts,
      html: needsHtml,
    });
    jobOwners.push(item);
  }
  const results = await runBodyJobs(jobs);
  // Only bodies rendered now have diagrams to draw: a reused body's HTML has its drawings already.
  if (options.html) await drawResultDiagrams(results);
  results.forEach((result, index) => {
    const item = jobOwners[index]!;
    for (const found of result.problems ?? []) {
      problems.push(
        problem(
          item.file.sourcePath,
          item.file.bodyLineOffset + sourceLine(item, found.line),
          found.field,
          found.message,
          found.severity,
        ),
      );
    }
    if (result.facts) item.facts = result.facts;
    if (result.html !== undefined) item.html = result.html;
    // A body with problems is read again next time, so they are reported again (and its facts may be placeholders).
    if (result.problems?.length) item.htmlKey = undefined;
    else if (result.facts) options.cache?.set(item.factsKey, result.facts);
  });

  const posts: LoadedPost[] = [];
  const rejectedPosts: RejectedPost[] = [];
  const moved: MovedDocument[] = [...(loadedPages?.moved ?? [])];
  for (const { file, facts, sourceLines } of work) {
    for (const handler of facts?.handlers ?? []) {
      const message = `${handler.attribute}= in raw HTML does not run: the site's Content-Security-Policy allows no inline event handler; attach it from a <script> instead`;
      problems.push(
        problem(
          file.sourcePath,
          file.bodyLineOffset + sourceLine({ sourceLines }, handler.line),
          'raw HTML',
          message,
          'warning',
        ),
      );
    }
  }
  for (const { file, body, sourceLines, factsKey, htmlKey, html, facts } of work) {
    const header = headers.get(file);
    if (!header) {
      if (facts)
        rejectedPosts.push({
          sourcePath: file.sourcePath,
          relativePath: file.relativePath,
          bodyLineOffset: file.bodyLineOffset,
          ...(sourceLines ? { sourceLines } : {}),
          links: facts.links,
          anchors: facts.anchors,
        });
      continue;
    }
    if (header.redirectTo) {
      moved.push({
        sourcePath: header.sourcePath,
        url: header.redirectTo,
        oldUrls: header.oldUrls,
        jekyllUrl: header.jekyllUrl,
        isDraft: header.isDraft,
        moved: true,
      });
      continue;
    }
    const fields = completeFields(header, file.frontMatter, facts as BodyFacts);
    posts.push({
      ...file,
      body,
      ...(sourceLines ? { sourceLines } : {}),
      fields,
      factsKey,
      html,
      htmlKey,
      links: facts!.links,
      anchors: facts!.anchors,
    });
  }
  return {
    posts,
    files,
    problems,
    rejectedPosts,
    moved,
    authors,
    ...(jekyllFiles ? { jekyllFiles } : {}),
    ...(options.jekyll?.permalink ? { jekyllPermalink: options.jekyll.permalink } : {}),
    ...(loadedPages ? { pages: loadedPages.pages, pagesNotCarried: loadedPages.notCarried } : {}),
  };
}

/** The files of an author's folder to read; what is not read is a problem naming it. */
function listedFiles(dir: string, displayDir: string, problems: Problem[]): string[] {
  const { files, unread } = listSourceFiles(dir);
  for (const entry of unread)
    problems.push(problem(path.join(displayDir, entry.relativePath), 1, 'file', entry.message));
  return files;
}

/** The markdown files of the own pages' folder; anything else there is reported, not published. */
function ownPageFolder(
  pagesDir: { dir: string; displayDir: string },
  problems: Problem[],
): PageFolder {
  const relativePaths: string[] = [];
  for (const relativePath of listedFiles(pagesDir.dir, pagesDir.displayDir, problems)) {
    if (POST_FILE.test(relativePath)) relativePaths.push(relativePath);
    else
      problems.push(
        problem(
          path.join(pagesDir.displayDir, relativePath),
          1,
          'file',
          'is not a markdown page, and is not published; put the files pages link to in public/',
          'warning',
        ),
      );
  }
  return { ...pagesDir, relativePaths };
}

/** A ContentError from a rule across posts (two slugs alike…), with the line of its field. */
export function problemAt(error: ContentError, posts: readonly LoadedPost[]): Problem {
  const post = posts.find((candidate) => candidate.sourcePath === error.file);
  return problem(
    error.file,
    post ? fieldLine(post.yaml, error.field) : 1,
    error.field,
    error.detail,
  );
}
