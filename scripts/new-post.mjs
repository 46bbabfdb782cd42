#!/usr/bin/env node
/**
 * `npm run new -- "Post title" [--category aws] [--date 2024-11-15] [--draft]`:
 * writes content/posts/YYYY-MM-DD-<slug>.md (or into $CONTENT_DIR) with front
 * matter ready to fill in. Refuses to overwrite an existing post.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

function fail(message) {
  console.error(`new: ${message}`);
  process.exit(1);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      category: { type: 'string', multiple: true },
      date: { type: 'string' },
      draft: { type: 'boolean', default: false },
    },
  });
} catch (error) {
  fail(`${error.message}\nusage: npm run new -- "Post title" [--category aws] [--date YYYY-MM-DD] [--draft]`);
}
const title = parsed.positionals.join(' ').trim();
if (!title) fail('give the post a title: npm run new -- "Post title" [--category aws]');

const today = new Date().toISOString().slice(0, 10);
const date = parsed.values.date ?? today;
if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) fail(`--date must be YYYY-MM-DD, not "${date}"`);

// The same slug rule as categories: lowercase, accents stripped, other runs to one hyphen.
const slug = title
  .normalize('NFKD')
  .replace(/\p{M}+/gu, '')
  .toLowerCase()
  .replace(/[^\p{L}\p{N}]+/gu, '-')
  .replace(/^-+|-+$/g, '');
if (!slug) fail(`"${title}" leaves no letters or digits for a file name`);

const folder = process.env.CONTENT_DIR?.trim() || 'content/posts';
mkdirSync(folder, { recursive: true });
const file = path.join(folder, `${date}-${slug}.md`);
if (existsSync(file)) fail(`${file} already exists; choose another title or edit that post`);
const sameSlug = readdirSync(folder).find((name) => name.replace(/^\d{4}-\d{1,2}-\d{1,2}-/, '').replace(/\.(md|markdown)$/, '') === slug);
if (sameSlug) fail(`${path.join(folder, sameSlug)} already has the slug "${slug}"; choose another title`);

const yamlString = (text) => JSON.stringify(text);
const categories = parsed.values.category ?? [];
const frontMatter = [
  '---',
  'layout: post',
  `title: ${yamlString(title)}`,
  `date: ${date}`,
  `categories: [${categories.map((c) => (/^[\p{L}\p{N} -]+$/u.test(c) ? c : yamlString(c))).join(', ')}]`,
  'excerpt: ""',
  ...(parsed.values.draft ? ['draft: true'] : []),
  '---',
  '',
  'Start writing here. The first paragraph is the excerpt when `excerpt` above is left empty.',
  '',
  '## A first section',
  '',
];
writeFileSync(file, frontMatter.join('\n'), { flag: 'wx' });
console.log(`Wrote ${file}`);
