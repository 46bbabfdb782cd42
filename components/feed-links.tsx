import { FEED_FILES, feedPath, type FeedFormat, type FeedSource } from '@/lib/site/feed';
import { siteConfig } from '@/site.config';

/** Visible links to a feed in its three formats. Plain <a>: feeds are files, not pages. */
export function FeedLinks({ source, label }: { source: FeedSource; label: string }) {
  return (
    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
      <span>{label}</span>
      {(Object.keys(FEED_FILES) as FeedFormat[]).map((format) => (
        <a
          key={format}
          href={`${siteConfig.basePath}${feedPath(source.pagePath, format)}`}
          className="text-accent hover:text-accent-hover"
        >
          {format === 'rss' ? 'RSS feed' : FEED_FILES[format].label}
        </a>
      ))}
    </p>
  );
}
