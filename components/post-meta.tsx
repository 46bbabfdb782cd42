import { SiteLink } from '@/components/site-link';
import { formatDay, pluralize } from '@/lib/site/format';
import { showsAuthors, type PostListItem } from '@/lib/site/posts';
import { AuthorByline } from './author-byline';

/** Authors (on a blog of several), date, reading time and category links of a post, in listings and on the post. */
export function PostMeta({ post }: { post: PostListItem }) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
      {showsAuthors() ? (
        <>
          <AuthorByline authors={post.authors} />
          <span aria-hidden="true">·</span>
        </>
      ) : null}
      {/* Dates and reading time are not search terms (data-pagefind-ignore); categories are. */}
      <time dateTime={post.date.day} data-pagefind-ignore="">
        {formatDay(post.date.day)}
      </time>
      <span aria-hidden="true">·</span>
      <span data-pagefind-ignore="">{pluralize(post.readingMinutes, 'min')} read</span>
      {post.isDraft ? (
        <span className="rounded bg-badge-bg px-1.5 text-xs font-semibold uppercase text-badge-fg">
          Draft
        </span>
      ) : null}
      {post.isFuture ? (
        <span className="rounded bg-badge-bg px-1.5 text-xs font-semibold uppercase text-badge-fg">
          Scheduled
        </span>
      ) : null}
      {post.categories.length > 0 ? (
        <ul className="flex flex-wrap gap-2" aria-label="Categories">
          {post.categories.map((category) => (
            <li key={category.slug}>
              <SiteLink
                href={category.url}
                className="rounded-full border border-border px-2 py-0.5 text-xs font-medium text-accent hover:border-accent"
              >
                {category.name}
              </SiteLink>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
