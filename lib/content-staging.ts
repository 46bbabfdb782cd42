/**
 * The folder contentlayer reads is a staged copy of the author's posts, as
 * lib/content-source.ts read them: `.markdown` staged as `.md` (contentlayer
 * only globs `.md`), LF line endings, Liquid rendered, and two fields added to
 * the front matter: `source_path` (so every message names the author's file)
 * and `derived` (every derived field, computed once in lib/post-fields.ts).
 * Unchanged posts are not rewritten, which keeps contentlayer's cache warm.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadedPost } from './content-source';

export const STAGING_DIR = '.content/posts';

/** The staged file name: `.markdown` becomes `.md`; everything else keeps its path. */
export function stagedName(relativePath: string): string {
  return relativePath.replace(/\.markdown$/i, '.md');
}

/** The staged text of a post: its front matter as written plus `source_path` and `derived`, and its rendered body. */
export function stagedText(post: LoadedPost): string {
  return `---\nsource_path: ${JSON.stringify(post.sourcePath)}\nderived: ${JSON.stringify(post.fields)}\n${post.yaml}---\n${post.body}`;
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
    if (other) problems.push(`${post.sourcePath}:1: file: ${other.sourcePath} has the same name; keep one of them`);
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
