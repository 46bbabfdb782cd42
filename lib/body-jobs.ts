/**
 * The expensive part of the content step, run in parallel: reading each
 * changed body's facts (one markdown parse) and, for builds, rendering its HTML
 * (the markdown pipeline with highlighting). Jobs are split over one process
 * per core (scripts/content-worker.ts); a handful run in this process.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { computeBodyFacts, type BodyFacts } from './post-fields';
import { runWorkerBatches } from './workers';

export interface BodyJob {
  body: string;
  excerptSeparator?: string;
  /** The staged path of the post (images beside it resolve from it). */
  relativePath: string;
  facts: boolean;
  html: boolean;
}

export interface BodyJobResult {
  facts?: BodyFacts;
  html?: string;
}

export async function runBodyJob(job: BodyJob): Promise<BodyJobResult> {
  const facts = job.facts ? computeBodyFacts(job.body, job.excerptSeparator) : undefined;
  if (!job.html) return { facts };
  // Loaded only when rendering: the highlighter's grammars are most of a check's start-up otherwise.
  const { renderMarkdown } = await import('./markdown/render');
  return { facts, html: await renderMarkdown(job.body, job.relativePath) };
}

/** Below this many jobs, starting worker processes costs more than it saves. */
const IN_PROCESS_JOBS = 24;

export async function runBodyJobs(jobs: BodyJob[]): Promise<BodyJobResult[]> {
  // Reading facts alone (`npm run check`) measured no faster in workers than here (8.3 s against 7.0 s for
  // 1000 posts): only rendering, with its highlighting, is worth the workers' start-up.
  const rendering = jobs.some((job) => job.html);
  const workers = rendering ? Math.min(availableParallelism(), Math.ceil(jobs.length / IN_PROCESS_JOBS)) : 1;
  if (workers <= 1) {
    const results: BodyJobResult[] = [];
    for (const job of jobs) results.push(await runBodyJob(job));
    return results;
  }
  // Interleaved, so long and short posts spread evenly.
  const parts = Array.from({ length: workers }, (_, part) => jobs.filter((_job, index) => index % workers === part));
  const outputs = await runWorkerBatches<BodyJob, BodyJobResult>(path.join('scripts', 'content-worker.ts'), parts);
  const results: BodyJobResult[] = new Array(jobs.length);
  outputs.forEach((part, partIndex) => part.forEach((result, index) => (results[index * workers + partIndex] = result)));
  return results;
}
