'use client';

import { useSyncExternalStore } from 'react';
import { applyTheme, THEME_STORAGE_KEY, type ThemeChoice } from '@/lib/theme';

const NEXT: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };
const LABEL: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const currentTheme = () => (document.documentElement.dataset.theme as ThemeChoice | undefined) ?? 'system';

/** The theme toggle: cycles system → light → dark, remembered in localStorage. */
export function ThemeToggle() {
  const theme = useSyncExternalStore(subscribe, currentTheme, () => 'system' as ThemeChoice);
  const choose = () => {
    const next = NEXT[theme];
    applyTheme(document.documentElement, next);
    try {
      localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // Private mode without storage: the choice lasts for this page only.
    }
    listeners.forEach((listener) => listener());
  };
  return (
    <button
      type="button"
      onClick={choose}
      className="inline-flex h-9 items-center gap-1.5 rounded-md border border-border px-2.5 text-sm text-muted hover:border-accent hover:text-accent"
      aria-label={`Theme: ${LABEL[theme]}. Switch to ${LABEL[NEXT[theme]]}`}
      title={`Theme: ${LABEL[theme]}`}
    >
      <ThemeIcon theme={theme} />
      <span aria-hidden="true" className="hidden sm:inline">
        {LABEL[theme]}
      </span>
    </button>
  );
}

function ThemeIcon({ theme }: { theme: ThemeChoice }) {
  const common = { width: 16, height: 16, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 2, 'aria-hidden': true } as const;
  if (theme === 'light') {
    return (
      <svg {...common}>
        <circle cx="12" cy="12" r="4" />
        <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
      </svg>
    );
  }
  if (theme === 'dark') {
    return (
      <svg {...common}>
        <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" />
      </svg>
    );
  }
  return (
    <svg {...common}>
      <rect x="3" y="4" width="18" height="12" rx="2" />
      <path d="M8 20h8M12 16v4" />
    </svg>
  );
}
