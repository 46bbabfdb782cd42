import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CopyCodeButtons } from '@/components/copy-code-buttons';
import { PostMeta } from '@/components/post-meta';
import { PostNavigation } from '@/components/post-navigation';
import { Prose } from '@/components/prose';
import { TableOfContents } from '@/components/table-of-contents';
import { formatDay } from '@/lib/format';
import { pageMetadata } from '@/lib/metadata';
import { getPost, getPosts } from '@/lib/posts';

interface PostPageProps {
  params: Promise<{ slug: string }>;
}

export const dynamicParams = false;

export function generateStaticParams() {
  return getPosts().map((post) => ({ slug: post.slug }));
}

export async function generateMetadata({ params }: PostPageProps): Promise<Metadata> {
  const post = getPost(decodeURIComponent((await params).slug));
  if (!post) return {};
  return pageMetadata({
    title: post.title,
    description: post.excerpt,
    path: post.url,
    type: 'article',
    publishedTime: post.date.iso,
    modifiedTime: post.updated?.iso,
  });
}

export default async function PostPage({ params }: PostPageProps) {
  const post = getPost(decodeURIComponent((await params).slug));
  if (!post) notFound();
  return (
    <article className="relative">
      <header className="mb-8">
        <h1 className="text-3xl font-bold leading-tight tracking-tight sm:text-4xl">{post.title}</h1>
        <div className="mt-4">
          <PostMeta post={post} />
        </div>
        {post.updated ? (
          <p className="mt-2 text-sm text-muted">
            Updated <time dateTime={post.updated.day}>{formatDay(post.updated.day)}</time>
          </p>
        ) : null}
      </header>
      <TableOfContents headings={post.headings} />
      <Prose html={post.html} />
      <PostNavigation post={post} />
      <CopyCodeButtons />
    </article>
  );
}
