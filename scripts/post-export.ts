/**
 * Stage 4, after `next build`: the export steps of lib/export/chain.ts (redirects, plain pages with their
 * bodies, share images, the search index, the CSP hashes), run on the export moved out of out/, which is
 * moved back only when all of them succeeded: a failed step leaves no out/ at all, never a half-finished one.
 */
// First: a bad setting ends the command with its message, before site.config.ts throws while loading.
import '../lib/build/settings-check';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import {
  BODY_NONCE_FILE,
  EXPORT_IN_PROGRESS_DIR,
  GENERATED_PAGES_FILE,
  OUT_DIR,
  MOVED_FILE,
  STATIC_FILES_FILE,
} from '../lib/build/paths.mjs';
import { runExportSteps } from '../lib/export/chain';
import { thirdPartyCspSources } from '../lib/site/third-party';
import type { RedirectSource } from '../lib/export/redirects';
import { loadPublishedIndex } from '../lib/site/publish-options';
import { absoluteUrl } from '../lib/site/urls';
import { jekyllSite, siteConfig } from '../site.config';

const FINISHED = OUT_DIR;
/** Where the steps work: a cache folder, so a failure leaves no out/ behind. */
const WORKING = EXPORT_IN_PROGRESS_DIR;

if (!existsSync(path.join(FINISHED, 'index.html'))) {
  console.error(
    `Post-export error: ${FINISHED}/ holds no export; run next build first (npm run build)`,
  );
  process.exit(1);
}
// The same publish rule as every page: no redirect or share image for a post that is not published.
const {
  sources,
  index: { posts, postBySlug },
} = loadPublishedIndex();
const nonce = readFileSync(BODY_NONCE_FILE, 'utf8').trim();

rmSync(WORKING, { recursive: true, force: true });
mkdirSync(path.dirname(WORKING), { recursive: true });
renameSync(FINISHED, WORKING);
try {
  await runExportSteps({
    dir: WORKING,
    shownDir: FINISHED,
    posts,
    postBySlug,
    redirectSources: new Map(
      sources.map((source) => [
        source.postSlug,
        { oldUrls: source.oldUrls, jekyllUrl: source.jekyllUrl },
      ]),
    ),
    ...(existsSync(GENERATED_PAGES_FILE)
      ? {
          pages: (
            JSON.parse(readFileSync(GENERATED_PAGES_FILE, 'utf8')) as {
              pageUrl: string;
              sourcePath: string;
              oldUrls: string[];
              jekyllUrl: string;
            }[]
          ).map((page) => ({ ...page, url: page.pageUrl })),
        }
      : {}),
    ...(existsSync(MOVED_FILE)
      ? { moved: JSON.parse(readFileSync(MOVED_FILE, 'utf8')) as RedirectSource[] }
      : {}),
    ...(existsSync(STATIC_FILES_FILE)
      ? {
          staticFiles: JSON.parse(readFileSync(STATIC_FILES_FILE, 'utf8')) as {
            root: string;
            files: string[];
          },
        }
      : {}),
    ...(jekyllSite?.config.feedPath
      ? { oldFeedPath: `/${jekyllSite.config.feedPath.replace(/^\/+/, '')}` }
      : {}),
    nonce,
    cspSources: thirdPartyCspSources(siteConfig),
    site: {
      basePath: siteConfig.basePath,
      title: siteConfig.title,
      absoluteUrl,
    },
  });
  renameSync(WORKING, FINISHED);
} catch (error) {
  rmSync(WORKING, { recursive: true, force: true });
  console.error(`Post-export error: ${(error as Error).message}`);
  console.error(`No export was kept: ${FINISHED}/ is removed rather than left half-finished.`);
  process.exit(1);
}
