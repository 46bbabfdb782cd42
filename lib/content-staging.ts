/**
 * The folder contentlayer reads: one JSON document per post, as
 * lib/content-source.ts read, checked and rendered it: the front matter as
 * written, `source_path` (so every message names the author's file), `derived`
 * (every derived field, computed once in lib/post-fields.ts), and `html` (the
 * body rendered by our markdown pipeline, with the `html_key` it was rendered
 * from, so a rebuild renders only changed posts). contentlayer types and loads
 * them; it does not render markdown, which made it slow and superlinear at
 * scale. Unchanged posts are not rewritten.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadedPost } from './content-source';

export const STAGING_DIR = '.content/posts';

/** The staged document's name: the post's path with `.json` for `.md` or `.markdown`. */
export function stagedName(relativePath: string): string {
  return relativePath.replace(/\.(md|markdown)$/i, '.json');
}

/** The staged document of a post. */
export function stagedText(post: LoadedPost): string {
  return JSON.stringify({
    ...post.frontMatter,
    source_path: post.sourcePath,
    derived: post.fields,
    html: post.html ?? '',
    html_key: post.htmlKey ?? '',
  });
}

/** The HTML a staged document holds and the key it was rendered from, to reuse while the key is unchanged. */
export function previousHtml(stagingDir: string, name: string): { key: string; html: string } | undefined {
  try {
    const staged = JSON.parse(readFileSync(path.join(stagingDir, name), 'utf8')) as { html?: string; html_key?: string };
    return staged.html_key && staged.html !== undefined ? { key: staged.html_key, html: staged.html } : undefined;
  } catch {
    return undefined;
  }
}

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  } catch {
    return [];
  }
}

export interface StagingResult {
  written: number;
  removed: number;
  /** Two posts that would be staged under one name (`a.md` and `a.markdown`). */
  problems: string[];
}

export function stageContent(posts: readonly LoadedPost[], stagingDir: string): StagingResult {
  const wanted = new Map<string, LoadedPost>();
  const problems: string[] = [];
  for (const post of posts) {
    const name = stagedName(post.relativePath);
    const other = wanted.get(name);
    if (other) problems.push(`${post.sourcePath}:1: file: ${other.sourcePath} is the same post under another extension; keep one of them`);
    else wanted.set(name, post);
  }

  let written = 0;
  for (const [name, post] of wanted) {
    const text = stagedText(post);
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
  return { written, removed, problems };
}
