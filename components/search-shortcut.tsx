'use client';

import { useEffect } from 'react';

/**
 * "/" or Ctrl/Cmd+K focuses the header's search box (or opens the search page
 * where the box is hidden, on phones). A listener, no markup.
 */
export function SearchShortcut({ searchPageUrl }: { searchPageUrl: string }) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target?.closest('input, textarea, select, [contenteditable="true"]');
      const isSlash = event.key === '/' && !typing && !event.metaKey && !event.ctrlKey && !event.altKey;
      const isCommandK = event.key.toLowerCase() === 'k' && (event.metaKey || event.ctrlKey);
      if (!isSlash && !isCommandK) return;
      event.preventDefault();
      const box = document.querySelector<HTMLInputElement>('input[data-search-box]');
      if (box && box.offsetParent !== null) {
        box.focus();
        box.select();
      } else {
        window.location.assign(searchPageUrl);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [searchPageUrl]);
  return null;
}
