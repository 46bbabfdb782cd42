#!/usr/bin/env node
/**
 * Writes a deterministic corpus of realistic markdown blog posts in the front-matter
 * format of content/posts (layout, quoted title, date, categories, tags, quoted excerpt),
 * for benchmarks and scale tests. Plain Node, no dependencies. The same --seed
 * always gives the same files.
 *
 *   node scripts/generate-corpus.mjs --count 1000 --out /tmp/corpus [--seed 7] [--diagrams 50]
 *
 * Files are named YYYY-MM-DD-slug.md, with unique slugs, dates spread over ten years.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

// ---------------------------------------------------------------- randomness

/** mulberry32: a small, fast, seedable PRNG returning floats in [0, 1). */
function createRandom(seed) {
  let a = seed >>> 0 || 0x9e3779b9;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

// ---------------------------------------------------------------- vocabulary

// Tags, some spelled as writers spell them (a case, a dot, a space): one tag by slug each.
const TAGS = [
  'Lambda',
  'S3',
  'IAM',
  'Terraform',
  'CI/CD',
  'GitHub Actions',
  'Docker',
  'Helm',
  'observability',
  'cost',
  'performance',
  'caching',
  'Node.js',
  'hooks',
  'SSR',
  'generics',
  'PostgreSQL',
  'DynamoDB',
  'Redis',
  'migrations',
  'OAuth',
  'secrets',
  'interviews',
  'mentoring',
  'pytest',
  'asyncio',
  'Playwright',
  'unit tests',
  'API design',
  'GraphQL',
  'event-driven',
  'queues',
  'rate limiting',
  'incidents',
  'architecture',
  'refactoring',
];

const CATEGORIES = [
  'aws',
  'devops',
  'react',
  'nextjs',
  'typescript',
  'kubernetes',
  'security',
  'databases',
  'career',
  'python',
  'serverless',
  'testing',
];

const TOPICS = [
  'Lambda cold starts',
  'DynamoDB access patterns',
  'React Server Components',
  'Terraform state',
  'Kubernetes autoscaling',
  'IAM permission boundaries',
  'Postgres query plans',
  'TypeScript type narrowing',
  'GitHub Actions pipelines',
  'distributed tracing',
  'feature flags',
  'CDN caching',
  'event-driven architecture',
  'API throttling',
  'blue-green deployments',
  'cloud cost reports',
  'Step Functions workflows',
  'container image scanning',
  'load testing',
  'database migrations',
  'the Next.js App Router',
  'S3 storage classes',
  'private networking',
  'Python dependency management',
  'browser testing',
  'secrets rotation',
  'static site generation',
];

const TITLE_PATTERNS = [
  (t) => `A Practical Guide to ${t}`,
  (t) => `${t} in Production: What We Learned`,
  (t, r) => `Why ${t} Still Matters in ${r.int(2017, 2025)}`,
  (t) => `Getting Started with ${t}`,
  (t) => `${t}: Pitfalls and How to Avoid Them`,
  (t) => `Scaling ${t} Without the Pain`,
  (t, r) => `${r.int(3, 12)} Lessons About ${t}`,
  (t) => `Deep Dive: ${t}`,
  (t) => `How We Rebuilt Our ${t} Setup`,
];

const NOUNS = (
  'service team budget latency request region cluster deployment pipeline cache query index table schema ' +
  'function event queue message policy role account metric alert trace log release rollback traffic ' +
  'capacity replica shard partition token secret key build test review change incident runbook owner ' +
  'design pattern boundary contract client server browser page route bundle worker job dashboard'
).split(' ');

const VERBS =
  'reduce measure automate isolate replicate monitor version document simplify encrypt migrate audit scale cache'.split(
    ' ',
  );

const CONNECTORS = 'the a every each our their this that one'.split(' ');

const CODE_SAMPLES = [
  [
    'typescript',
    [
      'import { DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";',
      '',
      'const client = new DynamoDBClient({});',
      '',
      'export async function getPost(id: string) {',
      '  const result = await client.send(new GetItemCommand({ TableName: "posts", Key: { pk: { S: id } } }));',
      '  if (!result.Item) throw new Error(`post ${id} not found`);',
      '  return result.Item;',
      '}',
    ],
  ],
  [
    'bash',
    [
      'set -euo pipefail',
      'npm ci',
      'npm run build',
      'aws s3 sync ./out "s3://$BUCKET" --delete --cache-control "max-age=300"',
    ],
  ],
  [
    'yaml',
    [
      'name: deploy',
      'on:',
      '  push:',
      '    branches: [main]',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - run: npm ci && npm run build',
    ],
  ],
  [
    'python',
    [
      'import json',
      '',
      'def handler(event, context):',
      '    body = json.loads(event.get("body") or "{}")',
      '    if "id" not in body:',
      '        return {"statusCode": 400, "body": "missing id"}',
      '    return {"statusCode": 200, "body": json.dumps({"id": body["id"]})}',
    ],
  ],
  [
    'json',
    [
      '{',
      '  "compilerOptions": {',
      '    "target": "ES2022",',
      '    "module": "ESNext",',
      '    "strict": true',
      '  }',
      '}',
    ],
  ],
];

// ---------------------------------------------------------------- markdown pieces

const capitalise = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const titleCase = (s) => s.split(' ').map(capitalise).join(' ');
const slugify = (s) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** One sentence of plausible tech prose, sometimes with inline code, bold or a link (unless plain). */
function sentence(r, { plain = false } = {}) {
  const length = r.int(8, 18);
  const words = [];
  for (let i = 0; i < length; i++) {
    const roll = r.next();
    words.push(roll < 0.15 ? r.pick(VERBS) : roll < 0.25 ? r.pick(CONNECTORS) : r.pick(NOUNS));
  }
  if (plain) return `${capitalise(words.join(' '))}.`;
  const spot = () => r.int(1, length - 1);
  if (r.chance(0.2)) words[spot()] = `\`${r.pick(NOUNS)}\``;
  if (r.chance(0.15)) words[spot()] = `**${r.pick(NOUNS)}**`;
  if (r.chance(0.1))
    words[spot()] = `[${r.pick(NOUNS)}](https://example.com/docs/${r.pick(NOUNS)})`;
  return `${capitalise(words.join(' '))}.`;
}

const paragraph = (r) => Array.from({ length: r.int(3, 6) }, () => sentence(r)).join(' ');

function list(r, ordered) {
  return Array.from(
    { length: r.int(3, 6) },
    (_, i) => `${ordered ? `${i + 1}.` : '-'} ${sentence(r)}`,
  ).join('\n');
}

function table(r) {
  const rows = Array.from(
    { length: r.int(2, 5) },
    () => `| ${r.pick(NOUNS)} | ${r.int(1, 500)} ms | ${r.pick(['yes', 'no', 'partly'])} |`,
  );
  return ['| Option | Latency | Managed |', '| --- | --- | --- |', ...rows].join('\n');
}

function codeBlock(r) {
  const [lang, lines] = r.pick(CODE_SAMPLES);
  return ['```' + lang, ...lines, '```'].join('\n');
}

const blockquote = (r) => `> ${sentence(r)} ${sentence(r)}`;

/** A random body block, weighted towards prose. */
function block(r) {
  const roll = r.next();
  if (roll < 0.35) return paragraph(r);
  if (roll < 0.5) return list(r, false);
  if (roll < 0.6) return list(r, true);
  if (roll < 0.75) return codeBlock(r);
  if (roll < 0.85) return table(r);
  return blockquote(r);
}

function section(r) {
  const parts = [`## ${capitalise(r.pick(VERBS))} the ${r.pick(NOUNS)} ${r.pick(NOUNS)}`];
  for (let i = r.int(2, 4); i > 0; i--) parts.push(block(r));
  if (r.chance(0.4))
    parts.push(`### ${titleCase(`${r.pick(NOUNS)} ${r.pick(NOUNS)}`)}`, paragraph(r));
  return parts.join('\n\n');
}

// ---------------------------------------------------------------- posts

const quote = (s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** The date of post i of count: spread evenly from 2016-01-01 over ten years. */
function postDate(i, count) {
  const first = Date.UTC(2016, 0, 1);
  const dayIndex = Math.floor((i / Math.max(count, 1)) * 3650);
  return new Date(first + dayIndex * 86_400_000).toISOString().slice(0, 10);
}

function uniqueSlug(base, used) {
  let slug = base;
  for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
  used.add(slug);
  return slug;
}

function pickCategories(r) {
  const categories = [r.pick(CATEGORIES)];
  if (r.chance(0.35)) {
    const second = r.pick(CATEGORIES);
    if (!categories.includes(second)) categories.push(second);
  }
  return categories;
}

/** Zero to four tags, from their own random stream so the rest of the corpus is what it was without tags. */
function pickTags(tagRandom) {
  const tags = [];
  for (let n = tagRandom.int(0, 4); n > 0; n--) {
    const tag = tagRandom.pick(TAGS);
    if (!tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

// Authors as posts name them: keys and names, one spelled two ways (one author by slug).
const AUTHORS = ['ada', 'Sam Lee', 'sam lee', 'Zoë Brandt', 'kofi'];

/**
 * No author (the site's) for most posts, else one or two, from their own random stream so the rest of the corpus
 * is what it was without authors.
 */
function pickAuthors(authorRandom) {
  if (authorRandom.chance(0.6)) return [];
  const authors = [authorRandom.pick(AUTHORS)];
  if (authorRandom.chance(0.25)) {
    const second = authorRandom.pick(AUTHORS);
    if (!authors.includes(second)) authors.push(second);
  }
  return authors;
}

/** A Mermaid flowchart of a few steps, its labels from the topic words (so each diagram is its own). */
function diagram(r) {
  const steps = Array.from({ length: r.int(3, 6) }, () => titleCase(r.pick(TOPICS)));
  const lines = steps.map((step, index) => `  S${index}[${step}]`);
  for (let index = 1; index < steps.length; index++)
    lines.push(`  S${index - 1} -->${r.int(0, 1) ? `|${r.pick(TOPICS)}|` : ''} S${index}`);
  return ['```mermaid', 'flowchart LR', ...lines, '```'].join('\n');
}

function renderPost(r, { title, date, categories, tags, authors, diagramRandom }) {
  const excerpt = sentence(r, { plain: true });
  const frontMatter = [
    '---',
    'layout: post',
    `title: ${quote(title)}`,
    `date: ${date}`,
    `categories: [${categories.join(', ')}]`,
    ...(tags.length > 0 ? [`tags: [${tags.map(quote).join(', ')}]`] : []),
    ...(authors.length === 1 ? [`author: ${quote(authors[0])}`] : []),
    ...(authors.length > 1 ? [`authors: [${authors.map(quote).join(', ')}]`] : []),
    `excerpt: ${quote(excerpt)}`,
    '---',
  ];
  const sections = Array.from({ length: r.int(3, 6) }, () => section(r));
  const body = [
    paragraph(r),
    ...sections,
    ...(diagramRandom ? [diagram(diagramRandom)] : []),
    `## Conclusion\n\n${paragraph(r)}`,
  ];
  return `${frontMatter.join('\n')}\n\n${body.join('\n\n')}\n`;
}

/** `diagrams` posts, spread evenly, also get a Mermaid diagram; the other posts are the same with or without. */
export function generateCorpus({ count, out, seed = 7, diagrams = 0 }) {
  const r = createRandom(seed);
  const tagRandom = createRandom(seed + 1);
  const authorRandom = createRandom(seed + 2);
  const diagramRandom = createRandom(seed + 3);
  const diagramEvery = diagrams > 0 ? Math.max(1, Math.floor(count / diagrams)) : 0;
  const used = new Set();
  mkdirSync(out, { recursive: true });
  for (let i = 0; i < count; i++) {
    const title = r.pick(TITLE_PATTERNS)(titleCase(r.pick(TOPICS)), r);
    const date = postDate(i, count);
    const slug = uniqueSlug(slugify(title), used);
    const text = renderPost(r, {
      title,
      date,
      categories: pickCategories(r),
      tags: pickTags(tagRandom),
      authors: pickAuthors(authorRandom),
      ...(diagramEvery && i % diagramEvery === 0 && i / diagramEvery < diagrams
        ? { diagramRandom }
        : {}),
    });
    writeFileSync(path.join(out, `${date}-${slug}.md`), text);
  }
}

// ---------------------------------------------------------------- CLI

function main() {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '100' },
      out: { type: 'string' },
      seed: { type: 'string', default: '7' },
      diagrams: { type: 'string', default: '0' },
    },
  });
  const count = Number(values.count);
  const seed = Number(values.seed);
  if (!Number.isInteger(count) || count < 0)
    throw new Error(`--count must be a whole number, got "${values.count}"`);
  if (!Number.isFinite(seed)) throw new Error(`--seed must be a number, got "${values.seed}"`);
  if (!values.out) throw new Error('--out DIR is required');
  const diagrams = Number(values.diagrams);
  if (!Number.isInteger(diagrams) || diagrams < 0)
    throw new Error(`--diagrams must be a whole number, got "${values.diagrams}"`);
  generateCorpus({ count, out: values.out, seed, diagrams });
  console.log(`wrote ${count} posts to ${values.out}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main();
  } catch (error) {
    console.error(`generate-corpus: ${error.message}`);
    process.exit(1);
  }
}
