import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Every file under `dir`, as paths relative to it with `/`, sorted; none when `dir` does not exist. */
export function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      .sort();
  } catch {
    return [];
  }
}
