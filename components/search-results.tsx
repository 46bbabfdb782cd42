'use client';

import { useEffect, useRef, useState } from 'react';
import { formatDay } from '@/lib/site/format';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; date?: string; categories?: string; tags?: string };
  sub_results?: { url: string; title: string; excerpt: string }[];
}
interface PagefindResult {
  id: string;
  data: () => Promise<PagefindResultData>;
}
interface Pagefind {
  options: (options: { baseUrl?: string }) => Promise<void>;
  debouncedSearch: (
    term: string,
    options?: object,
    debounceMs?: number,
  ) => Promise<{ results: PagefindResult[] } | null>;
}

type Status = 'idle' | 'loading' | 'ready' | 'unavailable';
const SHOWN = 10;

/**
 * The search page's results, from the Pagefind index built after the export.
 * Pagefind loads only the index chunks a query needs; nothing is loaded until
 * this page is opened.
 */
export function SearchResults({ basePath }: { basePath: string }) {
  const pagefindRef = useRef<Pagefind | null>(null);
  const [status, setStatus] = useState<Status>('loading');
  const [query, setQuery] = useState('');
  // Results of the last finished search, with the term they answer.
  const [found, setFound] = useState<{ term: string; results: PagefindResultData[] } | null>(null);

  useEffect(() => {
    const url = `${basePath}/pagefind/pagefind.js`;
    import(/* webpackIgnore: true */ /* turbopackIgnore: true */ url)
      .then(async (module: Pagefind) => {
        await module.options({ baseUrl: `${basePath}/` });
        pagefindRef.current = module;
        // The header's search box sends readers here with ?q=; what they typed meanwhile wins.
        const fromAddress = new URLSearchParams(window.location.search).get('q') ?? '';
        setQuery((typed) => typed || fromAddress);
        setStatus('ready');
      })
      .catch(() => setStatus('unavailable'));
  }, [basePath]);

  useEffect(() => {
    const pagefind = pagefindRef.current;
    if (status !== 'ready' || !pagefind) return;
    const term = query.trim();
    const address = new URL(window.location.href);
    if (term) address.searchParams.set('q', term);
    else address.searchParams.delete('q');
    window.history.replaceState(null, '', address);
    if (!term) return;
    let current = true;
    pagefind.debouncedSearch(term, {}, 150).then(async (search) => {
      if (!search || !current) return;
      const results = await Promise.all(
        search.results.slice(0, SHOWN).map((result) => result.data()),
      );
      if (current) setFound({ term, results });
    });
    return () => {
      current = false;
    };
  }, [query, status]);

  const results = query.trim() && found?.term === query.trim() ? found.results : null;
  return (
    <div>
      <form role="search" onSubmit={(event) => event.preventDefault()} className="mb-8">
        <label htmlFor="search-page-box" className="mb-2 block text-sm font-medium text-muted">
          Search every post
        </label>
        <input
          id="search-page-box"
          type="search"
          name="q"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          autoFocus
          autoComplete="off"
          placeholder="Type a word, e.g. lambda"
          className="h-12 w-full rounded-lg border border-border bg-bg px-4 text-lg text-fg placeholder:text-muted focus:border-accent"
        />
      </form>
      <div aria-live="polite">
        {status === 'unavailable' ? (
          <p className="text-muted">
            The search index is built by `npm run build`; it is not available here.
          </p>
        ) : results === null ? null : results.length === 0 ? (
          <p className="text-lg">No results for “{query.trim()}”.</p>
        ) : (
          <>
            <p className="mb-4 text-sm text-muted">
              {results.length === SHOWN
                ? `First ${SHOWN} results`
                : `${results.length} result${results.length === 1 ? '' : 's'}`}
            </p>
            <ol className="divide-y divide-border">
              {results.map((result) => {
                const hit = result.sub_results?.find(
                  (sub) => sub.url.includes('#') && sub.excerpt.includes('<mark>'),
                );
                return (
                  <li key={result.url} className="py-5">
                    <article>
                      <h2 className="text-lg font-semibold">
                        <a href={hit?.url ?? result.url} className="text-fg hover:text-accent">
                          {result.meta.title}
                          {hit ? (
                            <span className="font-normal text-muted"> › {hit.title}</span>
                          ) : null}
                        </a>
                      </h2>
                      <p className="mt-1 text-sm text-muted">
                        {[
                          result.meta.date ? formatDay(result.meta.date) : '',
                          result.meta.categories,
                          result.meta.tags
                            ?.split(' · ')
                            .map((tag) => `#${tag}`)
                            .join(' '),
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </p>
                      {/* Pagefind's excerpt is escaped text with <mark> around the hits. */}
                      <p
                        className="search-excerpt mt-2"
                        dangerouslySetInnerHTML={{ __html: hit?.excerpt ?? result.excerpt }}
                      />
                    </article>
                  </li>
                );
              })}
            </ol>
          </>
        )}
      </div>
    </div>
  );
}
