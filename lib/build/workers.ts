/**
 * Runs a script over batches of work in child processes, one per core at a
 * time: `node --import tsx <script> <in.json> <out.json>`, where in.json is a
 * batch and the script writes its results to out.json. Used by the content step
 * (lib/content/body-jobs.ts) and the share images (lib/export/share-image-cache.ts).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';

/** The results of each batch, in the order of the batches; `nodeArgs` go to each worker's Node before the script. */
export async function runWorkerBatches<Job, Result>(
  script: string,
  batches: Job[][],
  nodeArgs: readonly string[] = [],
): Promise<Result[][]> {
  const folder = mkdtempSync(path.join(tmpdir(), 'blog-workers-'));
  const results: Result[][] = new Array(batches.length);
  let next = 0;
  const work = async () => {
    while (next < batches.length) {
      const batch = next++;
      const input = path.join(folder, `in-${batch}.json`);
      const output = path.join(folder, `out-${batch}.json`);
      writeFileSync(input, JSON.stringify(batches[batch]));
      await new Promise<void>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          [...nodeArgs, '--import', 'tsx', script, input, output],
          {
            stdio: 'inherit',
          },
        );
        child.on('error', reject);
        child.on('exit', (status) =>
          status === 0 ? resolve() : reject(new Error(`${script} exited with ${status}`)),
        );
      });
      results[batch] = JSON.parse(readFileSync(output, 'utf8')) as Result[];
    }
  };
  try {
    await Promise.all(
      Array.from({ length: Math.min(availableParallelism(), batches.length) }, work),
    );
    return results;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
