/**
 * The folder contentlayer reads: one JSON document per post, as
 * lib/content/source.ts read, checked and rendered it: the front matter as
 * written, every derived field (computed once in lib/content/post-fields.ts, declared
 * in contentlayer.config.ts, `sourcePath` among them so every message names the
 * author's file), and `htmlFile` (the body rendered by our markdown pipeline, in HTML_DIR). The key each body
 * was rendered from is kept apart, in HTML_KEYS_FILE, so a rebuild renders only
 * changed posts and a document changes only when its fields do (which lets a
 * rebuild skip `next build`, lib/export/next-build-key.ts). contentlayer types and
 * loads the documents; it does not render markdown, which made it slow and
 * superlinear at scale. Unchanged files are not rewritten.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AuthorProfile, StagedAuthorProfile } from './authors';
import type { LoadedPage } from './pages';
import type { LoadedPost } from './source';
import { listFiles } from '../build/files';
import { problem, type Problem } from '../build/problems';
import { POST_FILE } from './rules';

import { HTML_DIR } from '../build/paths.mjs';

/** The staged document's name: the post's path with `.json` for `.md` or `.markdown`. */
export function stagedName(relativePath: string): string {
  return relativePath.replace(POST_FILE, '.json');
}

/** A post's staged HTML, by the `htmlFile` of its document (relative to the project, as every build step runs there). */
export const readStagedHtml = (htmlFile: string) =>
  readFileSync(path.join(HTML_DIR, htmlFile), 'utf8');

/** The file of a post's HTML in HTML_DIR. */
export const htmlName = (name: string) => name.replace(/\.json$/, '.html');

/** The staged document of a post: the slim part, with the name of its HTML file. */
export function stagedText(post: LoadedPost, name: string): string {
  // The derived fields after the front matter: they win over an author's field of the same name. A post
  // without an update date has no `updatedAt` (contentlayer reads a missing field, not null, as unset).
  const { updatedAt, redirectTo: _redirectTo, ...fields } = post.fields;
  return JSON.stringify({
    ...post.frontMatter,
    ...fields,
    ...(updatedAt ? { updatedAt } : {}),
    htmlFile: htmlName(name),
  });
}

/** Reads the HTML staged for a post and the key it was rendered from, to reuse while the key is unchanged. */
export function previousHtmlReader(
  htmlDir: string,
  keysFile: string,
): (name: string) => { key: string; html: string } | undefined {
  let keys: Record<string, string> = {};
  try {
    keys = JSON.parse(readFileSync(keysFile, 'utf8')) as Record<string, string>;
  } catch {
    // nothing staged yet
  }
  return (name) => {
    const key = keys[name];
    if (!key) return undefined;
    try {
      return { key, html: readFileSync(path.join(htmlDir, htmlName(name)), 'utf8') };
    } catch {
      return undefined;
    }
  };
}

/** A page's document, with its HTML (pages are few): rewritten only when it changed; stale ones removed. */
export function stagePages(pages: readonly LoadedPage[], pagesDir: string): number {
  const wanted = new Set<string>();
  let written = 0;
  for (const page of pages) {
    // Own pages under "_own/", a folder Jekyll never publishes, so no Jekyll page shares a name with one.
    const name = `${page.own ? '_own/' : ''}${page.relativePath.replace(/\.[^./]+$/, '.json')}`;
    wanted.add(name);
    const {
      relativePath: _relativePath,
      own: _own,
      url,
      links: _links,
      anchors: _anchors,
      bodyLineOffset: _bodyLineOffset,
      sourceLines: _sourceLines,
      ...fields
    } = page;
    if (writeIfChanged(path.join(pagesDir, name), JSON.stringify({ ...fields, pageUrl: url })))
      written += 1;
  }
  for (const name of listFiles(pagesDir)) if (!wanted.has(name)) rmSync(path.join(pagesDir, name));
  return written;
}

/** The author profiles, one document each by slug: rewritten only when changed; stale ones removed. */
export function stageAuthors(profiles: readonly AuthorProfile[], authorsDir: string): number {
  const wanted = new Set<string>();
  let written = 0;
  for (const profile of profiles) {
    const name = `${profile.slug}.json`;
    wanted.add(name);
    // Where it was written is for messages; a line moved by an edit above it changes nothing staged.
    const { key: _key, lineOf: _lineOf, links, ...fields } = profile;
    const staged: StagedAuthorProfile = {
      ...fields,
      links: links.map(({ label, url }) => ({ label, url })),
    };
    if (writeIfChanged(path.join(authorsDir, name), JSON.stringify(staged))) written += 1;
  }
  for (const name of listFiles(authorsDir))
    if (!wanted.has(name)) rmSync(path.join(authorsDir, name));
  return written;
}

export interface StagingResult {
  written: number;
  removed: number;
  /** Two posts that would be staged under one name (`a.md` and `a.markdown`). */
  problems: Problem[];
}

export function stageContent(
  posts: readonly LoadedPost[],
  stagingDir: string,
  htmlDir: string,
  keysFile: string,
): StagingResult {
  const wanted = new Map<string, LoadedPost>();
  const problems: Problem[] = [];
  for (const post of posts) {
    const name = stagedName(post.relativePath);
    const other = wanted.get(name);
    if (other)
      problems.push(
        problem(
          post.sourcePath,
          1,
          'file',
          `${other.sourcePath} is the same post under another extension; keep one of them`,
        ),
      );
    else wanted.set(name, post);
  }

  let written = 0;
  const keys: Record<string, string> = {};
  for (const [name, post] of wanted) {
    // The HTML first: contentlayer (watching in dev) sees the document change only once its HTML is there.
    writeIfChanged(path.join(htmlDir, htmlName(name)), post.html ?? '');
    if (post.htmlKey) keys[name] = post.htmlKey;
    const text = stagedText(post, name);
    const target = path.join(stagingDir, name);
    let current: string | undefined;
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === text) continue;
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
    written += 1;
  }

  let removed = 0;
  for (const name of listFiles(stagingDir)) {
    if (wanted.has(name)) continue;
    rmSync(path.join(stagingDir, name));
    removed += 1;
  }
  const wantedHtml = new Set([...wanted.keys()].map(htmlName));
  for (const name of listFiles(htmlDir))
    if (!wantedHtml.has(name)) rmSync(path.join(htmlDir, name));
  writeIfChanged(keysFile, JSON.stringify(keys));
  return { written, removed, problems };
}

/** Writes the file unless it already holds `text`; whether it wrote. */
function writeIfChanged(file: string, text: string): boolean {
  try {
    if (readFileSync(file, 'utf8') === text) return false;
  } catch {
    // not written yet
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return true;
}
