import { SiteLink } from '@/components/site-link';
import { formatDay } from '@/lib/site/format';
import type { PostListItem } from '@/lib/site/posts';

/** A compact list of posts, a date and a title link each: the archive and related posts. */
export function DatedPostList({
  posts,
  linkClassName = 'text-fg hover:text-accent',
}: {
  posts: PostListItem[];
  linkClassName?: string;
}) {
  return (
    <ol className="space-y-2">
      {posts.map((post) => (
        <li key={post.slug} className="flex flex-col gap-x-4 sm:flex-row sm:items-baseline">
          <time
            dateTime={post.date.day}
            className="shrink-0 text-sm tabular-nums text-muted sm:w-36"
          >
            {formatDay(post.date.day)}
          </time>
          <SiteLink href={post.url} className={linkClassName}>
            {post.title}
          </SiteLink>
        </li>
      ))}
    </ol>
  );
}
