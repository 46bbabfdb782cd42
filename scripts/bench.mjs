#!/usr/bin/env node
/**
 * Build benchmark: times the site's build on a generated corpus of N posts and
 * reports what the export weighs. Linux only (reads /proc). Plain Node.
 *
 *   npm run bench -- --posts 500 [--jekyll] [--keep] [--cold-only] [--diagrams 25]
 *   node scripts/bench.mjs --posts 500 [--jekyll] [--keep] [--cold-only] [--diagrams 25]
 *
 * 1. writes N posts with scripts/generate-corpus.mjs into <tmpdir>/blog-bench-N (--diagrams D: D of them with a
 *    Mermaid diagram, drawn at build time with Chromium; the other posts are the same);
 * 2. cold build: deletes .cache/, .content/, .contentlayer/, .next/ and out/, then runs the
 *    content check and staging, contentlayer2 build, next build and the post-export step with
 *    CONTENT_DIR set to the corpus, timing each step and sampling (every 100 ms)
 *    the summed RSS of the step's whole process tree;
 * 3. measures out/: HTML pages, total size, and the HTML/CSS/JS bytes (raw and
 *    gzip) loaded by a post page, the home page and a category page (stylesheets,
 *    <script src> except nomodule polyfills, preloaded scripts; same-site files);
 * 4. unless --cold-only (for very large corpora, where each rebuild takes minutes), warm rebuilds with caches kept: after appending a sentence to one post (its text: `next build`
 *    is reused), then after changing its title (what listings show: `next build` runs);
 * 5. with --jekyll, the reference: the same posts built by `jekyll build` (Debian's Jekyll 4.3 with minima,
 *    jekyll-feed and jekyll-seo-tag: `apt-get install jekyll jekyll-theme-minima`), cold (no .jekyll-cache),
 *    in the same run, and the ratio of our cold build to it. Times differ by 2× between machines; the ratio
 *    is the figure to compare.
 *
 * Prints tables to stdout (progress goes to stderr) and writes the same figures
 * to .bench/results-N.json. The bench replaces out/, .next/ and .contentlayer/:
 * run `npm run build` afterwards to rebuild your own site. The corpus is deleted
 * unless --keep is given. MB means 2^20 bytes.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { GENERATED_DIRS } from '../lib/build/paths.mjs';
import { normalizeBasePath } from './cli-options.mjs';
import { stepCommand, timedSteps } from './stages.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MB = 1024 * 1024;
const SAMPLE_MS = 100;

// The steps of `npm run build` (scripts/stages.mjs), run one by one so each is timed.
const STEPS = timedSteps().map((step) => ({ name: step.label, ...stepCommand(step, ROOT) }));
/** A word the generated posts use, searched to weigh what one search downloads. */
const SEARCH_WORD = 'latency';

class StepError extends Error {
  constructor(step, code, output) {
    super(`${step} failed (${code})`);
    this.output = output;
  }
}

const log = (message) => process.stderr.write(`${message}\n`);

// ---------------------------------------------------------------- options

function readOptions() {
  const { values } = parseArgs({
    options: {
      posts: { type: 'string', default: '100' },
      keep: { type: 'boolean', default: false },
      jekyll: { type: 'boolean', default: false },
      'cold-only': { type: 'boolean', default: false },
      diagrams: { type: 'string', default: '0' },
    },
  });
  const posts = Number(values.posts);
  if (!Number.isInteger(posts) || posts < 1)
    throw new Error(`--posts must be a whole number above 0, got "${values.posts}"`);
  const diagrams = Number(values.diagrams);
  if (!Number.isInteger(diagrams) || diagrams < 0 || diagrams > posts)
    throw new Error(
      `--diagrams must be a whole number from 0 to --posts, got "${values.diagrams}"`,
    );
  return {
    posts,
    keep: values.keep,
    jekyll: values.jekyll,
    coldOnly: values['cold-only'],
    diagrams,
  };
}

// ---------------------------------------------------------------- memory of a process tree

/** pid -> parent pid, for every process visible in /proc. */
function parentMap() {
  const parents = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid ...": comm may hold spaces or parentheses, so split after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // the process exited while we looked
    }
  }
  return parents;
}

/** The pid and all its descendants. */
function processTree(rootPid) {
  const children = new Map();
  for (const [pid, ppid] of parentMap()) {
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(pid);
  }
  const tree = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.shift();
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** Resident memory of one process in bytes (0 once it has exited). */
function rssBytes(pid) {
  try {
    const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+)\s+kB/m);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

const treeRssBytes = (rootPid) => processTree(rootPid).reduce((sum, pid) => sum + rssBytes(pid), 0);

// ---------------------------------------------------------------- running steps

/** bash's `times` after the command: the CPU its whole process tree used (user and system), on stderr. */
const WITH_CPU_TIMES = '"$@"; status=$?; times >&2; exit $status';
const TIMES_LINE = /(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/;

/** The children's CPU seconds from `times` output (its last line). */
function cpuSecondsOf(text) {
  const match = TIMES_LINE.exec(text.trimEnd());
  if (!match) return NaN;
  const [, userMinutes, userSeconds, systemMinutes, systemSeconds] = match.map(Number);
  return userMinutes * 60 + userSeconds + systemMinutes * 60 + systemSeconds;
}

/** Runs a command, capturing its output; resolves with wall seconds, CPU seconds and peak tree RSS. */
function runMeasured(label, command, args, env) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('bash', ['-c', WITH_CPU_TIMES, 'bench', command, ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const errors = [];
    child.stderr.on('data', (chunk) => errors.push(chunk));
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    let peak = 0;
    const sample = () => {
      peak = Math.max(peak, treeRssBytes(child.pid));
    };
    const timer = setInterval(sample, SAMPLE_MS);
    sample();
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearInterval(timer);
      const text = Buffer.concat(output).toString('utf8');
      if (code !== 0) reject(new StepError(label, signal ?? `exit code ${code}`, text));
      else
        resolve({
          seconds: (performance.now() - started) / 1000,
          cpuSeconds: cpuSecondsOf(Buffer.concat(errors).toString('utf8')),
          peakBytes: peak,
          output: text,
        });
    });
  });
}

async function runBuild(phase, corpusDir) {
  const env = { ...process.env, CONTENT_DIR: corpusDir, NEXT_TELEMETRY_DISABLED: '1' };
  const steps = [];
  for (const step of STEPS) {
    log(`  ${phase}: ${step.name} ...`);
    const { seconds, cpuSeconds, peakBytes } = await runMeasured(
      `${phase} ${step.name}`,
      step.command,
      step.args,
      env,
    );
    log(`  ${phase}: ${step.name} done in ${seconds.toFixed(1)} s`);
    steps.push({
      step: step.name,
      seconds: round(seconds, 2),
      cpuSeconds: round(cpuSeconds, 2),
      peakRssMB: round(peakBytes / MB, 1),
    });
  }
  return {
    steps,
    totalSeconds: round(
      steps.reduce((sum, s) => sum + s.seconds, 0),
      2,
    ),
    totalCpuSeconds: round(
      steps.reduce((sum, s) => sum + s.cpuSeconds, 0),
      2,
    ),
    peakRssMB: Math.max(...steps.map((s) => s.peakRssMB)),
  };
}

// ---------------------------------------------------------------- the reference: Jekyll

/** The plugins of the reference site: minima's own, which Debian's jekyll-theme-minima brings. */
const JEKYLL_PLUGINS = ['jekyll-feed', 'jekyll-seo-tag'];

/**
 * The same posts as a Jekyll site with minima, built cold by `jekyll build` (Debian's, on PATH), timed as our
 * steps are. The site is made beside the corpus and removed with it.
 */
async function runJekyll(corpusDir) {
  const found = spawnSync('jekyll', ['--version'], { encoding: 'utf8' });
  if (found.status !== 0)
    throw new Error(
      '--jekyll needs jekyll: apt-get install jekyll jekyll-theme-minima (Debian), then run the bench again',
    );
  const siteDir = `${corpusDir}-jekyll`;
  rmSync(siteDir, { recursive: true, force: true });
  mkdirSync(siteDir, { recursive: true });
  cpSync(corpusDir, path.join(siteDir, '_posts'), { recursive: true });
  writeFileSync(
    path.join(siteDir, '_config.yml'),
    [
      'title: Bench',
      'url: "https://bench.example.org"',
      'theme: minima',
      'plugins:',
      ...JEKYLL_PLUGINS.map((plugin) => `  - ${plugin}`),
      '',
    ].join('\n'),
  );
  log('  jekyll: jekyll build (cold) ...');
  const { seconds, cpuSeconds, peakBytes } = await runMeasured(
    'jekyll build',
    'jekyll',
    ['build', '--quiet', '--source', siteDir, '--destination', path.join(siteDir, '_site')],
    { ...process.env, JEKYLL_ENV: 'production' },
  );
  log(`  jekyll: done in ${seconds.toFixed(1)} s`);
  return {
    version: found.stdout.trim(),
    plugins: ['minima', ...JEKYLL_PLUGINS],
    seconds: round(seconds, 2),
    cpuSeconds: round(cpuSeconds, 2),
    peakRssMB: round(peakBytes / MB, 1),
    siteDir,
  };
}

// ---------------------------------------------------------------- corpus

function generateCorpus(posts, corpusDir, diagrams) {
  rmSync(corpusDir, { recursive: true, force: true });
  const result = spawnSync(
    process.execPath,
    [
      'scripts/generate-corpus.mjs',
      '--count',
      String(posts),
      '--out',
      corpusDir,
      '--diagrams',
      String(diagrams),
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  if (result.status !== 0)
    throw new StepError(
      'generate-corpus',
      `exit code ${result.status}`,
      `${result.stdout}${result.stderr}`,
    );
}

const firstPost = (corpusDir) =>
  readdirSync(corpusDir)
    .filter((name) => name.endsWith('.md'))
    .sort()[0];

/** Appends a sentence to the first post, so the warm rebuild has a real change to pick up. */
function touchOnePost(corpusDir) {
  const first = firstPost(corpusDir);
  appendFileSync(
    path.join(corpusDir, first),
    `\nEdited by the bench at ${new Date().toISOString()} to measure a warm rebuild.\n`,
  );
  return first;
}

/** Gives the first post a new title: a change to what listings show, so `next build` runs again. */
function retitleOnePost(corpusDir) {
  const first = firstPost(corpusDir);
  const file = path.join(corpusDir, first);
  const text = readFileSync(file, 'utf8');
  const retitled = text.replace(
    /^title:.*$/m,
    `title: "Retitled by the bench at ${new Date().toISOString()}"`,
  );
  if (retitled === text) throw new Error(`${first}: no title line to change`);
  writeFileSync(file, retitled);
  return first;
}

// ---------------------------------------------------------------- measuring out/

function* walkFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walkFiles(full);
    else if (entry.isFile()) yield full;
  }
}

function firstSubfolder(dir) {
  if (!existsSync(dir)) return null;
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return names.length > 0 ? path.join(dir, names[0]) : null;
}

/** Attributes of every <script> and <link> start tag in an HTML document. */
function scriptAndLinkTags(html) {
  const tags = [];
  for (const [, tag, attrText] of html.matchAll(/<(script|link)\b([^>]*)>/gi)) {
    const attrs = {};
    for (const [, name, dq, sq, bare] of attrText.matchAll(
      /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g,
    )) {
      attrs[name.toLowerCase()] = (dq ?? sq ?? bare ?? '').replace(/&amp;/g, '&');
    }
    tags.push({ tag: tag.toLowerCase(), attrs });
  }
  return tags;
}

/**
 * The CSS and JS files a page loads, as { css, js } sets of hrefs: stylesheets,
 * <script src> (except nomodule) and scripts preloaded with rel=preload as=script
 * or rel=modulepreload.
 */
function pageAssets(html) {
  const css = new Set();
  const js = new Set();
  for (const { tag, attrs } of scriptAndLinkTags(html)) {
    const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/);
    // nomodule scripts are legacy polyfills that modern browsers never download.
    if (tag === 'script' && attrs.src && !('nomodule' in attrs)) js.add(attrs.src);
    else if (tag === 'link' && attrs.href) {
      if (rel.includes('stylesheet')) css.add(attrs.href);
      else if (rel.includes('modulepreload')) js.add(attrs.href);
      else if (rel.includes('preload') && (attrs.as ?? '').toLowerCase() === 'script')
        js.add(attrs.href);
    }
  }
  return { css, js };
}

/** Maps an asset URL to its file in out/, or null when it is not one of ours. */
function assetFile(outDir, href) {
  let url = href.split(/[?#]/)[0];
  const basePath = normalizeBasePath(process.env.BASE_PATH ?? '');
  if (basePath && url.startsWith(`${basePath}/`)) url = url.slice(basePath.length);
  // Same-site files only (/_next/ chunks, /site.js); external URLs are not ours to weigh.
  if (!url.startsWith('/') || url.startsWith('//')) return null;
  return path.join(outDir, decodeURIComponent(url));
}

function weigh(files) {
  let raw = 0;
  let gz = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gz += gzipSync(bytes).length;
  }
  return { raw, gz, files: files.length };
}

function pageWeight(outDir, kind, htmlFile) {
  const html = readFileSync(htmlFile, 'utf8');
  const { css, js } = pageAssets(html);
  const files = (hrefs) =>
    [...hrefs].map((href) => assetFile(outDir, href)).filter((file) => file && existsSync(file));
  const weights = { html: weigh([htmlFile]), css: weigh(files(css)), js: weigh(files(js)) };
  return {
    kind,
    page: path.relative(outDir, htmlFile),
    ...weights,
    total: {
      raw: weights.html.raw + weights.css.raw + weights.js.raw,
      gz: weights.html.gz + weights.css.gz + weights.js.gz,
    },
  };
}

function measureExport(outDir) {
  if (!existsSync(path.join(outDir, 'index.html')))
    throw new Error(`the build wrote no ${outDir}/index.html`);
  const files = [...walkFiles(outDir)];
  const samples = [
    ['post', firstSubfolder(path.join(outDir, 'posts'))],
    ['home', outDir],
    ['category', firstSubfolder(path.join(outDir, 'categories'))],
  ];
  return {
    htmlPages: files.filter((file) => file.endsWith('.html')).length,
    outMB: round(files.reduce((sum, file) => sum + statSync(file).size, 0) / MB, 2),
    pages: samples
      .filter(([, dir]) => dir && existsSync(path.join(dir, 'index.html')))
      .map(([kind, dir]) => pageWeight(outDir, kind, path.join(dir, 'index.html'))),
  };
}

/**
 * Opens the search page in Chromium for one word and adds up the bytes (as sent,
 * compressed by the preview server like a CDN) of every Pagefind request.
 */
async function measureSearch(outDir, word) {
  const { chromium } = await import('@playwright/test');
  const port = 4190;
  const server = spawn(
    process.execPath,
    ['scripts/serve.mjs', '--dir', outDir, '--port', String(port)],
    { cwd: ROOT, stdio: 'ignore' },
  );
  const executablePath =
    process.env.CHROMIUM_PATH ||
    (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({ executablePath });
  try {
    await new Promise((resolve) => setTimeout(resolve, 400));
    const page = await browser.newPage();
    const requests = [];
    page.on('requestfinished', (request) => {
      if (request.url().includes('/pagefind/')) requests.push(request);
    });
    await page.goto(`http://127.0.0.1:${port}/search/?q=${encodeURIComponent(word)}`);
    await page
      .locator('main article, main :text("No results")')
      .first()
      .waitFor({ timeout: 15000 });
    await page.waitForLoadState('networkidle');
    const files = await Promise.all(
      requests.map(async (request) => ({
        file: new URL(request.url()).pathname,
        bytes: (await request.sizes()).responseBodySize,
      })),
    );
    const isIndex = (file) => /\.(pf_index|pf_fragment)$/.test(file);
    return {
      word,
      results: await page.locator('main article').count(),
      requests: files.length,
      runtimeBytes: files.filter((f) => !isIndex(f.file)).reduce((sum, f) => sum + f.bytes, 0),
      indexBytes: files.filter((f) => isIndex(f.file)).reduce((sum, f) => sum + f.bytes, 0),
      indexFiles: files.filter((f) => isIndex(f.file)).length,
    };
  } finally {
    await browser.close();
    server.kill();
  }
}

// ---------------------------------------------------------------- report

const round = (n, digits) => Number(n.toFixed(digits));

/** A plain-text table: first column left-aligned, the others right-aligned. */
function table(header, rows) {
  const cells = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row) =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [
    line(cells[0]),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...cells.slice(1).map(line),
  ].join('\n');
}

function buildRows(phase, build) {
  return [
    ...build.steps.map((s) => [
      `${phase}  ${s.step}`,
      s.seconds.toFixed(2),
      s.cpuSeconds.toFixed(2),
      s.peakRssMB.toFixed(1),
    ]),
    [
      `${phase}  total`,
      build.totalSeconds.toFixed(2),
      build.totalCpuSeconds.toFixed(2),
      build.peakRssMB.toFixed(1),
    ],
  ];
}

function report(results) {
  const kb = (n) => (n / 1024).toFixed(1);
  const lines = [
    '',
    `Build bench: ${results.posts} posts${results.diagrams ? ` (${results.diagrams} with a Mermaid diagram)` : ''}, Node ${results.node}, ${results.cpus} CPUs, ${results.date}`,
    '',
    table(
      ['phase step', 'seconds', 'CPU seconds', 'peak RSS MB'],
      [
        ...buildRows('cold', results.cold),
        ...(results.warm ? buildRows('warm', results.warm) : []),
        ...(results.warmTitle ? buildRows('title', results.warmTitle) : []),
      ],
    ),
    '',
    results.warm
      ? "cold: no caches. warm: one post's text edited. title: then its title edited (listings change, so next build runs)."
      : 'cold: no caches (--cold-only: no rebuilds measured).',
    '',
    ...(results.jekyll
      ? [
          `Reference, same posts, same run: ${results.jekyll.version} (${results.jekyll.plugins.join(', ')}), cold: ` +
            `${results.jekyll.seconds.toFixed(2)} s, ${results.jekyll.cpuSeconds.toFixed(2)} CPU s.`,
          `Ratio, ours to Jekyll, cold: ${results.ratios.cold.toFixed(1)}× (CPU ${results.ratios.coldCpu.toFixed(1)}×)` +
            (results.warm
              ? `; text edit: ${results.ratios.warm.toFixed(2)}× Jekyll's cold build; title edit: ${results.ratios.title.toFixed(2)}×.`
              : '.'),
          '',
        ]
      : []),
    `HTML pages in out/: ${results.export.htmlPages}`,
    `out/ size:          ${results.export.outMB.toFixed(2)} MB`,
    '',
    'Bytes each page loads (HTML, stylesheets, <script src> and preloaded scripts; nomodule polyfills not counted):',
    '',
    table(
      [
        'page',
        'html gz',
        'css gz',
        'js gz',
        'total gz',
        'html raw',
        'css raw',
        'js raw',
        'total raw',
      ],
      results.export.pages.map((p) => [
        p.kind,
        p.html.gz,
        p.css.gz,
        p.js.gz,
        p.total.gz,
        p.html.raw,
        p.css.raw,
        p.js.raw,
        p.total.raw,
      ]),
    ),
    '',
    ...results.export.pages.map(
      (p) =>
        `  ${p.kind.padEnd(8)} ${p.page}  (${p.css.files} CSS, ${p.js.files} JS files; ${kb(p.total.gz)} KB gz)`,
    ),
    '',
    `Search for "${results.search.word}": ${results.search.results} results shown, ${results.search.requests} requests, ` +
      `${kb(results.search.runtimeBytes + results.search.indexBytes)} KB sent: Pagefind runtime ${kb(results.search.runtimeBytes)} KB ` +
      `(loaded once), index chunks and fragments ${kb(results.search.indexBytes)} KB in ${results.search.indexFiles} files.`,
    '',
  ];
  console.log(lines.join('\n'));
}

// ---------------------------------------------------------------- main

async function main() {
  const { posts, keep, jekyll, coldOnly, diagrams } = readOptions();
  process.chdir(ROOT);
  const corpusDir = path.join(os.tmpdir(), `blog-bench-${posts}`);
  let touchedBuild = false;
  try {
    log(
      `Generating ${posts} posts${diagrams ? `, ${diagrams} with a diagram,` : ''} in ${corpusDir}`,
    );
    generateCorpus(posts, corpusDir, diagrams);

    log(`Cold build (deleting ${GENERATED_DIRS.map((dir) => `${dir}/`).join(', ')})`);
    for (const dir of GENERATED_DIRS) rmSync(dir, { recursive: true, force: true });
    touchedBuild = true;
    const cold = await runBuild('cold', corpusDir);
    const exported = measureExport(path.join(ROOT, 'out'));
    const search = await measureSearch(path.join(ROOT, 'out'), SEARCH_WORD);

    let warm;
    let warmTitle;
    if (!coldOnly) {
      const edited = touchOnePost(corpusDir);
      log(`Warm rebuild (edited ${edited})`);
      warm = await runBuild('warm', corpusDir);
      log(`Warm rebuild (retitled ${retitleOnePost(corpusDir)})`);
      warmTitle = await runBuild('title', corpusDir);
    }
    // Last, so our cold build ran on the corpus as generated; Jekyll gets the same posts.
    const reference = jekyll ? await runJekyll(corpusDir) : undefined;

    const results = {
      posts,
      diagrams,
      node: process.version,
      cpus: os.cpus().length,
      date: new Date().toISOString(),
      cold,
      warm,
      warmTitle,
      export: exported,
      search,
      ...(reference
        ? {
            jekyll: reference,
            ratios: {
              cold: round(cold.totalSeconds / reference.seconds, 2),
              coldCpu: round(cold.totalCpuSeconds / reference.cpuSeconds, 2),
              ...(warm && warmTitle
                ? {
                    warm: round(warm.totalSeconds / reference.seconds, 2),
                    title: round(warmTitle.totalSeconds / reference.seconds, 2),
                  }
                : {}),
            },
          }
        : {}),
    };
    report(results);
    mkdirSync('.bench', { recursive: true });
    const jsonFile = path.join('.bench', `results-${posts}.json`);
    writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`Results written to ${jsonFile}`);
  } catch (error) {
    reportFailure(error);
    process.exitCode = 1;
  } finally {
    if (touchedBuild) {
      console.log(
        'The bench overwrote out/, .next/ and .contentlayer/ with its own build: run `npm run build` to rebuild your site.',
      );
    }
    if (keep) console.log(`Corpus kept in ${corpusDir}`);
    else {
      rmSync(corpusDir, { recursive: true, force: true });
      rmSync(`${corpusDir}-jekyll`, { recursive: true, force: true });
    }
  }
}

function reportFailure(error) {
  if (error instanceof StepError) process.stderr.write(`\n${error.output.trimEnd()}\n\n`);
  console.error(`bench: ${error.message}`);
}

main().catch((error) => {
  reportFailure(error);
  process.exit(1);
});
