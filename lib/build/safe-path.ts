/**
 * The one check every writer and reader of a path that comes from content goes through: the file stays
 * inside its folder (the export, the mirrored assets, public/, the content folder), whatever the path says
 * (`..`, a leading "/", encoded or not) and whatever symbolic link lies on the way.
 */
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** `target` is `root` or lies under it (both absolute and normalised). */
const under = (root: string, target: string) =>
  target === root || target.startsWith(root.endsWith(path.sep) ? root : root + path.sep);

/** The real path of `file`'s nearest existing ancestor (itself when it exists), so links on the way count. */
function realAncestor(file: string): string {
  let current = file;
  while (!existsSync(current)) {
    const parent = path.dirname(current);
    if (parent === current) return current;
    current = parent;
  }
  return realpathSync(current);
}

/**
 * The path of `relativePath` (a site path such as `/posts/a/share-image.png`, or a relative one) inside
 * `root`; throws, naming both, when it would fall outside. What writes or reads the file uses what this returns.
 */
export function pathInside(root: string, relativePath: string): string {
  if (relativePath.includes('\0'))
    throw new Error(`${JSON.stringify(relativePath)}: a path may not hold a NUL character`);
  const base = path.resolve(root);
  const target = path.resolve(base, `.${path.sep}${relativePath}`);
  if (!under(base, target))
    throw new Error(`${JSON.stringify(relativePath)} would be outside ${root}; refused`);
  const realBase = realAncestor(base);
  if (!under(realBase, realAncestor(target)))
    throw new Error(
      `${JSON.stringify(relativePath)} leads outside ${root} through a symbolic link; refused`,
    );
  return target;
}

/** The path inside `root`, or undefined when it would fall outside (for readers that treat that as "no such file"). */
export function pathInsideOrUndefined(root: string, relativePath: string): string | undefined {
  try {
    return pathInside(root, relativePath);
  } catch {
    return undefined;
  }
}

/** A site path with its percent-escapes decoded, or as written when they are malformed. */
export function safeDecode(sitePath: string): string {
  try {
    return decodeURI(sitePath);
  } catch {
    return sitePath;
  }
}
