#!/usr/bin/env node
/**
 * Serves an export with a real nginx and the production config deploy/nginx.conf, for
 * the Playwright project `nginx`. nginx runs in the foreground (no daemon, no master
 * process) with its pid, temp files and config in a temp folder; the lines of the
 * config that name the host (listen, TLS, root, the paths of the redirect map and of the
 * security headers, the 404 page under the base path) are swapped for loopback values,
 * everything else is used as is. The two included files are generated from the export as
 * deploy/nginx.conf says to (deploy/redirects.mjs, deploy/security-headers.mjs).
 *
 *   node scripts/nginx-server.mjs [--dir e2e/.out/fixture] [--base /blog] [--port 4175]
 *
 * Without nginx (or without the export) it serves a page saying so instead, on the same
 * port, so that the `nginx` project fails with that message and the other projects run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { nginxRedirectMap, parseRedirects } from '../deploy/redirects.mjs';
import {
  nginxSecurityHeaders,
  SCRIPT_HASHES_FILE,
  siteSecurityHeaders,
} from '../deploy/security-headers.mjs';
import { normalizeBasePath, optionValue as option } from './cli-options.mjs';

const dir = path.resolve(option('dir', 'e2e/.out/fixture'));
const base = normalizeBasePath(option('base', '/blog'));
const port = Number(option('port', '4175'));
const CONFIG = path.resolve(import.meta.dirname, '../deploy/nginx.conf');

/** The response header the spec looks for to tell this placeholder from nginx. */
const MISSING_HEADER = 'x-nginx-server-problem';

function findNginx() {
  if (process.env.NGINX_PATH)
    return existsSync(process.env.NGINX_PATH) ? process.env.NGINX_PATH : undefined;
  const found = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/bin/nginx'].find(
    (candidate) => existsSync(candidate),
  );
  if (found) return found;
  const which = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() : undefined;
}

function servePlaceholder(problem) {
  console.error(`nginx-server: ${problem}`);
  http
    .createServer((_request, response) => {
      response.writeHead(200, {
        'Content-Type': 'text/plain; charset=utf-8',
        [MISSING_HEADER]: encodeURIComponent(problem),
      });
      response.end(`${problem}\n`);
    })
    .listen(port, '127.0.0.1', () =>
      console.log(`nginx-server: placeholder at http://127.0.0.1:${port}${base}/`),
    );
}

/** Replaces `find` (a string or RegExp) exactly once, or says which line of the config moved. */
function swap(config, find, replacement) {
  const matches =
    typeof find === 'string'
      ? config.split(find).length - 1
      : (config.match(new RegExp(find, 'g')) ?? []).length;
  if (matches !== 1)
    throw new Error(
      `deploy/nginx.conf: expected ${find} exactly once, found it ${matches} times; update scripts/nginx-server.mjs`,
    );
  return config.replace(find, replacement);
}

function testConfig(temp, root) {
  let site = readFileSync(CONFIG, 'utf8');
  site = swap(
    site,
    'include /etc/nginx/blog-redirects.map;',
    `include ${path.join(temp, 'redirects.map')};`,
  );
  site = swap(
    site,
    'include /etc/nginx/blog-security-headers.conf;',
    `include ${path.join(temp, 'security-headers.conf')};`,
  );
  site = swap(site, /server \{\n\s*listen 80;[\s\S]*?\n\}\n/, ''); // the HTTP -> HTTPS server
  site = swap(
    site,
    /listen 443 ssl http2;\n\s*listen \[::\]:443 ssl http2;/,
    `listen 127.0.0.1:${port};`,
  );
  site = swap(site, /\n\s*ssl_certificate [^\n]*/, '');
  site = swap(site, /\n\s*ssl_certificate_key [^\n]*/, '');
  site = swap(site, /\n\s*ssl_protocols [^\n]*/, '');
  site = swap(site, 'root /var/www/blog;', `root ${root};`);
  site = swap(site, 'error_page 404 /404.html;', `error_page 404 ${base}/404.html;`);
  writeFileSync(path.join(temp, 'site.conf'), site);

  const temps = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
    (name) => `    ${name}_temp_path ${path.join(temp, name)};`,
  );
  const main = [
    'daemon off;',
    'master_process off;',
    `pid ${path.join(temp, 'nginx.pid')};`,
    'error_log stderr warn;',
    'events { worker_connections 256; }',
    'http {',
    '    access_log off;',
    ...temps,
    `    include ${path.join(temp, 'site.conf')};`,
    '}',
    '',
  ];
  writeFileSync(path.join(temp, 'nginx.conf'), main.join('\n'));
  return path.join(temp, 'nginx.conf');
}

function start() {
  const nginx = findNginx();
  if (!nginx)
    return servePlaceholder('nginx is not installed: apt-get install -y nginx (or set NGINX_PATH)');
  if (!existsSync(path.join(dir, 'index.html'))) {
    return servePlaceholder(
      `no export in ${path.relative(process.cwd(), dir)}: run npm run build:fixture first`,
    );
  }
  if (!existsSync(path.join(dir, SCRIPT_HASHES_FILE))) {
    return servePlaceholder(
      `the export in ${path.relative(process.cwd(), dir)} has no ${SCRIPT_HASHES_FILE} (built before CSP hashes): run npm run build:fixture again`,
    );
  }

  // One folder per port, emptied at each start: Playwright ends the server with SIGKILL, so no cleanup runs.
  const temp = path.join(os.tmpdir(), `blog-nginx-${port}`);
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { mode: 0o755 });
  const cleanUp = () => rmSync(temp, { recursive: true, force: true });
  let root = dir;
  if (base) {
    // The export answers under the base path: a folder whose `blog` entry is the export.
    root = path.join(temp, 'root');
    mkdirSync(path.dirname(path.join(root, base)), { recursive: true });
    symlinkSync(dir, path.join(root, base));
  }
  const redirectsFile = path.join(dir, '_redirects');
  const redirects = existsSync(redirectsFile)
    ? parseRedirects(readFileSync(redirectsFile, 'utf8'), redirectsFile)
    : [];
  writeFileSync(path.join(temp, 'redirects.map'), nginxRedirectMap(redirects));
  writeFileSync(
    path.join(temp, 'security-headers.conf'),
    nginxSecurityHeaders(siteSecurityHeaders(dir)),
  );
  const config = testConfig(temp, root);

  const check = spawnSync(nginx, ['-t', '-q', '-e', 'stderr', '-p', temp, '-c', config], {
    encoding: 'utf8',
  });
  if (check.status !== 0) {
    cleanUp();
    console.error(check.stderr);
    process.exit(1);
  }
  const child = spawn(nginx, ['-e', 'stderr', '-p', temp, '-c', config], { stdio: 'inherit' });
  console.log(
    `nginx-server: ${nginx} serving ${path.relative(process.cwd(), dir)} at http://127.0.0.1:${port}${base}/ (${redirects.length} redirects)`,
  );
  child.on('exit', (code, signal) => {
    cleanUp();
    process.exit(code ?? (signal ? 1 : 0));
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => child.kill('SIGTERM'));
  }
}

try {
  start();
} catch (error) {
  console.error(`nginx-server: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
