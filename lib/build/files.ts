import * as fs from 'node:fs';
import path from 'node:path';

/** Every file under `dir`, as paths relative to it with `/`, sorted; none when `dir` does not exist. For folders the build writes itself. */
export function listFiles(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) =>
        path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
      )
      .sort();
  } catch {
    return [];
  }
}

/** Something in the author's folder that is not read, and why: never skipped silently. */
export interface UnreadEntry {
  /** Relative to the folder, with `/`. */
  relativePath: string;
  message: string;
}

/** A FIFO, socket or device: reading it could block or never end. */
const SPECIAL_FILE =
  'is not a regular file (a pipe, socket or device); it is not read (replace it with a file)';

export interface SourceListing {
  /** Files to read, relative to the folder with `/`, sorted. */
  files: string[];
  unread: UnreadEntry[];
}

/** The file-system calls the listing makes, so a test can make a folder unreadable even as root. */
export interface ListingFileSystem {
  readdirSync: (dir: string) => fs.Dirent[];
  realpathSync: (file: string) => string;
  statSync: (file: string) => fs.Stats;
}

const nodeFileSystem: ListingFileSystem = {
  readdirSync: (dir) => fs.readdirSync(dir, { withFileTypes: true }),
  realpathSync: (file) => fs.realpathSync(file),
  statSync: (file) => fs.statSync(file),
};

/**
 * The files of an author's folder (posts, images): dot files and dot folders are private and never listed (as
 * Jekyll leaves them out); a symbolic link to a file inside the folder is followed; a link that leads outside it
 * or to a folder, and a folder that cannot be read, are reported. Walks with a stack, not recursion.
 */
export function listSourceFiles(
  root: string,
  fileSystem: ListingFileSystem = nodeFileSystem,
): SourceListing {
  const files: string[] = [];
  const unread: UnreadEntry[] = [];
  const realRoot = fileSystem.realpathSync(root);
  const inside = (target: string) => target === realRoot || target.startsWith(realRoot + path.sep);
  const pending = [''];
  while (pending.length > 0) {
    const relativeDir = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fileSystem.readdirSync(path.join(root, relativeDir));
    } catch (error) {
      unread.push({
        relativePath: relativeDir || '.',
        message: `this folder cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); nothing in it is published`,
      });
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) pending.push(relative);
      else if (entry.isFile()) files.push(relative);
      else if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = fileSystem.realpathSync(path.join(root, relative));
        } catch {
          unread.push({
            relativePath: relative,
            message: 'is a symbolic link to nothing; it is not read',
          });
          continue;
        }
        const hidden = path
          .relative(realRoot, target)
          .split(path.sep)
          .some((part) => part.startsWith('.'));
        if (!inside(target) || hidden)
          unread.push({
            relativePath: relative,
            message: `is a symbolic link to ${target}, outside the folder or in a hidden one; it is not read (copy the file in)`,
          });
        else if (fileSystem.statSync(target).isDirectory())
          unread.push({
            relativePath: relative,
            message:
              'is a symbolic link to a folder; it is not followed (link the files, or move the folder)',
          });
        else if (!fileSystem.statSync(target).isFile())
          unread.push({ relativePath: relative, message: SPECIAL_FILE });
        else files.push(relative);
      } else unread.push({ relativePath: relative, message: SPECIAL_FILE });
    }
  }
  return { files: files.sort(), unread };
}
