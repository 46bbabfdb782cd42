/**
 * The checks of the content step that need every post at once, and the choices made from all of them:
 * one slug per post, every internal link and image of every published post, every permalink a path of its
 * own (never one the export already has), the files of the content folder to publish, and the content
 * folder itself. `checkContent` is `npm run check` beyond reading each post (lib/content/source.ts).
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from '../build/files';
import { GENERATED_DIRS } from '../build/paths.mjs';
import { problem, type Problem } from '../build/problems';
import { safeDecode } from '../build/safe-path';
import {
  buildRedirects,
  redirectFile,
  redirectSource,
  type Redirect,
  type RedirectSource,
} from '../export/redirects';
import { exportPaths, pathConflict } from '../site/export-paths';
import { buildPostIndex, type IndexOptions, type PostIndex } from '../site/post-index';
import { listedAssets, referencedAssets } from './assets';
import { checkLinks } from './link-check';
import { ContentError, postSizeProblem, quoted } from './rules';
import { fieldLine, parseFrontMatter, splitFrontMatter } from './front-matter';
import { ownPageUrl } from './pages';
import { jekyllPageUrl } from '../jekyll/permalink';
import { problemAt, type ContentSource } from './source';

export interface CheckOptions {
  /** The content folder, absolute, and as messages name it. */
  contentDir: string;
  displayDir: string;
  /** The folder served at the site's root. */
  publicDir: string;
  publish: IndexOptions;
  postsPerPage: number;
  basePath: string;
  /** The site's origin: absolute links to it are checked as internal links. */
  origin: string;
  /** Files of the content folder published without a link (site.config.ts `contentAssets`). */
  contentAssets: readonly string[];
}

export interface ContentCheck {
  /** Every problem across posts, and of the settings that name content. */
  problems: Problem[];
  /** The files of the content folder to publish, relative to it. */
  assets: string[];
  /** Old URLs that will redirect to posts, and the post each leads to. */
  redirects: ReadonlyMap<string, string>;
  /** The posts and pages that moved (`redirect_to`) and are published under the publish rule: their redirects. */
  moved: RedirectSource[];
}

/** The post index of what would be published, or the problem that stops it (two posts with one slug…). */
function indexOf(posts: ContentSource['posts'], publish: IndexOptions): PostIndex | Problem {
  try {
    return buildPostIndex(
      posts.map((post) => ({ ...post.fields, html: '' })),
      publish,
    );
  } catch (error) {
    if (error instanceof ContentError) return problemAt(error, posts);
    throw error;
  }
}

/**
 * Rules across posts: one slug per post; every internal link and image of every published post; every
 * permalink a path of its own, never one the export already has (a page, a feed, a file of public/, the
 * framework's, search's or the assets' folders).
 */
function crossPostProblems(
  source: ContentSource,
  index: PostIndex,
  options: CheckOptions,
): { problems: Problem[]; redirects: ReadonlyMap<string, string>; moved: RedirectSource[] } {
  const { posts } = source;
  const moved = source.moved.filter((document) => options.publish.showDrafts || !document.isDraft);
  const paths = exportPaths(index, options.postsPerPage, listFiles(options.publicDir));
  // Markdown pages (own and a Jekyll site's) are pages of the site: links may lead to them, and theirs are checked too.
  const pages = source.pages ?? [];
  for (const page of pages) {
    paths.pages.add(page.url);
    paths.files.add(redirectFile(page.url));
  }
  const bySourcePath = new Map(posts.map((post) => [post.sourcePath, post]));
  const problems: Problem[] = [];
  let redirects: Redirect[] = [];
  try {
    redirects = buildRedirects([
      ...index.posts.map((listed) =>
        redirectSource(listed, bySourcePath.get(listed.sourcePath)!.fields),
      ),
      ...pages,
      ...moved,
    ]);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    problems.push(problemAt(error, posts));
  }
  const kept: Redirect[] = [];
  for (const redirect of redirects) {
    const conflict = pathConflict(redirect.from, paths);
    if (!conflict) {
      kept.push(redirect);
      continue;
    }
    // A post's own field; a page's or a moved document's is told by which of its URLs this is.
    const frontMatter = bySourcePath.get(redirect.sourcePath)?.frontMatter;
    const field = (
      frontMatter
        ? frontMatter.permalink?.trim() === redirect.from || frontMatter.redirect_from === undefined
        : !redirect.explicit
    )
      ? 'permalink'
      : 'redirect_from';
    problems.push(
      redirect.explicit
        ? problemAt(
            new ContentError(
              redirect.sourcePath,
              field,
              `"${redirect.from}" ${conflict}; choose another`,
            ),
            posts,
          )
        : {
            ...problemAt(
              new ContentError(
                redirect.sourcePath,
                'permalink',
                `Jekyll's URL of this post, "${redirect.from}", ${conflict}; that is kept, and the old URL no longer leads to the post`,
              ),
              posts,
            ),
            severity: 'warning',
          },
    );
  }
  const staticFiles = new Set<string>();
  for (const relative of source.jekyllFiles?.staticFiles ?? []) {
    const conflict = pathConflict(`/${relative}`, paths);
    if (conflict)
      problems.push(
        problem(
          path.join(options.displayDir, relative),
          1,
          'file',
          `not copied into the site: its path ${conflict.replace(/^is /, 'is ')}`,
          'warning',
        ),
      );
    else staticFiles.add(`/${relative}`);
  }
  // An author's share image (`image:`) at a path of the site must be there, as any image a post shows.
  for (const listed of index.posts) {
    const image = listed.shareImage.url;
    if (listed.shareImage.drawn || !image.startsWith('/')) continue;
    const decoded = safeDecode(image.split(/[?#]/)[0]!);
    if (staticFiles.has(decoded) || paths.files.has(decoded)) continue;
    const post = bySourcePath.get(listed.sourcePath)!;
    problems.push(
      problem(
        post.sourcePath,
        fieldLine(post.yaml, 'image'),
        'image',
        `${quoted(image)}: no file of the site has this path; the post is shared without an image`,
        source.jekyllFiles ? 'warning' : 'error',
      ),
    );
  }
  // A profile's link to a path of the site must lead to a page or file of it (a Jekyll site's: a warning).
  for (const profile of source.authors)
    for (const link of profile.links) {
      if (!link.url.startsWith('/')) continue;
      const decoded = safeDecode(link.url.split(/[?#]/)[0]!);
      const candidates = [decoded, decoded.endsWith('/') ? decoded : `${decoded}/`];
      if (
        candidates.some(
          (candidate) =>
            staticFiles.has(candidate) || paths.files.has(candidate) || paths.pages.has(candidate),
        )
      )
        continue;
      problems.push(
        problem(
          profile.sourcePath,
          profile.lineOf(link.field),
          `${profile.key}.${link.field}`,
          `${quoted(link.url)}: no page or file of the site has this path`,
          source.jekyllFiles ? 'warning' : 'error',
        ),
      );
    }
  problems.push(
    ...checkLinks(
      [
        ...index.posts.map((listed) => {
          const post = bySourcePath.get(listed.sourcePath)!;
          return {
            sourcePath: post.sourcePath,
            relativePath: post.relativePath,
            url: listed.url,
            lineOffset: post.bodyLineOffset,
            sourceLines: post.sourceLines,
            ...(source.jekyllFiles && post.fields.jekyllUrl
              ? { documentUrl: post.fields.jekyllUrl }
              : {}),
            links: post.links,
            anchors: post.anchors,
          };
        }),
        // A post left out for its front matter has no URL: its own `#anchor` links are checked under its file.
        ...source.rejectedPosts.map((post) => ({
          sourcePath: post.sourcePath,
          relativePath: post.relativePath,
          url: `file:${post.relativePath}`,
          lineOffset: post.bodyLineOffset,
          sourceLines: post.sourceLines,
          links: post.links,
          anchors: post.anchors,
        })),
        ...pages.map((page) => ({
          sourcePath: page.sourcePath,
          relativePath: page.relativePath,
          url: page.url,
          lineOffset: page.bodyLineOffset,
          sourceLines: page.sourceLines,
          documentUrl: page.jekyllUrl,
          links: page.links,
          anchors: page.anchors,
        })),
      ],
      {
        pages: paths.pages,
        publicDir: options.publicDir,
        contentDir: options.contentDir,
        basePath: options.basePath,
        origin: options.origin,
        staticFiles,
        oldUrls: new Map(kept.map((redirect) => [redirect.from, redirect.to])),
        brokenLinksAreWarnings: Boolean(source.jekyllFiles),
        themePages: themePageUrls(source, options),
      },
    ),
  );
  return {
    problems,
    redirects: new Map(kept.map((redirect) => [redirect.from, redirect.to])),
    moved,
  };
}

/** The files of the content folder that published posts link to, resolved and known to exist. */
function linkedAssets({ posts, files }: ContentSource, index: PostIndex): string[] {
  const published = new Set(index.posts.map((listed) => listed.sourcePath));
  // The listing leaves out dot files and folders, and links that lead out of the folder.
  const known = new Set(files);
  return referencedAssets(
    posts.filter((post) => published.has(post.sourcePath)),
    (relative) => known.has(relative),
  );
}

/** A `contentAssets` entry that names no file is a typo worth a line. */
function listedAssetProblems(unmatched: readonly string[], options: CheckOptions): Problem[] {
  if (unmatched.length === 0) return [];
  const line =
    readFileSync('site.config.ts', 'utf8')
      .split('\n')
      .findIndex((text) => /^\s*contentAssets:/.test(text)) + 1;
  return unmatched.map((entry) =>
    problem(
      'site.config.ts',
      Math.max(line, 1),
      'contentAssets',
      `"${entry}" names no file of ${options.displayDir} (dot files are never published)`,
      'warning',
    ),
  );
}

/**
 * The checks across posts, and the files of the content folder to publish: those published posts link to
 * and those the site config lists (`contentAssets`), the only ones mirrored into the site.
 */
export function checkContent(source: ContentSource, options: CheckOptions): ContentCheck {
  const listed = listedAssets(options.contentAssets, source.files);
  const problems = listedAssetProblems(listed.unmatched, options);
  if (source.posts.length === 0 && source.problems.length === 0) {
    problems.push(
      problem(options.displayDir, 1, 'posts', 'no posts found; add a .md file or set CONTENT_DIR'),
    );
  }
  const index = indexOf(source.posts, options.publish);
  if (!('posts' in index))
    return { problems: [index, ...problems], assets: [], redirects: new Map(), moved: [] };
  const across = crossPostProblems(source, index, options);
  return {
    problems: [...across.problems, ...problems],
    redirects: across.redirects,
    moved: across.moved,
    assets: [...new Set([...linkedAssets(source, index), ...listed.assets])].sort(),
  };
}

/**
 * A content folder the build writes into, or that holds the project's output, would lose posts or publish the
 * build's own files: refused before anything runs.
 */
export function contentDirProblem(
  contentDir: string,
  displayDir: string,
  setting = 'CONTENT_DIR',
): string | null {
  const real = (dir: string) => (existsSync(dir) ? realpathSync(dir) : path.resolve(dir));
  const content = real(contentDir);
  const overlaps = (a: string, b: string) =>
    a === b || a.startsWith(b + path.sep) || b.startsWith(a + path.sep);
  for (const written of [...GENERATED_DIRS, 'node_modules']) {
    if (overlaps(content, real(written)))
      return `${displayDir}: ${setting} overlaps ${written}/, which the build writes or owns; keep posts and pages in folders of their own`;
  }
  if (content === real('.'))
    return `${displayDir}: ${setting} is the project itself; keep posts and pages in folders of their own (content/posts, content/pages)`;
  return null;
}

/**
 * The paths Jekyll gave a site's HTML pages built by its old theme (`projects.html` with `permalink:
 * /projects/`), so a link to one is named for what it is. Only the front matter's `permalink` is read.
 */
function themePageUrls(source: ContentSource, options: CheckOptions): Map<string, string> {
  const urls = new Map<string, string>();
  for (const relativePath of source.jekyllFiles?.themePages ?? []) {
    const file = path.join(options.contentDir, relativePath);
    let permalink: string | undefined;
    try {
      if (postSizeProblem(statSync(file).size)) continue;
      const split = splitFrontMatter(readFileSync(file, 'utf8'));
      const value = split ? parseFrontMatter(split.yaml, {}).data.permalink : undefined;
      permalink = typeof value === 'string' ? value : undefined;
    } catch {
      continue; // unreadable: the listing reported it
    }
    try {
      const url = jekyllPageUrl({
        relativePath,
        sitePermalink: source.jekyllPermalink,
        ...(permalink ? { pagePermalink: permalink } : {}),
      });
      const shown = path.join(options.displayDir, relativePath);
      urls.set(url, shown);
      urls.set(ownPageUrl(url), shown);
    } catch {
      // a permalink Jekyll refuses: no URL to name
    }
  }
  return urls;
}
