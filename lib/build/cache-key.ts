/**
 * The one cache key of the build. Every cache (body facts, post HTML, share images, the kept `next build`)
 * is keyed by its inputs, the code that makes its output, the lock file (every dependency's version) and
 * the Node version, so no cache serves output of older code and nothing is bumped by hand. The code is found
 * by following the imports of the module that makes the output: a change to any project file it reaches,
 * directly or not, changes the key; a change to a file it does not reach changes nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** `import … from '…'`, `export … from '…'`, `import '…'` and `import('…')`: the specifiers of a module. */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;
const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.mjs', '.js', '/index.ts', '/index.tsx'];

/** The project file a specifier names (relative, or `@/` for the project root), or undefined for a package. */
function resolveLocal(specifier: string, fromFile: string, root: string): string | undefined {
  let base: string;
  if (specifier.startsWith('.')) base = path.resolve(path.dirname(fromFile), specifier);
  else if (specifier.startsWith('@/')) base = path.resolve(root, specifier.slice(2));
  else return undefined;
  for (const extension of EXTENSIONS) {
    const candidate = base + extension;
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Every project file `entries` reach through their imports (themselves included), relative to `root`, sorted. */
export function importGraph(entries: readonly string[], root = process.cwd()): string[] {
  const seen = new Set<string>();
  const pending = entries.map((entry) => path.resolve(root, entry));
  for (let file = pending.pop(); file; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      const target = resolveLocal(specifier!, file, root);
      if (target && !seen.has(target)) pending.push(target);
    }
  }
  return [...seen].map((file) => path.relative(root, file).split(path.sep).join('/')).sort();
}

/**
 * The fingerprint of the code that makes an output: every file its entry modules reach, the lock file and the
 * Node version.
 */
export function fingerprintOf(entries: readonly string[], root: string): string {
  const hash = createHash('sha256');
  for (const file of importGraph(entries, root))
    hash
      .update(`${file}\0`)
      .update(readFileSync(path.join(root, file)))
      .update('\0');
  const lockFile = path.join(root, 'package-lock.json');
  hash.update(existsSync(lockFile) ? readFileSync(lockFile) : 'no lock file');
  hash.update(`\0${process.version}`);
  return hash.digest('base64url');
}

const codeHashes = new Map<string, string>();

/** fingerprintOf for this project, computed once a process for each output (the code does not change while it runs). */
export function codeFingerprint(entries: readonly string[]): string {
  const id = entries.join('\0');
  let fingerprint = codeHashes.get(id);
  if (fingerprint === undefined) {
    fingerprint = fingerprintOf(entries, process.cwd());
    codeHashes.set(id, fingerprint);
  }
  return fingerprint;
}

/** The key of one cached output: the fingerprint of the code that makes it and each of its inputs. */
export function cacheKey(code: string, ...inputs: readonly (string | Buffer)[]): string {
  const hash = createHash('sha256').update(code);
  for (const input of inputs) hash.update(`\0${input.length}\0`).update(input);
  return hash.digest('base64url');
}

/** The modules whose code makes each cached output, named once. */
export const CACHED_OUTPUTS = {
  /** Excerpt, headings, reading time, links of a body (lib/content/post-fields.ts computeBodyFacts). */
  bodyFacts: ['lib/content/post-fields.ts'],
  /** A post's HTML (the markdown pipeline). */
  postHtml: ['lib/markdown/render.ts', 'lib/content/diagrams.ts'],
  /** A share image. */
  shareImage: ['lib/export/share-image-drawing.tsx'],
  /** One width and format of an image of a post. */
  imageVariant: ['lib/export/image-variants.ts'],
  /** A Mermaid diagram's drawings (Mermaid's version comes with the lock file). */
  diagram: ['lib/content/diagrams.ts'],
} as const;
