import { GISCUS_SCRIPT } from '@/lib/site/third-party';
import { sitePath } from '@/lib/site/urls';
import { siteConfig } from '@/site.config';

/**
 * giscus comments under a post, when the site turns them on (site.config.ts `comments`): a placeholder that
 * public/comments.js fills with giscus's script once the reader scrolls near it. Nothing of giscus loads before,
 * and nothing at all on a site without comments.
 */
export function Comments() {
  const giscus = siteConfig.comments;
  if (!giscus) return null;
  return (
    <section
      aria-labelledby="comments-heading"
      className="mt-12 border-t border-border pt-8"
      data-pagefind-ignore=""
    >
      <h2 id="comments-heading" className="text-xl font-semibold tracking-tight">
        Comments
      </h2>
      {/* The data-* of giscus's own script tag; comments.js copies them onto the script it adds. */}
      <div
        className="giscus mt-4 min-h-24"
        data-comments=""
        data-src={GISCUS_SCRIPT}
        data-repo={giscus.repo}
        data-repo-id={giscus.repoId}
        data-category={giscus.category}
        data-category-id={giscus.categoryId}
        data-mapping="pathname"
        data-strict="1"
        data-reactions-enabled="1"
        data-emit-metadata="0"
        data-input-position="top"
        data-lang={siteConfig.language}
      >
        <noscript>
          <p className="text-sm text-muted">
            Comments are loaded from GitHub Discussions with JavaScript.
          </p>
        </noscript>
      </div>
      <script src={sitePath('/comments.js')} defer />
    </section>
  );
}
