/**
 * One worker of the content step (lib/content/body-jobs.ts, through lib/build/workers.ts): reads a JSON list of body
 * jobs, writes the list of results. `node --import tsx scripts/content-worker.ts <in> <out>`.
 * runBodyJob never throws (a failure is a problem in its result), so the results are always written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { runBodyJob, type BodyJob, type BodyJobResult } from '../lib/content/body-jobs';

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error('usage: content-worker.ts <jobs.json> <results.json>');
const jobs = JSON.parse(readFileSync(input, 'utf8')) as BodyJob[];
const results: BodyJobResult[] = [];
for (const job of jobs) results.push(await runBodyJob(job));
writeFileSync(output, JSON.stringify(results));
