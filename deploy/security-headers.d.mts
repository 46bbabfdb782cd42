export const SECURITY_HEADERS_FILE: string;
export const SCRIPT_HASHES_FILE: string;
export function loadSecurityHeaders(file?: string): Record<string, string>;
export function readScriptHashes(siteDir: string): string[];
export function policyWithScriptHashes(policy: string, hashes: readonly string[]): string;
export function withScriptHashes(
  headers: Record<string, string>,
  hashes: readonly string[],
): Record<string, string>;
export function readCspSources(siteDir: string): Record<string, string[]>;
export function policyWithSources(
  policy: string,
  sources: Readonly<Record<string, readonly string[]>>,
): string;
export function withSiteCsp(
  headers: Record<string, string>,
  siteDir: string,
): Record<string, string>;
export function siteSecurityHeaders(siteDir: string, file?: string): Record<string, string>;
export function nginxSecurityHeaders(headers: Record<string, string>): string;
