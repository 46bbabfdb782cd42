import { SiteLink } from '@/components/site-link';
import { siteConfig } from '@/site.config';

/**
 * A static redirect that works on any host: an immediate meta refresh (React
 * hoists it into <head>), and a plain link for readers whose browser does not follow it.
 */
export function RedirectPage({ to }: { to: string }) {
  return (
    <>
      <meta httpEquiv="refresh" content={`0; url=${siteConfig.basePath}${to}`} />
      <p className="py-10">
        This page has moved to{' '}
        <SiteLink href={to} className="text-accent underline">
          {siteConfig.basePath}
          {to}
        </SiteLink>
        .
      </p>
    </>
  );
}
