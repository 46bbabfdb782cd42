import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import '@/styles/globals.css';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { absoluteUrl } from '@/lib/urls';
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
    <html lang={siteConfig.language}>
      <body className="flex min-h-screen flex-col bg-bg font-sans text-fg antialiased">
        <SiteHeader />
        <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-5 pt-10">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
