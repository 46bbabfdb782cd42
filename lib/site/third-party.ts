/**
 * The third-party services a blog owner may turn on (site.config.ts; off by default, and off loads nothing):
 * giscus comments under each post, and analytics. What each needs is written here once: the scripts the pages
 * load (components/comments.tsx, components/analytics.tsx) and the Content-Security-Policy sources those scripts
 * need, which the export records (lib/export/csp.ts) and every host adds to its header
 * (deploy/security-headers.mjs).
 */

/** giscus (GitHub Discussions): the four values giscus.app gives for a repository and a discussion category. */
export interface GiscusSettings {
  /** `owner/name` */
  repo: string;
  repoId: string;
  category: string;
  categoryId: string;
}

export type AnalyticsSettings =
  /** Plausible: the site's domain as registered there; `src` is plausible.io's script or a self-hosted one. */
  | { provider: 'plausible'; domain: string; src: string }
  /** Umami: the website id; `src` is Umami Cloud's script or a self-hosted one. */
  | { provider: 'umami'; websiteId: string; src: string }
  /** Google Analytics 4: the measurement id (`G-…`). */
  | { provider: 'ga4'; measurementId: string };

export interface ThirdPartySettings {
  comments?: GiscusSettings;
  analytics: readonly AnalyticsSettings[];
}

export const GISCUS_ORIGIN = 'https://giscus.app';
export const GISCUS_SCRIPT = `${GISCUS_ORIGIN}/client.js`;
export const PLAUSIBLE_SCRIPT = 'https://plausible.io/js/script.js';
export const UMAMI_CLOUD_SCRIPT = 'https://cloud.umami.is/script.js';
const UMAMI_CLOUD_ORIGIN = new URL(UMAMI_CLOUD_SCRIPT).origin;
/** Where Umami Cloud's script sends events: not its own origin (docs/decisions.md). */
const UMAMI_CLOUD_COLLECTORS = ['https://gateway.umami.is', 'https://api-gateway.umami.dev'];
export const GA4_SCRIPT = 'https://www.googletagmanager.com/gtag/js';
/** The hosts Google documents for GA4 under a CSP: the tag from googletagmanager, hits to google-analytics. */
const GA4_CONNECT = [
  'https://*.google-analytics.com',
  'https://*.analytics.google.com',
  'https://*.googletagmanager.com',
];
const GA4_IMG = ['https://*.google-analytics.com', 'https://*.googletagmanager.com'];

/** GA4's own inline start, as Google gives it: hashed into the CSP like every inline script of the export. */
export function ga4InlineScript(measurementId: string): string {
  return `window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());gtag('config',${JSON.stringify(measurementId)});`;
}

/** CSP sources by directive (`script-src` → origins), sorted, each once. */
export type CspSources = Record<string, string[]>;

/** The sources the turned-on services need, and nothing when none is on. */
export function thirdPartyCspSources({ comments, analytics }: ThirdPartySettings): CspSources {
  const sources = new Map<string, Set<string>>();
  const add = (directive: string, ...origins: string[]) => {
    const set = sources.get(directive) ?? new Set<string>();
    for (const origin of origins) set.add(origin);
    sources.set(directive, set);
  };
  if (comments) {
    // client.js, the stylesheet it adds for the frame, and the frame itself.
    add('script-src', GISCUS_ORIGIN);
    add('style-src', GISCUS_ORIGIN);
    add('frame-src', GISCUS_ORIGIN);
  }
  for (const service of analytics) {
    if (service.provider === 'ga4') {
      add('script-src', new URL(GA4_SCRIPT).origin);
      add('connect-src', ...GA4_CONNECT);
      add('img-src', ...GA4_IMG);
      continue;
    }
    const origin = new URL(service.src).origin;
    add('script-src', origin);
    add('connect-src', origin);
    if (service.provider === 'umami' && origin === UMAMI_CLOUD_ORIGIN)
      add('connect-src', ...UMAMI_CLOUD_COLLECTORS);
  }
  return Object.fromEntries(
    [...sources]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, set]) => [name, [...set].sort()]),
  );
}
