import { formatDay } from '@/lib/format';
import { getPost, getPosts } from '@/lib/posts';
import { shareImageResponse } from '@/lib/share-image';

export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return getPosts().map((post) => ({ slug: post.slug }));
}

/** Each post's share image: title, date and categories. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const post = getPost(decodeURIComponent((await params).slug));
  if (!post) return new Response('Not found', { status: 404 });
  return shareImageResponse({
    title: post.title,
    kicker: formatDay(post.date.day),
    categories: post.categories.map((category) => category.name),
  });
}
