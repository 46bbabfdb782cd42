/**
 * Post bodies go into the export after `next build`. In an export build the
 * post page renders an empty prose element with a marker, and a feed entry a
 * token, where the body goes; the post-export step puts each post's HTML
 * (from .content/html/) there. So `next build` never reads a body, and its
 * output does not change when only a body does: a rebuild after such an edit
 * reuses the previous `next build` (scripts/next-export.ts). `next dev`
 * renders bodies in place, so an edit shows on reload. The rules are
 * unit-tested (tests/export/post-bodies.test.ts).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { siteConfig } from '../../site.config';
import { xmlAllowedText } from '../site/feed-files';
import { absolutizeUrls } from '../markdown/base-path';
import { absoluteUrl } from '../site/urls';

/** True in `next build`: pages leave markers. `next dev` renders bodies itself. */
export const bodiesSplicedAfterBuild = process.env.NODE_ENV === 'production';

// Slugs are letters, digits and a few marks (lib/content/rules.ts): hex keeps markers inert in HTML, XML and JSON.
const hex = (slug: string) => Buffer.from(slug, 'utf8').toString('hex');
const unhex = (id: string) => Buffer.from(id, 'hex').toString('utf8');

/**
 * Markers carry a random nonce made for each `next build` (scripts/next-export.ts writes it here, beside the
 * export it keeps): no title, excerpt or body can forge one, since none was written knowing it.
 */
import { BODY_NONCE_FILE } from '../build/paths.mjs';
import { withoutDrawings } from '../markdown/diagrams';

export const newBodyNonce = () => randomBytes(16).toString('hex');

let buildNonce: string | undefined;
/** The nonce of the running `next build`. */
function currentNonce(): string {
  buildNonce ??= readFileSync(BODY_NONCE_FILE, 'utf8').trim();
  if (!/^[0-9a-f]{32}$/.test(buildNonce))
    throw new Error(`${BODY_NONCE_FILE}: not a nonce; delete .cache/ and build again`);
  return buildNonce;
}

/** The attribute value that marks where a post page's body goes. */
export const pageBodyMarker = (slug: string, nonce = currentNonce()) => `${nonce}-${hex(slug)}`;

/** The text a feed entry's content holds until its body is put in. */
export const feedBodyToken = (slug: string, nonce = currentNonce()) =>
  `[post-body:${nonce}-${hex(slug)}]`;

/** A post's body as a page shows it and as a feed carries it (absolute URLs). */
export interface PostBodyHtml {
  pageHtml: string;
  feedHtml: string;
}

/** A post's body both ways: the one place the feed's form (absolute URLs) is made, for `next dev` and post-export. */
export function postBodyHtml(post: { html: string; url: string }): PostBodyHtml {
  const { html } = post;
  return {
    pageHtml: html,
    feedHtml: withoutDrawings(absolutizeUrls(html, siteConfig.baseUrl, absoluteUrl(post.url))),
  };
}

export type SpliceFormat = 'html' | 'xml' | 'json';

/** `]]>` would end a CDATA section early: split it across two sections. Characters XML forbids are dropped. */
const cdataSafe = (html: string) => xmlAllowedText(html).replaceAll(']]>', ']]]]><![CDATA[>');

/**
 * The file with every marked body put in: page markers in HTML, feed tokens in
 * XML (inside CDATA, as the `feed` library writes content) and JSON (inside a
 * string). Throws, naming the file, on a marker for no published post or a
 * marker left unfilled.
 */
export function spliceBodies(
  text: string,
  format: SpliceFormat,
  bodyOf: (slug: string) => PostBodyHtml | undefined,
  file: string,
  nonce: string,
): string {
  if (!/^[0-9a-f]+$/.test(nonce)) throw new Error(`body marker nonce "${nonce}" is not hex`);
  const pageMarker = new RegExp(
    `<div([^>]*?) data-post-body="${nonce}-([0-9a-f]*)"([^>]*)></div>`,
    'g',
  );
  const feedToken = new RegExp(`\\[post-body:${nonce}-([0-9a-f]*)\\]`, 'g');
  let filled = 0;
  const body = (id: string) => {
    filled += 1;
    const slug = unhex(id);
    const found = bodyOf(slug);
    if (!found)
      throw new Error(`${file}: marks the body of "${slug}", which is not a published post`);
    return found;
  };
  const spliced =
    format === 'html'
      ? text.replace(
          pageMarker,
          (_match, before: string, id: string, after: string) =>
            `<div${before}${after}>${body(id).pageHtml}</div>`,
        )
      : text.replace(feedToken, (_match, id: string) => {
          const html = body(id).feedHtml;
          return format === 'xml' ? cdataSafe(html) : JSON.stringify(html).slice(1, -1);
        });
  // Counted before splicing: a body may well mention the nonce's neighbours, never the nonce.
  if (text.split(nonce).length - 1 !== filled)
    throw new Error(`${file}: a post body marker was left unfilled`);
  return spliced;
}

/** Which files of the export can hold markers, by name. */
export function spliceFormat(relativePath: string): SpliceFormat | undefined {
  if (relativePath.endsWith('.html')) return 'html';
  if (relativePath.endsWith('.xml')) return 'xml';
  if (relativePath.endsWith('.json')) return 'json';
  return undefined;
}
