#!/usr/bin/env node
/**
 * `npm run lighthouse`: Lighthouse's four scores (mobile preset, the default)
 * for the home page, a post and a category page of the export in out/, served
 * by the same plain static server as `npm run preview`. Run `npm run build` first.
 *
 *   npm run lighthouse [-- --port 4180]
 *
 * Chromium: $CHROMIUM_PATH, else /usr/bin/chromium, else what chrome-launcher finds.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { normalizeBasePath, optionValue } from './cli-options.mjs';

const port = Number(optionValue('port', '4180'));
const basePath = normalizeBasePath(process.env.BASE_PATH ?? '');
const origin = `http://127.0.0.1:${port}${basePath}`;

if (!existsSync('out/index.html')) {
  console.error('lighthouse: out/ has no export; run `npm run build` first.');
  process.exit(1);
}
const firstFolder = (dir) =>
  readdirSync(dir, { withFileTypes: true }).find(
    (entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'index.html')),
  )?.name;
const pages = [
  ['home', '/'],
  ['post', `/posts/${firstFolder('out/posts')}/`],
  ['category', `/categories/${firstFolder('out/categories')}/`],
];

const server = spawn(
  process.execPath,
  ['scripts/serve.mjs', '--dir', 'out', '--port', String(port)],
  { stdio: 'ignore' },
);
const chromePath =
  process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
let chrome;
try {
  await sleep(500);
  chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox', // CI runs as root
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const rows = [];
  let version = '';
  for (const [kind, pagePath] of pages) {
    const result = await lighthouse(`${origin}${pagePath}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
    });
    const { categories, lighthouseVersion } = result.lhr;
    version = lighthouseVersion;
    const score = (id) => Math.round((categories[id]?.score ?? 0) * 100);
    rows.push([
      kind,
      pagePath,
      score('performance'),
      score('accessibility'),
      score('best-practices'),
      score('seo'),
    ]);
    const failing = Object.values(result.lhr.audits).filter(
      (audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary',
    );
    for (const audit of failing) console.error(`  ${kind}: ${audit.id}: ${audit.title}`);
  }
  const header = ['page', 'url', 'performance', 'accessibility', 'best practices', 'seo'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => String(row[column]).length)),
  );
  const line = (cells) =>
    cells.map((cell, column) => String(cell).padEnd(widths[column])).join('  ');
  console.log(`Lighthouse ${version} (mobile preset) on ${origin}`);
  console.log(line(header));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(row));
} finally {
  await chrome?.kill();
  server.kill();
}
