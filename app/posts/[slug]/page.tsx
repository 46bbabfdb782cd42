import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Comments } from '@/components/comments';
import { JsonLd } from '@/components/json-ld';
import { PostMeta } from '@/components/post-meta';
import { PostNavigation } from '@/components/post-navigation';
import { PostTags } from '@/components/post-tags';
import { PostBody } from '@/components/prose';
import { TableOfContents } from '@/components/table-of-contents';
import { formatDay } from '@/lib/site/format';
import { pageMetadata } from '@/lib/site/metadata';
import { getPost, getPosts, showsAuthors } from '@/lib/site/posts';
import { blogPostingLd, breadcrumbLd, postCrumbs } from '@/lib/site/structured-data';
import { mathStylesheetPath, sitePath } from '@/lib/site/urls';

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
    sections: post.categories.map((category) => category.name),
    tags: post.tags.map((tag) => tag.name),
    // On a blog of several authors, the post's own; otherwise the site's, as the layout says.
    ...(showsAuthors() ? { authors: post.authors } : {}),
    image: post.shareImage,
  });
}

export default async function PostPage({ params }: PostPageProps) {
  const post = getPost(decodeURIComponent((await params).slug));
  if (!post) notFound();
  return (
    // Only this article is indexed for search: its title, standfirst, categories, tags and body.
    <article className="relative" data-pagefind-body="">
      {post.hasMath ? (
        // React puts it in the head; only pages with math load it.
        <link rel="stylesheet" href={sitePath(mathStylesheetPath())} precedence="default" />
      ) : null}
      <header className="mb-8">
        <h1 className="text-3xl font-bold leading-tight tracking-tight sm:text-4xl">
          {post.title}
        </h1>
        {post.lead ? (
          <p className="mt-3 text-lg leading-relaxed text-muted sm:text-xl">{post.lead}</p>
        ) : null}
        <span hidden data-pagefind-meta={`date:${post.date.day}`} />
        <span
          hidden
          data-pagefind-meta={`categories:${post.categories.map((category) => category.name.replaceAll(',', ' ')).join(' · ')}`}
        />
        {post.tags.length > 0 ? (
          <span
            hidden
            data-pagefind-meta={`tags:${post.tags.map((tag) => tag.name.replaceAll(',', ' ')).join(' · ')}`}
          />
        ) : null}
        <div className="mt-4">
          <PostMeta post={post} />
          <PostTags tags={post.tags} />
        </div>
        {post.updated ? (
          <p className="mt-2 text-sm text-muted" data-pagefind-ignore="">
            Updated <time dateTime={post.updated.day}>{formatDay(post.updated.day)}</time>
          </p>
        ) : null}
      </header>
      <TableOfContents headings={post.headings} />
      <PostBody post={post} />
      {post.editUrl ? (
        <p className="mt-10 text-sm" data-pagefind-ignore="">
          <a
            href={post.editUrl}
            rel="noopener"
            className="font-medium text-accent hover:text-accent-hover"
          >
            Edit this post
          </a>
        </p>
      ) : null}
      <PostNavigation post={post} />
      <Comments />
      <JsonLd data={blogPostingLd(post, post.shareImage.url)} />
      <JsonLd data={breadcrumbLd(postCrumbs(post))} />
    </article>
  );
}
