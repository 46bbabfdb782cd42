import { PageHeading } from '@/components/page-heading';
import { SiteLink } from '@/components/site-link';
import { pluralize } from '@/lib/site/format';
import { TAXONOMIES, type Taxonomy } from '@/lib/site/taxonomies';

/**
 * Every category or tag with its number of posts, by name. public/site.js shows the "Most used" order
 * switch and reorders the list; without the script the list stays by name.
 */
export function TermIndex({ taxonomy }: { taxonomy: Taxonomy }) {
  const terms = taxonomy.terms();
  // The other indexes (tags from categories, and back), when they list anything.
  const others = TAXONOMIES.filter((other) => other !== taxonomy && other.terms().length > 0);
  return (
    <>
      <PageHeading title={taxonomy.title}>
        {pluralize(terms.length, taxonomy.singular, taxonomy.plural)}
      </PageHeading>
      {terms.length > 1 ? (
        <div
          data-term-order=""
          hidden
          role="group"
          aria-label="Order"
          className="mb-4 flex items-center gap-2 text-sm text-muted"
        >
          <span aria-hidden="true">Order:</span>
          <button
            type="button"
            data-order="name"
            aria-pressed="true"
            className="rounded-full border border-border px-3 py-1 font-medium text-fg hover:border-accent aria-pressed:border-accent aria-pressed:text-accent"
          >
            By name
          </button>
          <button
            type="button"
            data-order="count"
            aria-pressed="false"
            className="rounded-full border border-border px-3 py-1 font-medium text-fg hover:border-accent aria-pressed:border-accent aria-pressed:text-accent"
          >
            Most used
          </button>
        </div>
      ) : null}
      <ul data-term-list="" className="grid gap-3 sm:grid-cols-2">
        {terms.map((term) => (
          <li key={term.slug} data-count={term.posts.length}>
            <SiteLink
              href={term.url}
              className="flex items-baseline justify-between rounded-lg border border-border px-4 py-3 hover:border-accent"
            >
              <span className="font-medium text-fg">{term.name}</span>
              <span className="text-sm text-muted">{pluralize(term.posts.length, 'post')}</span>
            </SiteLink>
          </li>
        ))}
      </ul>
      {others.map((other) => (
        <p key={other.name} className="mt-8 text-sm">
          <SiteLink
            href={other.indexPath()}
            className="font-medium text-accent hover:text-accent-hover"
          >
            Browse by {other.singular} →
          </SiteLink>
        </p>
      ))}
    </>
  );
}
