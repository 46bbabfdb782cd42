/**
 * Cross-post rules that contentlayer cannot check one file at a time (two posts
 * with one slug, empty titles), run over the generated data before `next build`
 * so a problem stops the build with one clear line instead of a prerender trace.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ContentError } from '../lib/content-rules';
import { buildPostIndex, type SourcePost } from '../lib/post-index';
import { siteConfig } from '../site.config';

const generated = path.resolve('.contentlayer/generated/Post/_index.json');
const sources = JSON.parse(readFileSync(generated, 'utf8')) as SourcePost[];

try {
  const index = buildPostIndex(sources, { showDrafts: true, categoryLabels: siteConfig.categoryLabels });
  if (sources.length === 0) {
    throw new Error(`no posts found in ${siteConfig.contentDir}: add a *.md file or set CONTENT_DIR`);
  }
  const published = index.posts.filter((post) => !post.isDraft).length;
  console.log(`Content OK: ${sources.length} posts (${published} published) in ${siteConfig.contentDir}`);
} catch (error) {
  const message = error instanceof ContentError || error instanceof Error ? error.message : String(error);
  console.error(`Content error: ${message}`);
  process.exit(1);
}
