import { PageHeading } from '@/components/page-heading';
import { SearchResults } from '@/components/search-results';
import { pageMetadata } from '@/lib/site/metadata';
import { searchPath } from '@/lib/site/urls';
import { siteConfig } from '@/site.config';

export const metadata = pageMetadata({
  title: 'Search',
  description: `Search every post on ${siteConfig.title}.`,
  path: searchPath(),
});

export default function SearchPage() {
  return (
    <>
      <PageHeading title="Search" />
      <SearchResults basePath={siteConfig.basePath} />
    </>
  );
}
