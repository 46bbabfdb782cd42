/**
 * A Jekyll site's `_data` folder as `site.data`, as Jekyll's DataReader reads it: `.yml`, `.yaml`, `.json`,
 * `.csv` and `.tsv` (rows as objects keyed by the header row), nested folders as nested keys, each file under
 * its name without the extension. A file that cannot be read is a problem with its line; the rest still load.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { LineCounter, parseDocument } from 'yaml';
import { problem, type Problem } from '../build/problems';

type Data = Record<string, unknown>;

const DATA_FILE = /\.(ya?ml|json|csv|tsv)$/i;

/** Reads the data files (paths relative to the site root, all under `_data/`). */
export function readSiteData(
  root: string,
  displayDir: string,
  dataFiles: readonly string[],
): { data: Data; problems: Problem[] } {
  const data: Data = {};
  const problems: Problem[] = [];
  for (const relativePath of dataFiles) {
    const extension = DATA_FILE.exec(relativePath)?.[1]?.toLowerCase();
    if (!extension) continue; // Jekyll reads only these kinds
    const shown = path.join(displayDir, relativePath);
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
        const document = parseDocument(text, { lineCounter, prettyErrors: false });
        const error = document.errors[0];
        if (error) {
          problems.push(
            problem(
              shown,
              lineCounter.linePos(error.pos[0]).line,
              'data',
              error.message.split('\n')[0]!,
            ),
          );
          continue;
        }
        value = document.toJS({ maxAliasCount: 100 });
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
    let target = data;
    for (const key of keys.slice(0, -1)) {
      const next = target[key];
      target = (
        next && typeof next === 'object' && !Array.isArray(next) ? next : (target[key] = {})
      ) as Data;
    }
    target[keys[keys.length - 1]!] = value;
  }
  return { data, problems };
}
