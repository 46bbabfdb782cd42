import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { FUNCTION_FILE } from '../lib/site-stack';
import type { StoreEntry } from '../lib/redirect-store';
import { SCRIPT_HASHES_FILE } from '../lib/security-headers';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const FIXTURE_DIR = path.join(ROOT, 'e2e/.out/fixture');

/** The fixture export, which the tests read; a clear failure when it has not been built. */
export function fixtureDir(): string {
  if (!existsSync(path.join(FIXTURE_DIR, '_redirects'))) {
    throw new Error(
      `${path.relative(process.cwd(), FIXTURE_DIR)}/_redirects is missing: run \`npm run build:fixture\` at the repository root first`,
    );
  }
  return FIXTURE_DIR;
}

/**
 * A minimal export in a temp folder: a page, the inline script hashes the build writes
 * (one, for the theme script) and, when given, `_redirects`.
 */
export function bareExport(files: { redirects?: string; scriptHashes?: string[] } = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'export-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
  const hashes = files.scriptHashes ?? ['sha256-vsJ7zFitWFG5nJZU6Dz0ANFyGfKCUcArBv6NKg1QCJY='];
  writeFileSync(
    path.join(dir, SCRIPT_HASHES_FILE),
    JSON.stringify({
      scripts: hashes.map((hash) => ({ hash, pages: 1, examples: ['index.html'] })),
    }),
  );
  if (files.redirects !== undefined) writeFileSync(path.join(dir, '_redirects'), files.redirects);
  return dir;
}

/** The context of cdk.json (feature flags), so stacks built in tests match `cdk synth`. */
export function cdkContext(): Record<string, unknown> {
  const config = JSON.parse(
    readFileSync(path.join(import.meta.dirname, '../cdk.json'), 'utf8'),
  ) as { context: Record<string, unknown> };
  return config.context;
}

export interface FakeStore {
  get(key: string): Promise<string>;
  lookups: string[];
}

/** cf.kvs() as CloudFront documents it: get() resolves the value or rejects for a missing key. */
export function fakeStore(entries: readonly StoreEntry[]): FakeStore {
  const values = new Map(entries.map(({ key, value }) => [key, value]));
  const lookups: string[] = [];
  return {
    lookups,
    async get(key) {
      lookups.push(key);
      const value = values.get(key);
      if (value === undefined) throw new Error(`Key ${key} not found`);
      return value;
    },
  };
}

export interface CfRequest {
  method?: string;
  uri: string;
  querystring: Record<string, { value: string; multiValue?: { value: string }[] }>;
  headers?: Record<string, { value: string }>;
}
export interface CfResponse {
  statusCode: number;
  statusDescription?: string;
  headers: Record<string, { value: string }>;
}
export type Handler = (event: { request: CfRequest }) => Promise<CfRequest | CfResponse>;

/**
 * The deployed function file, run as plain JavaScript: its one import (CloudFront's
 * `cloudfront` module) is replaced by a global `cf` whose kvs() returns `store`.
 */
export function loadViewerRequest(store: Pick<FakeStore, 'get'>): Handler {
  const code = readFileSync(FUNCTION_FILE, 'utf8');
  const IMPORT = "import cf from 'cloudfront';";
  if (!code.includes(IMPORT)) throw new Error(`${FUNCTION_FILE} no longer starts with ${IMPORT}`);
  const context = vm.createContext({ cf: { kvs: () => store } });
  vm.runInContext(`${code.replace(IMPORT, '')}\nglobalThis.handler = handler;`, context, {
    filename: FUNCTION_FILE,
  });
  return context.handler as Handler;
}

export const request = (uri: string, querystring: CfRequest['querystring'] = {}): CfRequest => ({
  method: 'GET',
  uri,
  querystring,
  headers: {},
});
