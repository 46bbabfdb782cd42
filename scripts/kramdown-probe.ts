/**
 * Hand-run differential check of the kramdown dialect against real kramdown, as Jekyll 4.3 runs it (Ruby,
 * the `jekyll`, `kramdown` and `kramdown-parser-gfm` gems; Jekyll's default configuration).
 *
 *   node --import tsx scripts/kramdown-probe.ts CASES.md [--smart-quotes=apos,apos,quot,quot] [--show]
 *
 * CASES.md holds markdown cases separated by lines `=====`. Each is rendered by Jekyll's kramdown converter
 * and by renderMarkdown with the kramdown dialect; both are compared in the canonical form of
 * tests/markdown/kramdown-compare.ts (elements, attributes, text; not Rouge's or our code-block markup).
 * Prints each case that differs (or every case with --show) and exits 1 when any differs.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { renderMarkdown } from '../lib/markdown/render';
import type { MarkdownDialect } from '../lib/markdown/dialect';
import { canonicalHtml } from '../tests/markdown/kramdown-compare';

/** Jekyll's converter, with its default configuration and the kramdown settings given. */
const RUBY = `
require "jekyll"
require "json"
input = JSON.parse(STDIN.read)
config = Jekyll::Configuration.from({"quiet" => true, "kramdown" => input["kramdown"]})
converter = Jekyll::Converters::Markdown::KramdownParser.new(config)
print JSON.generate(input["cases"].map { |text| converter.convert(text) })
`;

/** The HTML real kramdown makes of each markdown text. */
export function kramdownHtml(cases: string[], kramdown: Record<string, string> = {}): string[] {
  const result = spawnSync('ruby', ['-e', RUBY], {
    input: JSON.stringify({ cases, kramdown }),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`ruby failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as string[];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const file = args.find((arg) => !arg.startsWith('--'));
  if (!file) {
    console.error('usage: kramdown-probe.ts CASES.md [--smart-quotes=…] [--show]');
    process.exit(2);
  }
  const quotesArg = args.find((arg) => arg.startsWith('--smart-quotes='))?.split('=')[1];
  const show = args.includes('--show');
  const dialect: MarkdownDialect = { kramdown: true, smartQuotes: quotesArg ?? true };
  const cases = readFileSync(file, 'utf8').split(/\n=====\n/);
  const expected = kramdownHtml(cases, quotesArg ? { smart_quotes: quotesArg } : {});
  let differing = 0;
  for (const [index, markdown] of cases.entries()) {
    const ours = canonicalHtml((await renderMarkdown(markdown, 'probe.md', dialect)).html);
    const theirs = canonicalHtml(expected[index] ?? '');
    const same = ours === theirs;
    if (!same) differing += 1;
    if (same && !show) continue;
    console.log(
      `--- case ${index + 1} ${same ? 'same' : 'DIFFERS'}: ${JSON.stringify(markdown.slice(0, 300))}`,
    );
    if (same) {
      console.log(`kramdown: ${theirs}`);
      continue;
    }
    // From a little before the first difference, so long cases stay readable.
    let at = 0;
    while (at < ours.length && ours[at] === theirs[at]) at += 1;
    const from = Math.max(0, at - 120);
    console.log(`kramdown: …${theirs.slice(from, at + 300)}`);
    console.log(`ours:     …${ours.slice(from, at + 300)}`);
  }
  console.log(`${cases.length - differing} same, ${differing} differ`);
  process.exit(differing > 0 ? 1 : 0);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
