/**
 * The security headers, written once in deploy/security-headers.json and used by the
 * CloudFront response headers policy; e2e/nginx.spec.ts checks deploy/nginx.conf sends
 * the same values.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const SECURITY_HEADERS_FILE = path.resolve(import.meta.dirname, '../../security-headers.json');

/** Header name -> value; a Content-Security-Policy written as a list of directives is joined with "; ". */
export function loadSecurityHeaders(file = SECURITY_HEADERS_FILE): Record<string, string> {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) headers[name] = value.join('; ');
    else if (typeof value === 'string') headers[name] = value;
    else throw new Error(`${file}: "${name}" must be a string or a list of strings`);
  }
  return headers;
}
