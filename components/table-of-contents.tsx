import type { TocHeading } from '@/lib/markdown/headings';

/**
 * Marks the entry of the section in view, in browsers with CSS scroll markers.
 * Inline because the CSS build step does not know `:target-current` yet.
 */
const TRACKING_CSS =
  '.toc-tracked{scroll-target-group:auto}.toc-link:target-current{color:var(--accent);font-weight:600}';

function TocList({ headings, className }: { headings: TocHeading[]; className: string }) {
  return (
    <ol className={className}>
      {headings.map((heading) => (
        <li key={heading.id} className={heading.depth === 3 ? 'pl-4' : ''}>
          <a href={`#${heading.id}`} className="toc-link block py-1 text-muted hover:text-accent">
            {heading.text}
          </a>
        </li>
      ))}
    </ol>
  );
}

/**
 * The table of contents, for posts with two or more headings, with no JavaScript:
 * a <details> above the text on narrow screens; a sticky column beside it on wide
 * ones, where CSS (`scroll-target-group`, in browsers that have it) marks the
 * section in view.
 */
export function TableOfContents({ headings }: { headings: TocHeading[] }) {
  if (headings.length < 2) return null;
  return (
    <>
      <details
        data-pagefind-ignore=""
        className="mb-8 rounded-lg border border-border bg-surface px-4 py-3 xl:hidden"
      >
        <summary className="cursor-pointer font-semibold">Contents</summary>
        <nav aria-label="Table of contents" className="mt-2">
          <TocList headings={headings} className="text-sm" />
        </nav>
      </details>
      <style href="toc-tracking" precedence="default">
        {TRACKING_CSS}
      </style>
      <div
        data-pagefind-ignore=""
        className="absolute left-full top-0 ml-8 hidden h-full w-52 xl:block"
      >
        <nav
          aria-label="Table of contents"
          className="sticky top-8 max-h-[calc(100vh-4rem)] overflow-y-auto"
        >
          <p className="mb-2 text-xs font-semibold uppercase tracking-wider text-muted">
            On this page
          </p>
          <TocList
            headings={headings}
            className="toc-tracked border-l border-border pl-3 text-sm"
          />
        </nav>
      </div>
    </>
  );
}
