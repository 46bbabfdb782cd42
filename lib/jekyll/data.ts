/**
 * A Jekyll site's `_data` folder as `site.data`, as Jekyll's DataReader reads it: `.yml`, `.yaml`, `.json`,
 * `.csv` and `.tsv` (rows as objects keyed by the header row), nested folders as nested keys, each file under
 * its name without the extension. A file that cannot be read is a problem with its line; the rest still load.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { problem, type Problem } from '../build/problems';

type Data = Record<string, unknown>;

const DATA_FILE = /\.(ya?ml|json|csv|tsv)$/i;

/** A data file past this would take many times its size in memory (a 50 MB CSV takes about 900 MB). */
export const MAX_DATA_BYTES = 20_000_000;

/** The line of a key of a YAML map (`[key]`), or of a key of its value (`[key, field]`); undefined when absent. */
export type KeyLines = (key: string, field?: string) => number | undefined;

/**
 * The lines of a document's keys, two levels deep, in one pass: the last of two equal keys wins, as Ruby's YAML
 * keeps it. Looking a key up in the document instead costs a scan of its map each time.
 */
export function keyLinesOf(document: Document, lineCounter: LineCounter): KeyLines {
  const lines = new Map<string, { line: number; fields: Map<string, number> }>();
  const lineOf = (key: unknown) => {
    const range = isScalar(key) ? key.range : undefined;
    return range ? lineCounter.linePos(range[0]).line : undefined;
  };
  if (isMap(document.contents))
    for (const pair of document.contents.items) {
      const line = lineOf(pair.key);
      if (!isScalar(pair.key) || line === undefined) continue;
      const fields = new Map<string, number>();
      if (isMap(pair.value))
        for (const inner of pair.value.items) {
          const innerLine = lineOf(inner.key);
          if (isScalar(inner.key) && innerLine !== undefined)
            fields.set(String(inner.key.value), innerLine);
        }
      lines.set(String(pair.key.value), { line, fields });
    }
  return (key, field) => {
    const found = lines.get(key);
    return field === undefined ? found?.line : (found?.fields.get(field) ?? found?.line);
  };
}

/**
 * Reads the data files (paths relative to the site root, all under `_data/`), with the lines of each YAML
 * file's keys by path.
 */
export function readSiteData(
  root: string,
  displayDir: string,
  dataFiles: readonly string[],
): { data: Data; problems: Problem[]; keyLines: Map<string, KeyLines> } {
  const data: Data = {};
  const problems: Problem[] = [];
  const keyLines = new Map<string, KeyLines>();
  for (const relativePath of dataFiles) {
    const extension = DATA_FILE.exec(relativePath)?.[1]?.toLowerCase();
    if (!extension) continue; // Jekyll reads only these kinds
    const shown = path.join(displayDir, relativePath);
    const size = statSync(path.join(root, relativePath)).size;
    if (size > MAX_DATA_BYTES) {
      problems.push(
        problem(
          shown,
          1,
          'data',
          `is ${size.toLocaleString('en')} bytes, more than ${MAX_DATA_BYTES.toLocaleString('en')}; split it or leave it out of _data/`,
        ),
      );
      continue;
    }
    const text = readFileSync(path.join(root, relativePath), 'utf8').replace(/^\uFEFF/, '');
    let value: unknown;
    try {
      if (extension === 'json') value = JSON.parse(text);
      else if (extension === 'csv' || extension === 'tsv')
        value = parseCsv(text, {
          columns: true,
          delimiter: extension === 'tsv' ? '\t' : ',',
          skip_empty_lines: true,
          relax_column_count: true,
        });
      else {
        const lineCounter = new LineCounter();
        // Ruby's YAML keeps the last of two equal keys; the yaml package's uniqueness check is quadratic.
        const document = parseDocument(text, {
          lineCounter,
          prettyErrors: false,
          uniqueKeys: false,
        });
        const error = document.errors[0];
        if (error) {
          problems.push(
            problem(
              shown,
              lineCounter.linePos(error.pos[0]).line,
              'data',
              /Maximum call stack/.test(error.message)
                ? 'is nested too deeply to read; flatten it'
                : error.message.split('\n')[0]!,
            ),
          );
          continue;
        }
        value = document.toJS({ maxAliasCount: 100 });
        keyLines.set(relativePath, keyLinesOf(document, lineCounter));
      }
    } catch (error) {
      const line = Number((error as { lines?: number }).lines ?? 1) || 1;
      problems.push(
        problem(
          shown,
          line,
          'data',
          `could not be read (${(error as Error).message.split('\n')[0]})`,
        ),
      );
      continue;
    }
    // `_data/team/members.yml` is site.data.team.members.
    const keys = relativePath
      .replace(/^_data\//, '')
      .replace(DATA_FILE, '')
      .split('/');
    // Own properties only, defined rather than assigned: `_data/__proto__/x.yml` must not reach Object.prototype.
    const set = (object: Data, key: string, item: unknown) =>
      Object.defineProperty(object, key, {
        value: item,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    let target = data;
    for (const key of keys.slice(0, -1)) {
      const next = Object.hasOwn(target, key) ? target[key] : undefined;
      if (next && typeof next === 'object' && !Array.isArray(next)) target = next as Data;
      else {
        const created: Data = {};
        set(target, key, created);
        target = created;
      }
    }
    set(target, keys[keys.length - 1]!, value);
  }
  return { data, problems, keyLines };
}
