/**
 * `npm run bench:hostile`: the worst cases of hostile input found for the content step's bounded parts
 * (issue 12, items 5-7), each timed in this process, with what the step makes of it. Figures, not a test:
 * the suite checks the outcomes (tests/content/hostile*.test.ts, tests/markdown/hostile-markdown.test.ts); this says how long the worst ones take here.
 */
import { DEFAULT_DIALECT } from '../lib/markdown/dialect';
import { runBodyJob } from '../lib/content/body-jobs';
import { parseFrontMatter } from '../lib/content/front-matter';
import { createLiquidRenderer, LiquidProblem } from '../lib/content/liquid';

interface Outcome {
  case: string;
  seconds: number;
  outcome: string;
}

const outcomes: Outcome[] = [];
async function time(name: string, run: () => Promise<string> | string): Promise<void> {
  const started = performance.now();
  const outcome = await run();
  outcomes.push({
    case: name,
    seconds: (performance.now() - started) / 1000,
    outcome: outcome.slice(0, 90),
  });
}

async function body(markdown: string): Promise<string> {
  const result = await runBodyJob({
    dialect: DEFAULT_DIALECT,
    body: markdown,
    relativePath: 'bench.json',
    facts: true,
    html: true,
  });
  const problems = result.problems ?? [];
  if (problems.length === 0)
    return `rendered, ${Math.round((result.html ?? '').length / 1024)} KB of HTML`;
  return `${problems.length} × ${problems[0]!.severity} (line ${problems[0]!.line}): ${problems[0]!.message}`;
}

const liquid = createLiquidRenderer({
  includesDir: '/nonexistent',
  contentDirName: '_posts',
  publicDir: 'public',
  baseUrl: 'https://example.com',
  basePath: '',
  site: {},
  posts: [],
});
function liquidCase(template: string): string {
  try {
    return `rendered, ${liquid.render(template, {}).text.length} characters`;
  } catch (error) {
    if (error instanceof LiquidProblem) return `problem (line ${error.line}): ${error.detail}`;
    throw error;
  }
}

const identifier = (length: number) => 'a'.repeat(length);
const fence = (language: string, code: string) => `\`\`\`${language}\n${code}\n\`\`\`\n`;

// Warm the highlighter, so the first case does not pay its start-up.
await body(fence('js', 'const a = 1;'));

// Item 5: highlighting.
await time('js: one line, a 20 KB identifier', () =>
  body(fence('js', `const ${identifier(20_000)} = 1;`)),
);
await time('js: four blocks, each one 20 KB line', () =>
  body(Array.from({ length: 4 }, () => fence('js', `x = "${identifier(20_000)}";`)).join('\n')),
);
for (const language of ['js', 'ts', 'bash']) {
  // Lines just under the longest highlighted one, as many as the post's budget highlights: the costliest that is.
  await time(`${language}: 10 lines of 999 characters (at the budget)`, () =>
    body(fence(language, Array.from({ length: 10 }, () => `${identifier(990)} = 1;`).join('\n'))),
  );
  await time(`${language}: 1 MB of 999-character lines (past it)`, () =>
    body(
      fence(language, Array.from({ length: 1_000 }, () => `${identifier(990)} = 1;`).join('\n')),
    ),
  );
}

// Item 6: Liquid.
await time('liquid: for over 1..100000000', () =>
  liquidCase('{% for i in (1..100000000) %}x{% endfor %}'),
);
await time('liquid: three nested loops of 3000', () =>
  liquidCase(
    '{% assign r = (1..3000) %}{% for a in r %}{% for b in r %}{% for c in r %}{% endfor %}{% endfor %}{% endfor %}',
  ),
);
await time('liquid: a capture doubled 40 times', () =>
  liquidCase(
    '{% capture s %}x{% endcapture %}{% for i in (1..40) %}{% capture s %}{{ s }}{{ s }}{% endcapture %}{% endfor %}{{ s | size }}',
  ),
);

// Item 7: nesting and YAML.
await time('markdown: 2,000 nested list items', () => body(`${'- '.repeat(2_000)}deep\n`));
await time('markdown: 50,000 nested list items', () => body(`${'- '.repeat(50_000)}deep\n`));
await time('markdown: 50,000 nested quotes', () => body(`${'>'.repeat(50_000)} deep\n`));
await time('markdown: 4,000 nested links', () =>
  body(`${'['.repeat(4_000)}x${'](u)'.repeat(4_000)}\n`),
);
await time('markdown: 10,000-row table (within limits)', () =>
  body(
    `| a | b |\n| - | - |\n${Array.from({ length: 10_000 }, (_, row) => `| ${row} | *x* |`).join('\n')}\n`,
  ),
);
await time('yaml: alias bomb (9 levels of 9)', () => {
  const lines = ['title: T', 'date: 2024-01-01', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (const [at, name] of [...'bcdefghi'].entries())
    lines.push(`${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[at]}`).join(',')}]`);
  const { problems } = parseFrontMatter(lines.join('\n'));
  return problems.length ? `problem (line ${problems[0]!.line}): ${problems[0]!.message}` : 'read';
});
await time('yaml: 10,000 nested flow lists', () => {
  const { problems } = parseFrontMatter(
    `title: T\ndate: 2024-01-01\nx: ${'['.repeat(10_000)}${']'.repeat(10_000)}`,
  );
  return problems.length ? `problem (line ${problems[0]!.line}): ${problems[0]!.message}` : 'read';
});

console.log('| case | time | outcome |\n| --- | --- | --- |');
for (const { case: name, seconds, outcome } of outcomes)
  console.log(`| ${name} | ${seconds.toFixed(2)} s | ${outcome.replaceAll('|', '\\|')} |`);
