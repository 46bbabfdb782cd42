/**
 * The math stylesheet and its one font, served from Temml's own files at build time (app/math/, at
 * urls.ts `mathStylesheetPath`): only a page with math links them, so no other page loads a byte of them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const TEMML_DIST = path.join(process.cwd(), 'node_modules', 'temml', 'dist');

/** A GET handler serving one of Temml's files (the stylesheet names the font beside it, `Temml.woff2`). */
export function temmlFileRoute(file: 'Temml-Local.css' | 'Temml.woff2', contentType: string) {
  return {
    GET: () =>
      new Response(readFileSync(path.join(TEMML_DIST, file)), {
        headers: { 'Content-Type': contentType },
      }),
  };
}
