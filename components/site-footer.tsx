import { siteConfig } from '@/site.config';
import { feedPath } from '@/lib/urls';

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-border">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-3 px-5 py-6 text-sm text-muted">
        <p>
          © {new Date().getFullYear()} {siteConfig.author.name}
        </p>
        {/* A plain <a>: the feed is a file, not a page for the client router. */}
        <a href={`${siteConfig.basePath}${feedPath()}`} className="hover:text-accent">
          RSS feed
        </a>
      </div>
    </footer>
  );
}
