import { SiteLink } from '@/components/site-link';
import { PageHeading } from '@/components/page-heading';

export const metadata = { title: 'Page not found', robots: { index: false } };

export default function NotFound() {
  return (
    <div className="py-10">
      <p className="text-sm font-semibold uppercase tracking-widest text-accent">404</p>
      <PageHeading title="Page not found">
        The page you asked for is not here. It may have moved, or the link may be mistyped.
      </PageHeading>
      <p className="flex gap-6">
        <SiteLink href="/" className="font-medium text-accent hover:text-accent-hover">
          Read the latest posts
        </SiteLink>
        <SiteLink href="/categories/" className="font-medium text-accent hover:text-accent-hover">
          Browse categories
        </SiteLink>
      </p>
    </div>
  );
}
