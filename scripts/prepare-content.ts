/**
 * First step of `npm run content` (and of `npm run dev`): stages the posts of
 * CONTENT_DIR into .content/posts for contentlayer (lib/content-staging.ts).
 * With --watch, keeps staging as posts change (for `npm run dev`).
 */
import { existsSync, watch } from 'node:fs';
import path from 'node:path';
import { stageContent, STAGING_DIR } from '../lib/content-staging';
import { siteConfig } from '../site.config';

const contentDir = path.resolve(siteConfig.contentDir);
if (!existsSync(contentDir)) {
  console.error(`Content error: ${siteConfig.contentDir}: folder not found; set CONTENT_DIR to your posts`);
  process.exit(1);
}

function stage(): boolean {
  try {
    const { posts, written, removed } = stageContent(contentDir, STAGING_DIR, siteConfig.contentDir);
    if (written || removed) console.log(`Staged ${posts} posts (${written} written, ${removed} removed) from ${siteConfig.contentDir}`);
    return true;
  } catch (error) {
    console.error(`Content error: ${(error as Error).message}`);
    return false;
  }
}

if (!stage() && !process.argv.includes('--watch')) process.exit(1);

if (process.argv.includes('--watch')) {
  let timer: NodeJS.Timeout | undefined;
  watch(contentDir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(stage, 100);
  });
}
