/** Pagination, written once for every listing: page 1 is the listing's own URL, page n is `<url>page/n/`. */

export interface PageOf<T> {
  items: T[];
  pageNumber: number;
  totalPages: number;
}

export function pageCount(totalItems: number, pageSize: number): number {
  return Math.max(1, Math.ceil(totalItems / pageSize));
}

/** One page of items, or undefined when the page does not exist. */
export function paginate<T>(
  items: readonly T[],
  pageNumber: number,
  pageSize: number,
): PageOf<T> | undefined {
  const totalPages = pageCount(items.length, pageSize);
  if (!Number.isInteger(pageNumber) || pageNumber < 1 || pageNumber > totalPages) return undefined;
  const start = (pageNumber - 1) * pageSize;
  return { items: items.slice(start, start + pageSize), pageNumber, totalPages };
}

/** The URL of page n of a listing whose first page is `listingPath` (ending in '/'). */
export function pagePath(listingPath: string, pageNumber: number): string {
  return pageNumber <= 1 ? listingPath : `${listingPath}page/${pageNumber}/`;
}

/**
 * Page numbers to show around the current one: first, last, and two either
 * side, with null where a run is left out ("…").
 */
export function pageWindow(current: number, total: number, radius = 2): (number | null)[] {
  const shown: (number | null)[] = [];
  for (let page = 1; page <= total; page += 1) {
    if (page === 1 || page === total || Math.abs(page - current) <= radius) shown.push(page);
    else if (shown[shown.length - 1] !== null) shown.push(null);
  }
  return shown;
}

/**
 * Params for a `page/[page]` route: page 1 (which redirects to the listing's
 * own URL, and keeps the list non-empty as a static export requires) to the last.
 */
export function pageParams(totalItems: number, pageSize: number): { page: string }[] {
  return Array.from({ length: pageCount(totalItems, pageSize) }, (_, index) => ({
    page: String(index + 1),
  }));
}
