import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Prose } from '@/components/prose';
import { pageMetadata } from '@/lib/site/metadata';
import { getPage, pageParams } from '@/lib/site/pages';

interface SitePageProps {
  params: Promise<{ pagePath: string[] }>;
}

export const dynamicParams = false;

export function generateStaticParams() {
  return pageParams();
}

export async function generateMetadata({ params }: SitePageProps): Promise<Metadata> {
  const page = getPage((await params).pagePath);
  if (!page) return {};
  return pageMetadata({ title: page.title, description: page.description, path: page.url });
}

/** A markdown page, the site's own (content/pages/about.md) or a Jekyll site's: its title and body, no date. */
export default async function SitePage({ params }: SitePageProps) {
  const page = getPage((await params).pagePath);
  if (!page) notFound();
  return (
    <article data-pagefind-body="">
      <header className="mb-8">
        <h1 className="text-3xl font-bold leading-tight tracking-tight sm:text-4xl">
          {page.title}
        </h1>
      </header>
      <Prose html={page.html} />
    </article>
  );
}
