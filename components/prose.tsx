import { bodiesSplicedAfterBuild, pageBodyMarker } from '@/lib/export/post-bodies';
import type { Post } from '@/lib/site/posts';

const PROSE_CLASS =
  'prose prose-blog max-w-none sm:prose-lg prose-headings:tracking-tight prose-a:underline-offset-2';

/** Typography for rendered markdown: the one prose wrapper. */
export function Prose({ html }: { html: string }) {
  // Built at build time from the author's own markdown; raw HTML is kept as written.
  return <div className={PROSE_CLASS} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** A post's body in the prose wrapper; in an export build, a marker that post-export fills (lib/export/post-bodies.ts). */
export function PostBody({ post }: { post: Post }) {
  if (bodiesSplicedAfterBuild)
    return <div className={PROSE_CLASS} data-post-body={pageBodyMarker(post.slug)} />;
  return <Prose html={post.html} />;
}
