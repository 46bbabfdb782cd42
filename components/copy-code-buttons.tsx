'use client';

import { useEffect } from 'react';

/**
 * Makes the build-time "Copy" buttons of code blocks work: one click listener
 * for the whole page, no markup of its own. Buttons stay hidden until it runs.
 */
export function CopyCodeButtons() {
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.copyReady = '';
    const onClick = async (event: MouseEvent) => {
      const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-copy-code]');
      const code = button?.closest('figure')?.querySelector('pre code');
      if (!button || !code) return;
      try {
        await navigator.clipboard.writeText(code.textContent ?? '');
        button.textContent = 'Copied';
      } catch {
        button.textContent = 'Press Ctrl+C';
      }
      window.setTimeout(() => (button.textContent = 'Copy'), 2000);
    };
    document.addEventListener('click', onClick);
    return () => {
      document.removeEventListener('click', onClick);
      delete root.dataset.copyReady;
    };
  }, []);
  return null;
}
