/**
 * What a deploy does to the bucket and the CDN, decided from the export and the
 * bucket listing alone (pure, unit-tested; scripts/upload.ts does the I/O):
 * - upload new and changed files (MD5 = S3 ETag of a single-part upload), pages last,
 *   so no page goes live before the files it references;
 * - delete files the export no longer has, except hashed assets and the search index,
 *   which pages and search entries still cached in browsers and at the edge may ask for;
 * - invalidate only the changed or deleted pages: every other file either has a new
 *   name when it changes (/_next/static) or expires within minutes.
 */
import { isHtml } from './object-headers';
import { SCRIPT_HASHES_FILE } from './security-headers';

export interface LocalFile {
  key: string;
  md5: string;
}
export interface RemoteObject {
  key: string;
  etag: string;
}
export interface DeployPlan {
  uploads: string[];
  deletes: string[];
  invalidationPaths: string[];
}

/**
 * Files of the export that are not part of the site: `_redirects` becomes the KeyValueStore,
 * `_csp-script-hashes.json` goes into the response headers policy.
 */
export const NOT_UPLOADED = new Set(['_redirects', SCRIPT_HASHES_FILE]);
export const KEPT_PREFIXES = ['_next/static/', 'pagefind/'];
/**
 * Above this many pages, one `/*` invalidation replaces the list: CloudFront bills paths
 * beyond 1,000 a month ($0.005 each) and a wildcard counts as one; re-fetching the hashed
 * assets it also evicts costs a few S3 GETs.
 */
export const MAX_INVALIDATION_PATHS = 100;

/** The path CloudFront caches a page under: the function rewrites /x/ to /x/index.html before the cache lookup. */
export const invalidationPath = (key: string) => encodeURI(`/${key}`);

export function planDeploy(
  local: readonly LocalFile[],
  remote: readonly RemoteObject[],
  options: { force?: boolean } = {},
): DeployPlan {
  const etags = new Map(remote.map(({ key, etag }) => [key, etag.replaceAll('"', '')]));
  const files = local.filter(({ key }) => !NOT_UPLOADED.has(key));
  const changed = files
    .filter(({ key, md5 }) => options.force || etags.get(key) !== md5)
    .map(({ key }) => key);
  const localKeys = new Set(files.map(({ key }) => key));
  const deletes = [...etags.keys()]
    .filter((key) => !localKeys.has(key) && !KEPT_PREFIXES.some((prefix) => key.startsWith(prefix)))
    .sort();

  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const uploads = [
    ...changed.filter((key) => !isHtml(key)).sort(byName),
    ...changed.filter(isHtml).sort(byName),
  ];
  // A page seen for the first time has nothing cached to invalidate.
  const stalePages = [
    ...changed.filter((key) => isHtml(key) && etags.has(key)),
    ...deletes.filter(isHtml),
  ].sort(byName);
  const paths = stalePages.map(invalidationPath);
  return {
    uploads,
    deletes,
    invalidationPaths: paths.length > MAX_INVALIDATION_PATHS ? ['/*'] : paths,
  };
}
