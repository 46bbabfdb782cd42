import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeading } from '@/components/page-heading';
import { PostList } from '@/components/post-list';
import { pluralize } from '@/lib/format';
import { pageMetadata } from '@/lib/metadata';
import { getCategories, getCategory } from '@/lib/posts';

interface CategoryPageProps {
  params: Promise<{ category: string }>;
}

export const dynamicParams = false;

export function generateStaticParams() {
  return getCategories().map((category) => ({ category: category.slug }));
}

export async function generateMetadata({ params }: CategoryPageProps): Promise<Metadata> {
  const category = getCategory(decodeURIComponent((await params).category));
  if (!category) return {};
  return pageMetadata({
    title: category.name,
    description: `Posts about ${category.name}.`,
    path: category.url,
  });
}

export default async function CategoryPage({ params }: CategoryPageProps) {
  const category = getCategory(decodeURIComponent((await params).category));
  if (!category) notFound();
  return (
    <>
      <PageHeading title={category.name}>{pluralize(category.posts.length, 'post')}</PageHeading>
      <PostList posts={category.posts} />
    </>
  );
}
