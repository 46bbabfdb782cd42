import type { ComponentProps } from 'react';
import { sitePath } from '@/lib/site/urls';

/**
 * A link to a page of the site: a plain `<a>` with the base path. The export's
 * pages are separate documents without Next's client router (see
 * docs/decisions.md, "Pages without a framework runtime"), so next/link's
 * client navigation and prefetching would only fetch payloads that are not there.
 */
export function SiteLink({ href, ...props }: Omit<ComponentProps<'a'>, 'href'> & { href: string }) {
  return <a href={sitePath(href)} {...props} />;
}
