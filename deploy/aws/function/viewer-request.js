import cf from 'cloudfront'; // first line, as CloudFront documents it
// CloudFront Function (cloudfront-js-2.0), viewer request, default behaviour.
// 1. An old permalink listed in the export's _redirects answers 301 to its new URL. The
//    pairs live in the associated KeyValueStore (keys as redirectKey() in deploy/redirects.mjs
//    writes them), not in this code, which CloudFront limits to 10 KB.
// 2. A pretty URL, /posts/x/ or /posts/x, is served from /posts/x/index.html.
// Unit-tested as plain JavaScript by test/viewer-request.test.ts, with a fake cf.kvs().
/* eslint-disable @typescript-eslint/no-unused-vars -- CloudFront calls handler(); its runtime has no `catch {}` without a binding */

const redirects = cf.kvs();

// Percent-decoded then encoded as encodeURI does, so any spelling of a path finds its key.
function redirectKey(path) {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch (e) {
    // A malformed escape stays as sent and matches nothing.
  }
  return encodeURI(decoded);
}

function hasExtension(path) {
  return path.slice(path.lastIndexOf('/') + 1).indexOf('.') >= 0;
}

async function lookUp(key) {
  try {
    return await redirects.get(key);
  } catch (e) {
    return undefined; // get() throws for a key that is not in the store
  }
}

// The query string back in one piece, values as the runtime hands them over (as AWS's examples do).
// No for...of: the runtime lacks it.
function queryString(querystring) {
  const parts = [];
  for (const name in querystring) {
    const field = querystring[name];
    const values = field.multiValue ? field.multiValue : [field];
    for (let i = 0; i < values.length; i++)
      parts.push(values[i].value === '' ? name : name + '=' + values[i].value);
  }
  return parts.length ? '?' + parts.join('&') : '';
}

async function handler(event) {
  const request = event.request;
  const uri = request.uri;
  const key = redirectKey(uri);
  let target = await lookUp(key);
  // A folder URL typed without its trailing slash.
  if (target === undefined && !key.endsWith('/') && !hasExtension(key))
    target = await lookUp(key + '/');
  if (target !== undefined) {
    return {
      statusCode: 301,
      statusDescription: 'Moved Permanently',
      headers: {
        location: { value: target + queryString(request.querystring) },
        'cache-control': { value: 'public, max-age=3600' },
      },
    };
  }
  if (uri.endsWith('/')) request.uri = uri + 'index.html';
  else if (!hasExtension(uri)) request.uri = uri + '/index.html';
  return request;
}
