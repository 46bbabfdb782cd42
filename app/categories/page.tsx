import { SiteLink } from '@/components/site-link';
import { PageHeading } from '@/components/page-heading';
import { pluralize } from '@/lib/site/format';
import { pageMetadata } from '@/lib/site/metadata';
import { getCategories } from '@/lib/site/posts';
import { categoriesPath } from '@/lib/site/urls';

export const metadata = pageMetadata({
  title: 'Categories',
  description: 'Every topic on the blog.',
  path: categoriesPath(),
});

export default function CategoriesPage() {
  const categories = getCategories();
  return (
    <>
      <PageHeading title="Categories">
        {pluralize(categories.length, 'category', 'categories')}
      </PageHeading>
      <ul className="grid gap-3 sm:grid-cols-2">
        {categories.map((category) => (
          <li key={category.slug}>
            <SiteLink
              href={category.url}
              className="flex items-baseline justify-between rounded-lg border border-border px-4 py-3 hover:border-accent"
            >
              <span className="font-medium text-fg">{category.name}</span>
              <span className="text-sm text-muted">{pluralize(category.posts.length, 'post')}</span>
            </SiteLink>
          </li>
        ))}
      </ul>
    </>
  );
}
