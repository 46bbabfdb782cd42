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
import { normalizeBasePath, optionValue as option } from './cli-options.mjs';

const root = path.resolve(option('dir', 'out'));
const port = Number(option('port', process.env.PORT ?? '4173'));
const host = option('host', '127.0.0.1');
const base = normalizeBasePath(option('base', process.env.BASE_PATH ?? ''));

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
  const encoding = !COMPRESSIBLE.test(filePath)
    ? null
    : /\bbr\b/.test(accepted)
      ? 'br'
      : /\bgzip\b/.test(accepted)
        ? 'gzip'
        : null;
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

/**
 * The path a request target names, decoded, or undefined for anything a browser
 * would not send and S3 would not map to a file: not starting with "/", empty
 * segments ("//"), "." or ".." segments (raw or encoded), backslashes, control
 * characters (NUL included). Refusing them, rather than normalising, keeps a
 * redirect from ever being built from a path like "//evil.example/".
 */
function requestPath(target) {
  const rawPath = target.split('?', 1)[0];
  if (!rawPath.startsWith('/')) return undefined;
  let decoded;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  if (/[\\\u0000-\u001f\u007f]/.test(decoded)) return undefined;
  const inner = decoded.slice(1).split('/');
  // The last segment may be empty (a folder's trailing slash); no other may.
  if (
    inner.some(
      (segment, at) =>
        (segment === '' && at < inner.length - 1) || segment === '.' || segment === '..',
    )
  )
    return undefined;
  return decoded;
}

/** A root-relative URL for a decoded path: each segment percent-encoded, so it always starts with exactly one "/". */
const encodePath = (decoded) => decoded.split('/').map(encodeURIComponent).join('/');

const server = http.createServer(async (request, response) => {
  const target = request.url ?? '/';
  const pathname = requestPath(target);
  if (pathname === undefined) return notFound(request, response);
  if (base && pathname !== base && !pathname.startsWith(`${base}/`))
    return notFound(request, response);
  const relative = pathname.slice(base.length) || '/';
  const filePath = path.join(root, relative);
  if (filePath !== root && !filePath.startsWith(root + path.sep))
    return notFound(request, response);

  if (relative.endsWith('/')) {
    const index = path.join(filePath, 'index.html');
    const info = await fileAt(index);
    return info ? send(request, response, 200, index, info.size) : notFound(request, response);
  }
  const info = await fileAt(filePath);
  if (info) return send(request, response, 200, filePath, info.size);
  if (await fileAt(path.join(filePath, 'index.html'))) {
    // Built from the checked path, never from the raw target; the query is kept when it is plain ASCII.
    const query = target.includes('?') ? target.slice(target.indexOf('?')) : '';
    const location = `${encodePath(pathname)}/${/^\?[\u0021-\u007e]*$/.test(query) ? query : ''}`;
    if (!/^\/[^/\\]/.test(location)) return notFound(request, response);
    response.writeHead(301, { Location: location }).end();
    return;
  }
  return notFound(request, response);
});

server.listen(port, host, () => {
  // The port actually bound: --port 0 picks a free one (the tests use that).
  console.log(
    `Serving ${path.relative(process.cwd(), root) || '.'} at http://${host}:${server.address().port}${base}/`,
  );
});
