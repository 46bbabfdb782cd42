import type { MetadataRoute } from 'next';
import { absoluteUrl, sitemapPath } from '@/lib/site/urls';

export const dynamic = 'force-static';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/' },
    sitemap: absoluteUrl(sitemapPath()),
  };
}
