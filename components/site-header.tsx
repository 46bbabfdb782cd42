import { SiteLink } from '@/components/site-link';
import { siteNav } from '@/lib/site/pages';
import { siteConfig } from '@/site.config';
import { SearchBox } from './search-box';
import { ThemeToggle } from './theme-toggle';

function NavLinks({ className }: { className: string }) {
  return (
    <ul className={className}>
      {siteNav().map((item) => (
        <li key={item.href}>
          <SiteLink href={item.href} className="block rounded py-1 text-muted hover:text-accent">
            {item.label}
          </SiteLink>
        </li>
      ))}
    </ul>
  );
}

export function SiteHeader() {
  return (
    <header className="border-b border-border">
      <a
        href="#main"
        className="sr-only rounded bg-accent px-3 py-2 font-medium text-bg focus:not-sr-only focus:absolute focus:left-3 focus:top-3 focus:z-50"
      >
        Skip to content
      </a>
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-5 py-3">
        <SiteLink href="/" className="text-lg font-bold tracking-tight text-fg hover:text-accent">
          {siteConfig.title}
        </SiteLink>
        <div className="flex items-center gap-3">
          <nav aria-label="Main" className="hidden sm:block">
            <NavLinks className="flex gap-5 text-sm font-medium" />
          </nav>
          <SearchBox />
          <ThemeToggle />
          {/* Phones: the same links behind a disclosure, which needs no JavaScript. */}
          <details className="group relative sm:hidden">
            <summary className="flex h-9 cursor-pointer list-none items-center rounded-md border border-border px-2.5 text-sm text-muted hover:text-accent [&::-webkit-details-marker]:hidden">
              Menu
            </summary>
            <nav
              aria-label="Main menu"
              className="absolute right-0 z-40 mt-2 w-48 rounded-lg border border-border bg-bg p-3 shadow-lg"
            >
              <NavLinks className="flex flex-col gap-1 text-base font-medium" />
            </nav>
          </details>
        </div>
      </div>
    </header>
  );
}
