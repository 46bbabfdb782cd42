/**
 * A post file's front matter: split from the body, parsed as YAML with the line
 * of every field, and checked against the one schema of what authors may write
 * (also what contentlayer.config.ts declares). Problems carry a line, so
 * `npm run check` reports them as `file:line: field: message`.
 */
import { isMap, isScalar, LineCounter, parseDocument, Scalar } from 'yaml';
import { deepMerge } from '../jekyll/defaults';

type FieldType = 'string' | 'boolean' | 'json';

/** Every front-matter field we read, Jekyll's spelling. Others (comments, author…) are allowed and ignored. */
export const FRONT_MATTER_FIELDS = {
  // Both may be absent, as in Jekyll: the file name gives them (lib/content/post-fields.ts).
  title: { type: 'string' },
  date: { type: 'string' },
  categories: { type: 'json' },
  category: { type: 'string' },
  tags: { type: 'json' },
  tag: { type: 'string' },
  excerpt: { type: 'string' },
  excerpt_separator: { type: 'string' },
  published: { type: 'boolean' },
  draft: { type: 'boolean' },
  slug: { type: 'string' },
  updated: { type: 'string' },
  last_modified_at: { type: 'string' },
  layout: { type: 'string' },
  permalink: { type: 'string' },
  render_with_liquid: { type: 'boolean' },
} as const satisfies Record<string, { type: FieldType; required?: boolean }>;

export interface FrontMatter {
  title?: string;
  date?: string;
  categories?: unknown;
  category?: string;
  tags?: unknown;
  tag?: string;
  excerpt?: string;
  excerpt_separator?: string;
  published?: boolean;
  draft?: boolean;
  slug?: string;
  updated?: string;
  last_modified_at?: string;
  layout?: string;
  permalink?: string;
  render_with_liquid?: boolean;
  [field: string]: unknown;
}

export interface FieldProblem {
  /** 1-based line in the file. */
  line: number;
  field: string;
  message: string;
}

export interface SplitPost {
  /** YAML between the fences ('' when there is none). */
  yaml: string;
  body: string;
  /** Line of the closing fence: body line n is file line (this + n). 0 without front matter. */
  bodyLineOffset: number;
}

/** Splits a normalised post (LF, no BOM) at its `---` fences. */
export function splitFrontMatter(text: string): SplitPost | null {
  if (!text.startsWith('---\n')) return null;
  const closing = /^(?:---|\.\.\.)[ \t]*$/m;
  const rest = text.slice(4);
  const match = closing.exec(rest);
  if (!match) return null;
  const yaml = rest.slice(0, match.index);
  const afterFence = rest.slice(match.index + match[0].length);
  return {
    yaml,
    body: afterFence.startsWith('\n') ? afterFence.slice(1) : afterFence,
    bodyLineOffset: yaml.split('\n').length + 1,
  };
}

const TOO_DEEP = 'is nested too deeply to read; flatten it';

/**
 * Fields that reach feeds, pages and URLs, where a control character makes XML ill-formed, and whether
 * a line break is allowed: YAML block scalars (`excerpt: >`) end titles and excerpts with one.
 */
const CONTROL_CHECKED = {
  title: true,
  excerpt: true,
  category: false,
  categories: false,
  tag: false,
  tags: false,
  slug: false,
} as const;

/** The first control character (U+0000–U+001F but tab, U+007F–U+009F) in a text or list of texts, as `U+0007`. */
function controlCharacterIn(value: unknown, lineBreaksAllowed: boolean): string | undefined {
  const texts = Array.isArray(value) ? value : [value];
  const pattern = lineBreaksAllowed
    ? /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/
    : /[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/;
  for (const text of texts) {
    const found = typeof text === 'string' ? pattern.exec(text)?.[0] : undefined;
    if (found) return `U+${found.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return undefined;
}

const describe = (value: unknown) =>
  Array.isArray(value) ? 'a list' : value === null ? 'empty' : `a ${typeof value}`;

/**
 * Parses and checks the front matter; every problem found, each with its line. `defaults` (a Jekyll site's
 * front-matter defaults for this file) lie under the file's own fields and are checked with them.
 */
export function parseFrontMatter(
  yamlText: string,
  defaults: Record<string, unknown> = {},
): {
  data: FrontMatter;
  problems: FieldProblem[];
  /** Top-level fields written as plain (unquoted) scalars: Ruby's YAML reads a plain timestamp as UTC. */
  plainFields?: ReadonlySet<string>;
} {
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // The YAML starts on line 2 of the file, after the opening fence.
  const fileLine = (offset: number) => lineCounter.linePos(offset).line + 1;
  const problems: FieldProblem[] = document.errors.map((error) => ({
    line: fileLine(error.pos[0]),
    field: 'front matter',
    // The yaml package reports its own stack overflow (`[[[[…`, deep indentation) as an error at the spot.
    message: /Maximum call stack/.test(error.message)
      ? TOO_DEEP
      : (error.message.split('\n')[0] ?? error.message),
  }));
  if (problems.length > 0) return { data: {}, problems };

  const lineOf = new Map<string, number>();
  const plainFields = new Set<string>();
  if (isMap(document.contents)) {
    for (const pair of document.contents.items) {
      if (isScalar(pair.key) && pair.key.range)
        lineOf.set(String(pair.key.value), fileLine(pair.key.range[0]));
      if (isScalar(pair.key) && isScalar(pair.value) && pair.value.type === Scalar.PLAIN)
        plainFields.add(String(pair.key.value));
    }
  } else if (document.contents !== null) {
    return {
      data: {},
      problems: [
        { line: 2, field: 'front matter', message: 'must be a list of "field: value" lines' },
      ],
    };
  }
  let data: Record<string, unknown>;
  try {
    data = (document.toJS() ?? {}) as Record<string, unknown>;
  } catch (error) {
    // A "billion laughs" alias bomb: toJS() refuses past its maxAliasCount with a ReferenceError.
    const firstAlias = /(?:^|[\s[{,:-])\*[^\s,\]}]/m.exec(yamlText);
    const line = firstAlias ? fileLine(firstAlias.index) : 2;
    const excessive = error instanceof Error && /alias/i.test(error.message);
    const message = excessive
      ? 'uses YAML aliases (*name) too many times, which could expand without bound; write the values out'
      : `could not be read (${error instanceof Error ? error.message : String(error)})`;
    return { data: {}, problems: [{ line, field: 'front matter', message }] };
  }
  data = deepMerge(defaults, data);
  const closingLine = yamlText.split('\n').length + 1;
  for (const [field, spec] of Object.entries(FRONT_MATTER_FIELDS) as [
    string,
    { type: FieldType; required?: boolean },
  ][]) {
    const value = data[field];
    const line = lineOf.get(field) ?? closingLine;
    // A value the file does not write came from a front-matter default of `_config.yml`: say so.
    const from =
      !lineOf.has(field) && field in defaults ? ' (a front-matter default of _config.yml)' : '';
    if (value === undefined || value === null) {
      if ('required' in spec && spec.required)
        problems.push({ line, field, message: 'is required' });
      else delete data[field];
      continue;
    }
    if (spec.type === 'string' && typeof value !== 'string') {
      // YAML reads `title: 2024` or `slug: 404` as numbers: take them as the text written.
      if (typeof value === 'number' && field !== 'date') data[field] = String(value);
      else problems.push({ line, field, message: `must be text, not ${describe(value)}${from}` });
    }
    if (spec.type === 'boolean' && typeof value !== 'boolean') {
      problems.push({
        line,
        field,
        message: `must be true or false, not ${JSON.stringify(value)}${from}`,
      });
    }
    const control =
      field in CONTROL_CHECKED
        ? controlCharacterIn(value, CONTROL_CHECKED[field as keyof typeof CONTROL_CHECKED])
        : undefined;
    if (control)
      problems.push({
        line,
        field,
        message: `contains the control character ${control}; remove it${from}`,
      });
  }
  return { data: data as FrontMatter, problems, plainFields };
}

/** The line of a field in the file, for problems found later (by the rules). */
export function fieldLine(yamlText: string, field: string): number {
  const lines = yamlText.split('\n');
  const at = lines.findIndex((line) => line.startsWith(`${field}:`));
  return at < 0 ? lines.length + 1 : at + 2;
}
