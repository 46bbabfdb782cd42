import { siteFeedSource } from '@/lib/site/feed';
import { siteConfig } from '@/site.config';
import { FeedLinks } from './feed-links';

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-border">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-5 py-6 text-sm text-muted">
        <p>
          © {new Date().getFullYear()} {siteConfig.author.name}
        </p>
        <FeedLinks source={siteFeedSource()} label="Subscribe:" />
      </div>
    </footer>
  );
}
