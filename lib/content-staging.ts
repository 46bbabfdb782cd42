/**
 * The folder contentlayer reads is a staged copy of the author's posts
 * (CONTENT_DIR, e.g. a Jekyll `_posts`), so that posts work as Jekyll reads them:
 * `.markdown` files (contentlayer only globs `.md`) are staged as `.md`; a byte
 * order mark and Windows or old-Mac line endings are normalised; each staged
 * post records its original path (`source_path`), so every error names the
 * author's file. Unchanged posts are not rewritten, which keeps contentlayer's cache warm.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const STAGING_DIR = '.content/posts';
export const POST_FILE = /\.(md|markdown)$/i;

/** Text as contentlayer can read it: no BOM, LF line endings, the original path in the front matter. */
export function stagedText(raw: string, sourcePath: string): string {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.startsWith('---\n')) return text; // no front matter: contentlayer reports the missing fields
  return `---\nsource_path: ${JSON.stringify(sourcePath)}\n${text.slice(4)}`;
}

/** The staged file name: `.markdown` becomes `.md`; everything else keeps its path. */
export function stagedName(relativePath: string): string {
  return relativePath.replace(/\.markdown$/i, '.md');
}

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
  } catch {
    return [];
  }
}

export interface StagingResult {
  posts: number;
  written: number;
  removed: number;
}

/** Stages every post under `contentDir` into `stagingDir`; `displayDir` is how errors name the content folder. */
export function stageContent(contentDir: string, stagingDir: string, displayDir = contentDir): StagingResult {
  const wanted = new Map<string, string>();
  for (const relative of listFiles(contentDir)) {
    if (!POST_FILE.test(relative)) continue;
    const staged = stagedName(relative);
    const other = wanted.get(staged);
    if (other !== undefined) {
      throw new Error(`${path.join(displayDir, relative)}: file: ${path.join(displayDir, other)} has the same name; keep one of them`);
    }
    wanted.set(staged, relative);
  }

  let written = 0;
  for (const [staged, relative] of wanted) {
    const text = stagedText(readFileSync(path.join(contentDir, relative), 'utf8'), path.join(displayDir, relative));
    const target = path.join(stagingDir, staged);
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
  for (const relative of listFiles(stagingDir)) {
    if (wanted.has(relative)) continue;
    rmSync(path.join(stagingDir, relative));
    removed += 1;
  }
  return { posts: wanted.size, written, removed };
}
