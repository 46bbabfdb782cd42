/**
 * Glob patterns of `_config.yml` (`exclude`, `include`, a default's `scope.path`), matched in time linear in the
 * pattern times the path: a set of positions in the pattern is carried along the path (no backtracking), so a
 * pattern like `*a*a*a…*b` cannot make the check hang as a regular expression would. `*` is any run of
 * characters but "/", `?` one character but "/", `**` (only where `doubleStar`) any run of whole folders
 * (`(?:.*\/)?`), `[a-z]` and `[!a]` one character of the class or not of it; every other character (an
 * unclosed `[` too) stands for itself.
 */
type Token =
  | { kind: 'char'; char: string }
  | { kind: 'star' }
  | { kind: 'any' }
  | { kind: 'folders' }
  | { kind: 'class'; negated: boolean; ranges: [string, string][] };

/** `[abc]`, `[a-z]`, `[!a]` or `[^a]` at `at`: the token and where it ends; undefined when not closed (a literal "["). */
function characterClass(glob: string, at: number): { token: Token; end: number } | undefined {
  let index = at + 1;
  const negated = glob[index] === '!' || glob[index] === '^';
  if (negated) index += 1;
  const ranges: [string, string][] = [];
  // A "]" first in the class is a character of it.
  for (let first = true; index < glob.length && (first || glob[index] !== ']'); first = false) {
    const low = glob[index]!;
    if (glob[index + 1] === '-' && index + 2 < glob.length && glob[index + 2] !== ']') {
      ranges.push([low, glob[index + 2]!]);
      index += 3;
    } else {
      ranges.push([low, low]);
      index += 1;
    }
  }
  return index < glob.length
    ? { token: { kind: 'class', negated, ranges }, end: index }
    : undefined;
}

function tokens(glob: string, doubleStar: boolean): Token[] {
  const result: Token[] = [];
  for (let at = 0; at < glob.length; at += 1) {
    const char = glob[at]!;
    if (doubleStar && glob.startsWith('**', at)) {
      result.push({ kind: 'folders' });
      at += glob[at + 2] === '/' ? 2 : 1;
    } else if (char === '*') {
      // Adjacent stars are one star.
      if (result[result.length - 1]?.kind !== 'star') result.push({ kind: 'star' });
    } else if (char === '?') result.push({ kind: 'any' });
    else if (char === '[' && characterClass(glob, at)) {
      const { token, end } = characterClass(glob, at)!;
      result.push(token);
      at = end;
    } else result.push({ kind: 'char', char });
  }
  return result;
}

/**
 * A matcher for `glob`: `prefix` accepts a path whose beginning matches (as `^glob` without `$` does);
 * `doubleStar` reads `**` as any run of folders.
 */
export function globMatcher(
  glob: string,
  { prefix = false, doubleStar = false }: { prefix?: boolean; doubleStar?: boolean } = {},
): (text: string) => boolean {
  const pattern = tokens(glob, doubleStar);
  const end = pattern.length;
  // Positions reachable without reading a character: a star or a run of folders may match nothing.
  const close = (states: Set<number>) => {
    for (const state of states) {
      const token = pattern[state];
      if (token && (token.kind === 'star' || token.kind === 'folders')) states.add(state + 1);
    }
    return states;
  };
  return (text) => {
    let states = close(new Set([0]));
    for (const char of text) {
      if (prefix && states.has(end)) return true;
      const next = new Set<number>();
      for (const state of states) {
        const token = pattern[state];
        if (!token) continue;
        if (token.kind === 'char' && token.char === char) next.add(state + 1);
        else if (token.kind === 'any' && char !== '/') next.add(state + 1);
        else if (token.kind === 'class' && char !== '/') {
          const inside = token.ranges.some(([low, high]) => char >= low && char <= high);
          if (inside !== token.negated) next.add(state + 1);
        } else if (token.kind === 'star' && char !== '/') next.add(state);
        else if (token.kind === 'folders') {
          next.add(state);
          if (char === '/') next.add(state + 1);
        }
      }
      if (next.size === 0) return false;
      states = close(next);
    }
    return states.has(end);
  };
}
