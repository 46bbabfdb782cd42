import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import '@/styles/globals.css';
import { Analytics } from '@/components/analytics';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { THEME_SCRIPT } from '@/lib/site/theme';
import { absoluteUrl, sitePath } from '@/lib/site/urls';
import { siteConfig } from '@/site.config';

export const metadata: Metadata = {
  metadataBase: new URL(absoluteUrl('/')),
  title: { default: siteConfig.title, template: `%s · ${siteConfig.title}` },
  description: siteConfig.description,
  authors: [{ name: siteConfig.author.name, url: siteConfig.author.url }],
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#0f1419' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The theme script changes <html>'s class before React hydrates.
    <html lang={siteConfig.language} suppressHydrationWarning>
      <head>
        {/* Inline and first in <head>: the theme is applied before first paint and before any bundle. */}
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
        {/* The theme toggle, Copy buttons and search shortcut: plain JavaScript (no framework runtime on pages). */}
        <script src={sitePath('/site.js')} defer />
        <Analytics />
      </head>
      <body className="flex min-h-screen flex-col bg-bg font-sans text-fg antialiased">
        <SiteHeader />
        <main
          id="main"
          tabIndex={-1}
          className="mx-auto w-full max-w-3xl flex-1 px-5 pt-10 focus:outline-none"
        >
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
