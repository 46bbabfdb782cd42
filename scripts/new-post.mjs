#!/usr/bin/env node
/**
 * `npm run new -- "Post title" [--category aws] [--date 2024-11-15] [--draft]`:
 * writes content/posts/YYYY-MM-DD-<slug>.md (or into $CONTENT_DIR) with front
 * matter ready to fill in. Refuses to overwrite an existing post. The slug is
 * cut to 80 characters; a file-system error is one `new: …` line.
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
  fail(
    `${error.message}\nusage: npm run new -- "Post title" [--category aws] [--date YYYY-MM-DD] [--draft]`,
  );
}
const title = parsed.positionals.join(' ').trim();
if (!title) fail('give the post a title: npm run new -- "Post title" [--category aws]');

const today = new Date().toISOString().slice(0, 10);
const date = parsed.values.date ?? today;
if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) fail(`--date must be YYYY-MM-DD, not "${date}"`);

/**
 * Characters a slug keeps from a long title: a URL segment people can read and share, and a file name far
 * below the 255 bytes file systems allow (the date and extension are added; a letter is up to 4 bytes).
 */
const SLUG_MAX = 80;

/** The slug cut to SLUG_MAX characters, at the last hyphen when there is one, so no word is cut in half. */
function capSlug(slug) {
  const characters = Array.from(slug);
  if (characters.length <= SLUG_MAX) return slug;
  const cut = characters.slice(0, SLUG_MAX + 1).join('');
  const hyphen = cut.lastIndexOf('-');
  return (hyphen > 0 ? cut.slice(0, hyphen) : characters.slice(0, SLUG_MAX).join('')).replace(
    /-+$/,
    '',
  );
}

// The same slug rule as categories: lowercase, accents stripped, other runs to one hyphen.
const slug = capSlug(
  title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, ''),
);
if (!slug) fail(`"${title}" leaves no letters or digits for a file name`);

/** A file-system step; its failure (no permission, a file where the folder should be, a name too long) is one `new:` line. */
function attempt(what, step) {
  try {
    return step();
  } catch (error) {
    return fail(`cannot ${what}: ${error.message}`);
  }
}

const folder = process.env.CONTENT_DIR?.trim() || 'content/posts';
attempt(`create the folder ${folder}`, () => mkdirSync(folder, { recursive: true }));
const file = path.join(folder, `${date}-${slug}.md`);
if (existsSync(file)) fail(`${file} already exists; choose another title or edit that post`);
const sameSlug = attempt(`read the folder ${folder}`, () => readdirSync(folder)).find(
  (name) => name.replace(/^\d{4}-\d{1,2}-\d{1,2}-/, '').replace(/\.(md|markdown)$/, '') === slug,
);
if (sameSlug)
  fail(`${path.join(folder, sameSlug)} already has the slug "${slug}"; choose another title`);

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
attempt(`write ${file}`, () => writeFileSync(file, frontMatter.join('\n'), { flag: 'wx' }));
console.log(`Wrote ${file}`);
