#!/usr/bin/env node
/**
 * Writes the security headers for deploy/nginx.conf (deploy/security-headers.json plus the export's
 * inline script hashes in the CSP) as `add_header` lines:
 *
 *   node deploy/nginx-security-headers.mjs out > /etc/nginx/blog-security-headers.conf
 */
import { nginxSecurityHeaders, siteSecurityHeaders } from './security-headers.mjs';

const siteDir = process.argv[2] ?? 'out';
try {
  process.stdout.write(nginxSecurityHeaders(siteSecurityHeaders(siteDir)));
} catch (error) {
  console.error(`nginx-security-headers: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
