#!/usr/bin/env node
/**
 * A plain static file server for out/, behaving like S3 website hosting or a
 * default nginx: a file is served as is, a folder by its index.html (a folder
 * asked for without its trailing slash is redirected to it), anything else gets
 * 404.html with status 404. No rewrites, so what passes here passes on any host.
 *
 *   node scripts/serve.mjs [--dir out] [--port 4173] [--host 127.0.0.1] [--base /blog]
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { createBrotliCompress, createGzip } from 'node:zlib';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const root = path.resolve(option('dir', 'out'));
const port = Number(option('port', process.env.PORT ?? '4173'));
const host = option('host', '127.0.0.1');
const base = `/${option('base', process.env.BASE_PATH ?? '').replace(/^\/+|\/+$/g, '')}`.replace(/^\/$/, '');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

async function fileAt(filePath) {
  try {
    const info = await stat(filePath);
    return info.isFile() ? info : undefined;
  } catch {
    return undefined;
  }
}

const COMPRESSIBLE = /\.(html|txt|xml|json|js|css|svg|webmanifest)$/i;

function send(request, response, status, filePath, size) {
  const headers = {
    'Content-Type': TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream',
    Vary: 'Accept-Encoding',
  };
  const accepted = String(request.headers['accept-encoding'] ?? '');
  const encoding = !COMPRESSIBLE.test(filePath) ? null : /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
  if (encoding) headers['Content-Encoding'] = encoding;
  else headers['Content-Length'] = size;
  response.writeHead(status, headers);
  if (request.method === 'HEAD') return response.end();
  const file = createReadStream(filePath);
  if (encoding === 'br') file.pipe(createBrotliCompress()).pipe(response);
  else if (encoding === 'gzip') file.pipe(createGzip()).pipe(response);
  else file.pipe(response);
}

async function notFound(request, response) {
  const page = path.join(root, '404.html');
  const info = await fileAt(page);
  if (info) send(request, response, 404, page, info.size);
  else response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
}

const server = http.createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  let pathname;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return notFound(request, response);
  }
  if (base && pathname !== base && !pathname.startsWith(`${base}/`)) return notFound(request, response);
  const relative = pathname.slice(base.length) || '/';
  const filePath = path.join(root, path.normalize(relative));
  if (filePath !== root && !filePath.startsWith(root + path.sep)) return notFound(request, response);

  if (relative.endsWith('/')) {
    const index = path.join(filePath, 'index.html');
    const info = await fileAt(index);
    return info ? send(request, response, 200, index, info.size) : notFound(request, response);
  }
  const info = await fileAt(filePath);
  if (info) return send(request, response, 200, filePath, info.size);
  if (await fileAt(path.join(filePath, 'index.html'))) {
    response.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
    return;
  }
  return notFound(request, response);
});

server.listen(port, host, () => {
  console.log(`Serving ${path.relative(process.cwd(), root) || '.'} at http://${host}:${port}${base}/`);
});
