/**
 * Pages without a framework runtime. A blog page needs no client router and
 * no hydration: after `next build`, the post-export step removes Next's
 * scripts and RSC payload from every exported page except those that run a
 * React component (the search page); scripts/next-export.ts deletes the
 * `.txt` RSC files that only the client router reads. What a reader then loads is the HTML, the CSS
 * and public/site.js. Pure, so the rules are unit-tested.
 */

/** Pages that keep the runtime: they hydrate a client component (relative to out/). */
export const RUNTIME_PAGES = ['search/index.html'];

const RSC_FILE = /(^|\/)(index|__next\.[^/]*)\.txt$/;

/** Next's RSC payload files (`index.txt`, `__next.*.txt`), which only its client router fetches. */
export function isRscPayloadFile(relativePath: string): boolean {
  return RSC_FILE.test(relativePath);
}

/** Markers of streamed content that Next's inline scripts would move into place: such a page must keep them. */
const STREAMING_MARKERS = ['$RC(', '<template id="B:', '$RS('];

/**
 * The page without Next's runtime: its script tags and preloads under
 * `<basePath>/_next/`, the inline RSC payload (`self.__next_f`) and chunk
 * loader (`TURBOPACK`). Every other script (the theme script, JSON-LD,
 * site.js) stays. Throws on a page that streams content in with scripts.
 */
export function withoutFrameworkRuntime(html: string, basePath: string, file: string): string {
  const marker = STREAMING_MARKERS.find((candidate) => html.includes(candidate));
  if (marker)
    throw new Error(
      `${file}: streams content with scripts (${marker}); it cannot be served without Next's runtime`,
    );
  const next = `${basePath}/_next/`.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return html
    .replace(new RegExp(`<script[^>]*\\ssrc="${next}[^"]*"[^>]*></script>`, 'g'), '')
    .replace(new RegExp(`<link[^>]*\\shref="${next}[^"]*\\.js"[^>]*>`, 'g'), '')
    .replace(
      /<script(?:\s+id="[^"]*")?>\s*(?:\(self\.__next_f|self\.__next_f|\(globalThis\["TURBOPACK"\])[\s\S]*?<\/script>/g,
      '',
    );
}
