import { SiteLink } from '@/components/site-link';
import type { PostListItem } from '@/lib/site/posts';
import { PostMeta } from './post-meta';

/** The one listing of posts, used by the home page and every category page. */
export function PostList({ posts }: { posts: PostListItem[] }) {
  if (posts.length === 0) return <p className="text-muted">No posts yet.</p>;
  return (
    <ol className="divide-y divide-border">
      {posts.map((post) => (
        <li key={post.slug} className="py-7 first:pt-2">
          <article>
            <h2 className="text-xl font-semibold leading-snug tracking-tight">
              <SiteLink href={post.url} className="text-fg hover:text-accent">
                {post.title}
              </SiteLink>
            </h2>
            <div className="mt-2">
              <PostMeta post={post} />
            </div>
            {post.excerpt ? <p className="mt-3 leading-relaxed">{post.excerpt}</p> : null}
          </article>
        </li>
      ))}
    </ol>
  );
}
