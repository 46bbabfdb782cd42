/**
 * The reader's colour theme: 'light', 'dark', or 'system' (follow the OS).
 * Stored in localStorage; applied to <html> as a class by THEME_SCRIPT, which
 * runs inline in <head> before first paint, so no page flashes the wrong theme.
 */
export type ThemeChoice = 'light' | 'dark' | 'system';

/** The localStorage key; public/site.js (the toggle) writes the same one. */
export const THEME_STORAGE_KEY = 'theme';

/** Applies the stored choice to <html> (the class for CSS, data-theme for the toggle), inlined: it must run before first paint. */
export const THEME_SCRIPT = `(function(){var r=document.documentElement,t='system';try{t=localStorage.getItem('${THEME_STORAGE_KEY}')||'system'}catch(e){}if(t!=='light'&&t!=='dark')t='system';else r.classList.add(t);r.dataset.theme=t})()`;
