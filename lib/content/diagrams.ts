/**
 * Mermaid diagrams drawn at build time. The markdown pipeline marks each ```` ```mermaid ```` block
 * (lib/markdown/diagrams.ts); here every diagram of the bodies just rendered is drawn to SVG, twice (Mermaid's
 * default theme for light, its dark theme for dark), by Mermaid itself in a headless Chromium: Mermaid lays out
 * text by measuring it in a browser, and no other renderer draws what its users expect. The drawings go into the
 * staged HTML before the source, which stays as the text alternative; CSS shows the one of the reader's scheme.
 *
 * Each drawing is cached in .cache/diagrams/ by its source and the code that draws it (the lock file stands for
 * Mermaid's version), so a rebuild starts a browser only for new or changed diagrams, and a blog without any
 * never starts one. The browser is the one the tests use: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else
 * Playwright's own download.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { cacheKey, CACHED_OUTPUTS, codeFingerprint } from '../build/cache-key';
import type { BodyProblem } from '../build/problems';
import { DIAGRAM_CACHE_DIR } from '../build/paths.mjs';
import {
  diagramId,
  withDrawings,
  type DiagramDrawing,
  type DiagramSource,
} from '../markdown/diagrams';

export type { DiagramDrawing };

/** A diagram's source longer than this is refused before Mermaid sees it (Mermaid's own default limit). */
export const MAX_DIAGRAM_SOURCE = 50_000;
/** Time one drawing may take; past it the diagram is a problem, not a hung build. */
const DRAW_TIMEOUT_MS = 15_000;

/** Where a Chromium is, or undefined: CHROMIUM_PATH, else Debian's chromium, else Playwright's own download. */
export async function findChromium(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<string | undefined> {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  const { chromium } = await import('playwright-core');
  const own = chromium.executablePath();
  return own && existsSync(own) ? own : undefined;
}

/** What to do when a blog has diagrams and the machine has no browser to draw them. */
export const NO_BROWSER_MESSAGE =
  'drawing Mermaid diagrams at build time needs Chromium, and none was found: install it (Debian/Ubuntu: ' +
  'apt-get install chromium; elsewhere: npx playwright install chromium), or set CHROMIUM_PATH to a ' +
  'Chromium or Chrome executable';

/** A drawing, or why Mermaid could not draw the source. */
export type DrawResult = { drawing: DiagramDrawing } | { error: string };

/**
 * Draws each source in one browser page, light then dark, with Mermaid's strict security level (labels are
 * text, no click handlers or scripts). Throws only when the browser cannot be started.
 */
export async function drawDiagrams(
  sources: readonly string[],
  executablePath: string,
): Promise<Map<string, DrawResult>> {
  const results = new Map<string, DrawResult>();
  const pending = [...new Set(sources)].filter((source) => {
    if (source.length <= MAX_DIAGRAM_SOURCE) return true;
    results.set(source, {
      error: `the source is ${source.length} characters long; at most ${MAX_DIAGRAM_SOURCE} are drawn`,
    });
    return false;
  });
  if (pending.length === 0) return results;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath });
  const require = createRequire(import.meta.url);
  const mermaidScript = require.resolve('mermaid/dist/mermaid.min.js');
  const openPage = async () => {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: mermaidScript });
    return page;
  };
  try {
    let page = await openPage();
    for (const source of pending) {
      const drawing: Partial<DiagramDrawing> = {};
      try {
        for (const theme of ['light', 'dark'] as const) {
          const drawn = page.evaluate(
            async ({ id, source, theme }) => {
              const mermaid = (
                window as unknown as {
                  mermaid: {
                    initialize: (config: object) => void;
                    render: (id: string, text: string) => Promise<{ svg: string }>;
                  };
                }
              ).mermaid;
              mermaid.initialize({
                startOnLoad: false,
                securityLevel: 'strict',
                theme: theme === 'dark' ? 'dark' : 'default',
                htmlLabels: false,
                flowchart: { htmlLabels: false },
              });
              return (await mermaid.render(id, source)).svg;
            },
            // The drawing's ids (its element and the selectors of its styles) are the diagram's own, so two
            // diagrams on a page never share a style or an arrowhead.
            { id: `diagram-${diagramId(source)}-${theme}`, source, theme },
          );
          drawing[theme] = await withTimeout(drawn, DRAW_TIMEOUT_MS);
        }
        results.set(source, { drawing: drawing as DiagramDrawing });
      } catch (error) {
        if (error instanceof DrawTimeout) {
          // The page may still be busy with it: the next diagram gets a fresh one.
          await page.close();
          page = await openPage();
        }
        const message = error instanceof Error ? error.message : String(error);
        // Playwright wraps the page's error: keep Mermaid's own first line.
        const reason = message.replace(/^page\.evaluate: (Error: )?/, '').split('\n')[0]!;
        results.set(source, { error: reason });
      }
    }
  } finally {
    await browser.close();
  }
  return results;
}

class DrawTimeout extends Error {}

/** The promise's value, or a DrawTimeout after `ms`; the timer never outlives the promise. */
async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new DrawTimeout(`took longer than ${ms / 1000} s to draw`)),
          ms,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** A diagram that could not be drawn, at its block's line in the body. */
export interface DiagramProblem {
  line: number;
  message: string;
}

/**
 * Draws the diagrams of `bodies` (from the cache where it can) and returns each body's HTML with them put in,
 * and the problems of each: a source Mermaid cannot read, or no browser (then every diagram is a problem naming
 * what to install). The bodies' order is kept.
 */
export async function drawBodyDiagrams(
  bodies: readonly { html: string; diagrams: readonly DiagramSource[] }[],
  cacheDir = DIAGRAM_CACHE_DIR,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<{ html: string; problems: DiagramProblem[] }[]> {
  const code = codeFingerprint(CACHED_OUTPUTS.diagram);
  const cacheFile = (source: string) => path.join(cacheDir, `${cacheKey(code, source)}.json`);
  const drawn = new Map<string, DrawResult>();
  const missing = new Set<string>();
  for (const { diagrams } of bodies)
    for (const { source } of diagrams) {
      if (drawn.has(source)) continue;
      const file = cacheFile(source);
      if (existsSync(file))
        drawn.set(source, { drawing: JSON.parse(readFileSync(file, 'utf8')) as DiagramDrawing });
      else missing.add(source);
    }
  if (missing.size > 0) {
    const executablePath = await findChromium(env);
    if (!executablePath)
      for (const source of missing) drawn.set(source, { error: NO_BROWSER_MESSAGE });
    else {
      mkdirSync(cacheDir, { recursive: true });
      for (const [source, result] of await drawDiagrams([...missing], executablePath)) {
        drawn.set(source, result);
        if ('drawing' in result) writeFileSync(cacheFile(source), JSON.stringify(result.drawing));
      }
    }
  }
  return bodies.map(({ html, diagrams }) => {
    const drawings = new Map<string, DiagramDrawing>();
    const problems: DiagramProblem[] = [];
    for (const { id, source, line } of diagrams) {
      const result = drawn.get(source);
      if (result && 'drawing' in result) drawings.set(id, result.drawing);
      else if (result)
        problems.push({
          line,
          message: result.error === NO_BROWSER_MESSAGE ? result.error : `Mermaid: ${result.error}`,
        });
    }
    return { html: withDrawings(html, drawings), problems };
  });
}

/**
 * Draws the diagrams of rendered bodies and puts them into each result's HTML; a diagram that cannot be drawn
 * becomes an error among the result's problems, at its block's line, which the callers report as `file:line`.
 */
export async function drawResultDiagrams(
  results: readonly { html?: string; diagrams?: DiagramSource[]; problems?: BodyProblem[] }[],
): Promise<void> {
  const withDiagrams = results.filter(
    (result): result is typeof result & { html: string; diagrams: DiagramSource[] } =>
      result.html !== undefined && (result.diagrams?.length ?? 0) > 0,
  );
  if (withDiagrams.length === 0) return;
  const drawn = await drawBodyDiagrams(withDiagrams);
  withDiagrams.forEach((result, index) => {
    const { html, problems } = drawn[index]!;
    result.html = html;
    if (problems.length === 0) return;
    result.problems = [
      ...(result.problems ?? []),
      ...problems.map(({ line, message }): BodyProblem => ({
        line,
        field: 'diagram',
        severity: 'error',
        message,
      })),
    ];
  });
}
