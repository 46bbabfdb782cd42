import { SiteLink } from '@/components/site-link';
import type { Post, PostListItem } from '@/lib/site/posts';
import { DatedPostList } from './dated-post-list';

function NeighbourLink({
  post,
  label,
  align,
}: {
  post: PostListItem;
  label: string;
  align: 'start' | 'end';
}) {
  return (
    <SiteLink
      href={post.url}
      className={`flex flex-col gap-1 rounded-lg border border-border p-4 hover:border-accent ${align === 'end' ? 'sm:items-end sm:text-right' : ''}`}
    >
      <span className="text-xs font-semibold uppercase tracking-wider text-muted">{label}</span>
      <span className="font-medium text-fg">{post.title}</span>
    </SiteLink>
  );
}

/** Previous / next post by date, then up to three related posts. */
export function PostNavigation({ post }: { post: Post }) {
  return (
    <div data-pagefind-ignore="">
      {post.previous || post.next ? (
        <nav aria-label="More posts" className="mt-12 grid gap-4 sm:grid-cols-2">
          {post.previous ? (
            <NeighbourLink post={post.previous} label="← Previous post" align="start" />
          ) : (
            <span />
          )}
          {post.next ? <NeighbourLink post={post.next} label="Next post →" align="end" /> : null}
        </nav>
      ) : null}
      {post.related.length > 0 ? (
        <section aria-labelledby="related-posts" className="mt-12">
          <h2 id="related-posts" className="mb-4 text-xl font-semibold tracking-tight">
            Related posts
          </h2>
          <DatedPostList posts={post.related} linkClassName="text-accent hover:text-accent-hover" />
        </section>
      ) : null}
    </div>
  );
}
