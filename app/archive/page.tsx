import Link from 'next/link';
import { PageHeading } from '@/components/page-heading';
import { formatDay, pluralize } from '@/lib/format';
import { pageMetadata } from '@/lib/metadata';
import { getArchive, getPosts } from '@/lib/posts';
import { archivePath } from '@/lib/urls';

export const metadata = pageMetadata({ title: 'Archive', description: 'Every post, by year.', path: archivePath() });

export default function ArchivePage() {
  const years = getArchive();
  return (
    <>
      <PageHeading title="Archive">{pluralize(getPosts().length, 'post')}</PageHeading>
      {years.map(({ year, posts }) => (
        <section key={year} aria-labelledby={`year-${year}`} className="mb-10">
          <h2 id={`year-${year}`} className="mb-3 flex items-baseline gap-3 border-b border-border pb-2 text-2xl font-bold tracking-tight">
            {year}{' '}
            <span className="text-sm font-normal text-muted">{pluralize(posts.length, 'post')}</span>
          </h2>
          <ol className="space-y-2">
            {posts.map((post) => (
              <li key={post.slug} className="flex flex-col gap-x-4 sm:flex-row sm:items-baseline">
                <time dateTime={post.date.day} className="shrink-0 text-sm tabular-nums text-muted sm:w-32">
                  {formatDay(post.date.day)}
                </time>
                <Link href={post.url} className="text-fg hover:text-accent">
                  {post.title}
                </Link>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}
