#!/usr/bin/env node
/**
 * Writes the nginx map of old URLs for deploy/nginx.conf from the export's _redirects:
 *
 *   node deploy/nginx-redirects.mjs out/_redirects > /etc/nginx/blog-redirects.map
 */
import { readFileSync } from 'node:fs';
import { nginxRedirectMap, parseRedirects } from './redirects.mjs';

const file = process.argv[2] ?? 'out/_redirects';
try {
  process.stdout.write(nginxRedirectMap(parseRedirects(readFileSync(file, 'utf8'), file)));
} catch (error) {
  console.error(`nginx-redirects: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
