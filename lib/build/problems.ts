/**
 * A problem in the author's content, as a value: where it is, which field, how bad, what to do.
 * Every stage reports problems this way and `formatProblem` is the one place they become text,
 * `file:line: field: message` (with `warning:` before the message for warnings).
 */
export type Severity = 'error' | 'warning';

export interface Problem {
  /** The author's file as messages name it (content folder as configured + relative path). */
  file: string;
  /** 1-based line in that file. */
  line: number;
  /** The front-matter field, or what part of the file (`body`, `liquid`, `file`, `broken link`…). */
  field: string;
  severity: Severity;
  message: string;
}

/** A problem found in a post body, before the body's place in the file is known: `line` is the body's line. */
export type BodyProblem = Omit<Problem, 'file'>;

export const problem = (
  file: string,
  line: number,
  field: string,
  message: string,
  severity: Severity = 'error',
): Problem => ({
  file,
  line,
  field,
  severity,
  message,
});

/** A file name as a message prints it: a control character in it (a newline…) is escaped, so each problem stays one line. */
const printable = (text: string) =>
  text.replace(/\p{Cc}/gu, (character) => JSON.stringify(character).slice(1, -1));

export function formatProblem({ file, line, field, severity, message }: Problem): string {
  return `${printable(file)}:${line}: ${printable(field)}: ${severity === 'warning' ? 'warning: ' : ''}${printable(message)}`;
}

/** By file, then line: the order an author fixes them in. */
export function byFileAndLine(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file) || a.line - b.line;
}

export const isError = (candidate: Problem) => candidate.severity === 'error';
