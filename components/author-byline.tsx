import { Fragment } from 'react';
import { SiteLink } from '@/components/site-link';
import type { AuthorLink } from '@/lib/site/posts';

/** "By Jane Doe and Sam Lee", each a link to the author's page; shown only on a blog of several authors. */
export function AuthorByline({ authors }: { authors: readonly AuthorLink[] }) {
  return (
    <span data-byline="">
      By{' '}
      {authors.map((author, position) => (
        <Fragment key={author.slug}>
          {position === 0 ? '' : position === authors.length - 1 ? ' and ' : ', '}
          <SiteLink
            href={author.url}
            rel="author"
            className="font-medium text-fg hover:text-accent"
          >
            {author.name}
          </SiteLink>
        </Fragment>
      ))}
    </span>
  );
}
