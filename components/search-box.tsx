import { siteConfig } from '@/site.config';
import { searchPath } from '@/lib/site/urls';

/** The header's search box: a plain GET form to the search page, so it works without JavaScript. public/site.js adds the "/" and Ctrl+K shortcut. */
export function SearchBox() {
  const action = `${siteConfig.basePath}${searchPath()}`;
  return (
    <form role="search" action={action} method="get" className="hidden md:block">
      <label htmlFor="site-search" className="sr-only">
        Search posts
      </label>
      <input
        id="site-search"
        name="q"
        type="search"
        data-search-box=""
        placeholder="Search  /"
        autoComplete="off"
        className="h-9 w-40 rounded-md border border-border bg-bg px-3 text-sm text-fg placeholder:text-muted focus:w-56 focus:border-accent"
      />
    </form>
  );
}
