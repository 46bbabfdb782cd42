/**
 * The expensive part of the content step, run in parallel: reading each
 * changed body's facts (one markdown parse) and, for builds, rendering its HTML
 * (the markdown pipeline with highlighting). Jobs are split over one process
 * per core (scripts/content-worker.ts); a handful run in this process.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { readingMinutes } from './rules';
import { mathProblems } from '../markdown/math';
import { MarkdownLimitError, parseMarkdown } from '../markdown/parse';
import { computeBodyFacts, type BodyFacts } from './post-fields';
import type { BodyProblem } from '../build/problems';
import { runWorkerBatches } from '../build/workers';
import type { DiagramSource } from '../markdown/diagrams';
import type { MarkdownDialect } from '../markdown/dialect';
import { resolveRelativeUrls } from '../markdown/relative-urls';

export interface BodyJob {
  body: string;
  excerptSeparator?: string;
  /** The markdown the body is written in (kramdown for a Jekyll site). */
  dialect: MarkdownDialect;
  /**
   * The URL a Jekyll site's document had there: its relative URLs were written for it and are resolved against
   * it (lib/markdown/relative-urls.ts). Unset for our own posts, whose relative images sit beside them.
   */
  documentUrl?: string;
  /** The staged path of the post (images beside it resolve from it). */
  relativePath: string;
  facts: boolean;
  html: boolean;
}

export interface BodyJobResult {
  /** Placeholder facts (no excerpt, headings or links) when `problems` has an error: do not keep them. */
  facts?: BodyFacts;
  /** Absent when rendering failed (an error in `problems`). */
  html?: string;
  /** Problems found in the body, at lines of the body: code blocks too large to highlight, nesting too deep, failures. */
  problems?: BodyProblem[];
  /** The body's Mermaid diagrams, marked in `html` until lib/content/diagrams.ts draws them. */
  diagrams?: DiagramSource[];
}

/** The facts of a body that could not be read, so the post's other problems are still reported. */
const PLACEHOLDER_FACTS: BodyFacts = {
  excerpt: '',
  headings: [],
  readingMinutes: readingMinutes(''),
  links: [],
  anchors: [],
  handlers: [],
  hasMath: false,
};

/** Any failure as a problem of the body: its message, never its stack. */
function failureProblem(error: unknown): BodyProblem {
  if (error instanceof MarkdownLimitError)
    return { line: error.line, field: 'body', severity: 'error', message: error.message };
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    line: 1,
    field: 'body',
    severity: 'error',
    message: `could not be read (${reason.split('\n')[0]})`,
  };
}

/** Never throws: whatever goes wrong becomes a problem, so a worker always writes its results. */
export async function runBodyJob(job: BodyJob): Promise<BodyJobResult> {
  const problems: BodyProblem[] = [];
  let facts: BodyFacts | undefined;
  if (job.facts) {
    try {
      facts = computeBodyFacts(job.body, job.excerptSeparator, job.dialect);
      // A TeX error is the author's to fix, found with the facts so `npm run check` reports it.
      if (facts.hasMath)
        problems.push(
          ...mathProblems(
            parseMarkdown(job.body, job.dialect),
            job.dialect.kramdown ? 'warning' : 'error',
          ),
        );
    } catch (error) {
      problems.push(failureProblem(error));
      facts = PLACEHOLDER_FACTS;
    }
  }
  // A body whose facts failed would fail again (the same parse): one problem is enough. A warning (a Jekyll
  // site's formula left as TeX) still renders.
  if (job.html && !problems.some((found) => found.severity === 'error')) {
    try {
      // Loaded only when rendering: the highlighter's grammars are most of a check's start-up otherwise.
      const { renderMarkdown } = await import('../markdown/render');
      const rendered = await renderMarkdown(
        job.body,
        job.relativePath,
        job.dialect,
        job.documentUrl,
      );
      problems.push(...rendered.problems);
      const html = job.documentUrl
        ? resolveRelativeUrls(rendered.html, job.documentUrl)
        : rendered.html;
      const diagrams = rendered.diagrams.length > 0 ? { diagrams: rendered.diagrams } : {};
      return problems.length > 0
        ? { facts, html, problems, ...diagrams }
        : { facts, html, ...diagrams };
    } catch (error) {
      problems.push(failureProblem(error));
    }
  }
  return problems.length > 0 ? { facts, problems } : { facts };
}

/**
 * Jobs each worker process must have before workers are started: below it, one process renders faster than
 * several, whose start-up (1.3 s each) and whose GC threads fighting over the same cores cost more than they
 * save on two cores (docs/decisions.md).
 */
const IN_PROCESS_JOBS = 250;

export async function runBodyJobs(jobs: BodyJob[]): Promise<BodyJobResult[]> {
  // Reading facts alone (`npm run check`) measured no faster in workers than here (docs/decisions.md): only
  // rendering, with its highlighting, is worth the workers' start-up.
  const rendering = jobs.some((job) => job.html);
  const workers = rendering
    ? Math.min(availableParallelism(), Math.ceil(jobs.length / IN_PROCESS_JOBS))
    : 1;
  if (workers <= 1) {
    const results: BodyJobResult[] = [];
    for (const job of jobs) results.push(await runBodyJob(job));
    return results;
  }
  // Interleaved, so long and short posts spread evenly.
  const parts = Array.from({ length: workers }, (_, part) =>
    jobs.filter((_job, index) => index % workers === part),
  );
  const outputs = await runWorkerBatches<BodyJob, BodyJobResult>(
    path.join('scripts', 'content-worker.ts'),
    parts,
    // A larger young generation: rendering allocates many short-lived nodes (docs/decisions.md).
    ['--max-semi-space-size=64'],
  );
  const results: BodyJobResult[] = new Array(jobs.length);
  outputs.forEach((part, partIndex) =>
    part.forEach((result, index) => (results[index * workers + partIndex] = result)),
  );
  return results;
}
