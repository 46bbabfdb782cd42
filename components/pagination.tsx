import { SiteLink } from '@/components/site-link';
import { pagePath, pageWindow } from '@/lib/site/pagination';

interface PaginationProps {
  listingPath: string;
  pageNumber: number;
  totalPages: number;
}

const item =
  'inline-flex h-10 min-w-10 items-center justify-center rounded-md border px-3 text-sm font-medium';

/** Previous / numbers / next for any listing; nothing when there is one page. */
export function Pagination({ listingPath, pageNumber, totalPages }: PaginationProps) {
  if (totalPages <= 1) return null;
  return (
    <nav aria-label="Pagination" className="mt-10 flex flex-wrap items-center justify-center gap-2">
      {pageNumber > 1 ? (
        <SiteLink
          href={pagePath(listingPath, pageNumber - 1)}
          rel="prev"
          className={`${item} border-border text-accent hover:border-accent`}
        >
          ← Newer
        </SiteLink>
      ) : null}
      <ol className="flex flex-wrap gap-2">
        {pageWindow(pageNumber, totalPages).map((page, index) =>
          page === null ? (
            <li
              key={`gap-${index}`}
              className={`${item} border-transparent text-muted`}
              aria-hidden="true"
            >
              …
            </li>
          ) : (
            <li key={page}>
              {page === pageNumber ? (
                <span aria-current="page" className={`${item} border-accent bg-accent text-bg`}>
                  <span className="sr-only">Page </span>
                  {page}
                </span>
              ) : (
                <SiteLink
                  href={pagePath(listingPath, page)}
                  className={`${item} border-border text-fg hover:border-accent hover:text-accent`}
                >
                  <span className="sr-only">Page </span>
                  {page}
                </SiteLink>
              )}
            </li>
          ),
        )}
      </ol>
      {pageNumber < totalPages ? (
        <SiteLink
          href={pagePath(listingPath, pageNumber + 1)}
          rel="next"
          className={`${item} border-border text-accent hover:border-accent`}
        >
          Older →
        </SiteLink>
      ) : null}
    </nav>
  );
}
