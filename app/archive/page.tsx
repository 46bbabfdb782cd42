import { DatedPostList } from '@/components/dated-post-list';
import { PageHeading } from '@/components/page-heading';
import { pluralize } from '@/lib/site/format';
import { pageMetadata } from '@/lib/site/metadata';
import { getArchive, getPosts } from '@/lib/site/posts';
import { archivePath } from '@/lib/site/urls';

export const metadata = pageMetadata({
  title: 'Archive',
  description: 'Every post, by year.',
  path: archivePath(),
});

export default function ArchivePage() {
  const years = getArchive();
  return (
    <>
      <PageHeading title="Archive">{pluralize(getPosts().length, 'post')}</PageHeading>
      {years.map(({ year, posts }) => (
        <section key={year} aria-labelledby={`year-${year}`} className="mb-10">
          <h2
            id={`year-${year}`}
            className="mb-3 flex items-baseline gap-3 border-b border-border pb-2 text-2xl font-bold tracking-tight"
          >
            {year}{' '}
            <span className="text-sm font-normal text-muted">
              {pluralize(posts.length, 'post')}
            </span>
          </h2>
          <DatedPostList posts={posts} />
        </section>
      ))}
    </>
  );
}
