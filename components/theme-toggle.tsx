import type { ThemeChoice } from '@/lib/site/theme';

const LABEL: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };
const ICON_PROPS = {
  width: 16,
  height: 16,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  'aria-hidden': true,
} as const;

/**
 * The theme toggle: cycles system → light → dark, remembered in localStorage.
 * Rendered once with every icon and label; CSS shows those of html[data-theme]
 * (set before first paint), and public/site.js handles the click.
 */
export function ThemeToggle() {
  return (
    <button
      type="button"
      data-theme-toggle=""
      className="theme-toggle inline-flex h-9 items-center gap-1.5 rounded-md border border-border px-2.5 text-sm text-muted hover:border-accent hover:text-accent"
      aria-label="Theme: System. Switch to Light"
      title="Theme: System"
      // site.js relabels it from the stored choice, possibly before `next dev` hydrates.
      suppressHydrationWarning
    >
      <svg {...ICON_PROPS} data-theme-choice="system">
        <rect x="3" y="4" width="18" height="12" rx="2" />
        <path d="M8 20h8M12 16v4" />
      </svg>
      <svg {...ICON_PROPS} data-theme-choice="light">
        <circle cx="12" cy="12" r="4" />
        <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
      </svg>
      <svg {...ICON_PROPS} data-theme-choice="dark">
        <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" />
      </svg>
      {(Object.keys(LABEL) as ThemeChoice[]).map((choice) => (
        <span key={choice} aria-hidden="true" data-theme-choice={choice}>
          {LABEL[choice]}
        </span>
      ))}
    </button>
  );
}
