/**
 * The reader's colour theme: 'light', 'dark', or 'system' (follow the OS).
 * Stored in localStorage; applied to <html> as a class by THEME_SCRIPT, which
 * runs inline in <head> before first paint, so no page flashes the wrong theme.
 */
export type ThemeChoice = 'light' | 'dark' | 'system';

export const THEME_STORAGE_KEY = 'theme';

/** Applies a choice to <html>: the class for CSS, data-theme for the toggle. */
export function applyTheme(root: HTMLElement, choice: ThemeChoice): void {
  root.classList.remove('light', 'dark');
  if (choice !== 'system') root.classList.add(choice);
  root.dataset.theme = choice;
}

/** The same logic, inlined as a string: it must run before any bundle loads. */
export const THEME_SCRIPT = `(function(){var r=document.documentElement,t='system';try{t=localStorage.getItem('${THEME_STORAGE_KEY}')||'system'}catch(e){}if(t!=='light'&&t!=='dark')t='system';else r.classList.add(t);r.dataset.theme=t})()`;
