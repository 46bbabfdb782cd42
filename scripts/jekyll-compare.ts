/**
 * Builds a Jekyll site with the real `jekyll` (a cold build of a temporary copy; the site is never written)
 * and compares every post with an export of the same site built by us (tests/helpers/jekyll-diff.ts):
 *
 *   tsx scripts/jekyll-compare.ts --site DIR --out OUTDIR [--base-path /x] [--min-similarity 0.99] [--json FILE]
 *
 * `--base-path` defaults to the site's `baseurl`. Prints one line a post (then its failures and word diff),
 * one a markdown page, then a summary with Jekyll's build time. Exits 1 when any post, page or static file
 * fails, 2 on a usage or Jekyll error.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  buildWithJekyll,
  compareWithExport,
  formatReport,
  JekyllBuildError,
  normalizeBasePath,
} from '../tests/helpers/jekyll-diff';

const usage =
  'usage: tsx scripts/jekyll-compare.ts --site DIR --out OUTDIR [--base-path /x] [--min-similarity 0.99] [--json FILE] [--keep]';

let options;
try {
  options = parseArgs({
    options: {
      site: { type: 'string' },
      out: { type: 'string' },
      'base-path': { type: 'string' },
      'min-similarity': { type: 'string', default: '0.99' },
      json: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const minSimilarity = Number(options['min-similarity']);
if (!options.site || !options.out || !(minSimilarity >= 0 && minSimilarity <= 1)) {
  console.error(usage);
  process.exit(2);
}
try {
  const manifest = await buildWithJekyll(options.site, { keep: options.keep });
  // By default the site's own `baseurl`, where its pages are served (and where our build puts them).
  const basePath = normalizeBasePath(options['base-path'] ?? manifest.baseurl);
  const report = compareWithExport(manifest, options.out, basePath, { minSimilarity });
  console.log(formatReport(report, manifest));
  if (options.json) writeFileSync(options.json, JSON.stringify({ manifest, report }, null, 2));
  process.exit(report.failures.length > 0 ? 1 : 0);
} catch (error) {
  if (error instanceof JekyllBuildError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
