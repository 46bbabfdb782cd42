import { shareImageResponse } from '@/lib/share-image';
import { siteConfig } from '@/site.config';

export const dynamic = 'force-static';

/** The site-wide share image, for every page without its own. */
export function GET() {
  return shareImageResponse({ title: siteConfig.description, kicker: siteConfig.title });
}
