import { PostList } from '@/components/post-list';
import { PageHeading } from '@/components/page-heading';
import { pageMetadata } from '@/lib/metadata';
import { getPosts } from '@/lib/posts';
import { homePath } from '@/lib/urls';
import { siteConfig } from '@/site.config';

export const metadata = pageMetadata({ path: homePath() });

export default function HomePage() {
  return (
    <>
      <PageHeading title={siteConfig.title}>{siteConfig.description}</PageHeading>
      <PostList posts={getPosts()} />
    </>
  );
}
