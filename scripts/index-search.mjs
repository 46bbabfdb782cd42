#!/usr/bin/env node
/**
 * The search index: Pagefind over the export in out/, written to out/pagefind/.
 * Only post pages are indexed (they alone carry data-pagefind-body), so the
 * header, footer, navigation and listings never match a search.
 */
import * as pagefind from 'pagefind';

const started = performance.now();
const { index, errors: createErrors } = await pagefind.createIndex({});
if (!index) throw new Error(`pagefind: ${createErrors.join('; ')}`);
const { page_count: pages, errors } = await index.addDirectory({ path: 'out' });
if (errors.length > 0) throw new Error(`pagefind: ${errors.join('; ')}`);
const written = await index.writeFiles({ outputPath: 'out/pagefind' });
if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
await pagefind.close();
console.log(`Search index: ${pages} pages in ${((performance.now() - started) / 1000).toFixed(1)} s, written to out/pagefind/`);
