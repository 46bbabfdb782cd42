import { GA4_SCRIPT, ga4InlineScript, type AnalyticsSettings } from '@/lib/site/third-party';
import { siteConfig } from '@/site.config';

/** One service's tags, as the service documents them, deferred: none holds up the page. */
function ServiceScripts({ service }: { service: AnalyticsSettings }) {
  switch (service.provider) {
    case 'plausible':
      return <script defer data-domain={service.domain} src={service.src} />;
    case 'umami':
      return <script defer data-website-id={service.websiteId} src={service.src} />;
    case 'ga4':
      return (
        <>
          {/* Google's start, inline (the CSP step hashes it like every inline script of the export); the loader
              is deferred like the others, so it runs after the start has queued the config. (React would move
              an async one to the top of <head>, before the start.) */}
          <script dangerouslySetInnerHTML={{ __html: ga4InlineScript(service.measurementId) }} />
          <script defer src={`${GA4_SCRIPT}?id=${encodeURIComponent(service.measurementId)}`} />
        </>
      );
  }
}

/** The analytics the site turns on (site.config.ts `analytics`), in <head>; none by default. */
export function Analytics() {
  return siteConfig.analytics.map((service) => (
    <ServiceScripts key={service.provider} service={service} />
  ));
}
