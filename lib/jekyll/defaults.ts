/**
 * `_config.yml` front-matter defaults, applied as Jekyll applies them (jekyll/frontmatter_defaults.rb): every
 * set whose scope matches the file's path (a prefix of it, or a glob) and type; a longer scope path wins, at
 * equal length a set with a type wins; the file's own front matter wins over all of them. Hashes merge deeply.
 */
import type { FrontMatterDefault } from './config';
import { globMatcher } from './glob';

/** Jekyll's document types: a scope may say `post` or `posts`. */
const TYPE_NAMES: Record<string, string> = { post: 'posts', page: 'pages', draft: 'drafts' };
const typeName = (type: string) => TYPE_NAMES[type] ?? type;

const sanitize = (scopePath: string | undefined) =>
  !scopePath ? '' : scopePath.replace(/^\/+/, '').replace(/(?<=[^/])\/$/, '');

type Values = Record<string, unknown>;
const isHash = (value: unknown): value is Values =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value);

/** Jekyll's Utils.deep_merge_hashes: `overrides` wins, hashes merge. */
export function deepMerge(base: Values, overrides: Values): Values {
  const merged: Values = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const current = merged[key];
    merged[key] = isHash(current) && isHash(value) ? deepMerge(current, value) : value;
  }
  return merged;
}

function appliesPath(scopePath: string | undefined, relativePath: string): boolean {
  const clean = sanitize(scopePath);
  if (!clean) return true;
  return clean.includes('*')
    ? globMatcher(clean, { prefix: true, doubleStar: true })(relativePath)
    : relativePath.startsWith(clean);
}

/**
 * The defaults for the file at `relativePath` (from the site root) of `type` (`posts`, `drafts`, `pages`).
 * Drafts are posts to Jekyll: a `posts` scope applies to them too.
 */
export function frontMatterDefaults(
  defaults: readonly FrontMatterDefault[],
  relativePath: string,
  type: 'posts' | 'drafts' | 'pages',
): Values {
  let values: Values = {};
  let winner: FrontMatterDefault['scope'] | undefined;
  for (const set of defaults) {
    const scopeType = set.scope.type === undefined ? undefined : typeName(set.scope.type);
    const typeApplies =
      scopeType === undefined || scopeType === type || (type === 'drafts' && scopeType === 'posts');
    if (!typeApplies || !appliesPath(set.scope.path, relativePath)) continue;
    const precedes =
      !winner ||
      (sanitize(set.scope.path).length !== sanitize(winner.path).length
        ? sanitize(set.scope.path).length >= sanitize(winner.path).length
        : set.scope.type !== undefined || winner.type === undefined);
    if (precedes) {
      values = deepMerge(values, set.values);
      winner = set.scope;
    } else values = deepMerge(set.values, values);
  }
  return values;
}
