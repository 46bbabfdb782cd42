/**
 * The step between contentlayer and `next build`. First, rules across posts that contentlayer cannot check one file at a time (two
 * posts with one slug, empty titles, files it did not read), run over the
 * generated data before `next build`, so a problem stops the build with one
 * clear line per problem instead of a prerender stack trace. Then it mirrors
 * the files beside the posts (images) into public/content-assets/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CONTENT_ASSETS_PATH } from '../lib/markdown/images';
import { syncContentAssets } from '../lib/content-assets';
import { buildPostIndex, type SourcePost } from '../lib/post-index';
import { siteConfig } from '../site.config';

const contentDir = path.resolve(siteConfig.contentDir);
const generated = path.resolve('.contentlayer/generated/Post/_index.json');
const sources = JSON.parse(readFileSync(generated, 'utf8')) as SourcePost[];
const problems: string[] = [];

// No post is skipped silently: every post-like file on disk must have been read.
const POST_LIKE = /\.(md|markdown|mdown|mkd|mdx|html)$/i;
const readFiles = new Set(sources.map((source) => path.resolve(source.sourcePath)));
for (const entry of readdirSync(contentDir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !POST_LIKE.test(entry.name)) continue;
  const file = path.join(entry.parentPath, entry.name);
  if (!readFiles.has(file)) {
    problems.push(
      `${path.relative(process.cwd(), file)}: file: only Markdown posts ending in .md or .markdown are read; rename it or move it out of ${siteConfig.contentDir}`,
    );
  }
}

if (sources.length === 0) problems.push(`${siteConfig.contentDir}: no posts found; add a .md file or set CONTENT_DIR`);

try {
  buildPostIndex(sources, { showDrafts: true, categoryLabels: siteConfig.categoryLabels });
} catch (error) {
  problems.push((error as Error).message);
}

if (problems.length > 0) {
  for (const problem of problems) console.error(`Content error: ${problem}`);
  process.exit(1);
}
const drafts = sources.filter((source) => source.isDraft).length;
const assets = syncContentAssets(contentDir, path.join('public', CONTENT_ASSETS_PATH));
console.log(
  `Content OK: ${sources.length} posts (${sources.length - drafts} published), ${assets} asset files, in ${siteConfig.contentDir}`,
);
