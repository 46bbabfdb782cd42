import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { imageBatches } from '../lib/share-images';

describe('share image batches', () => {
  const jobs = Array.from({ length: 1001 }, (_, index) => index);

  it('keeps every image once, in order, in even batches that keep all workers busy', () => {
    for (const workers of [1, 2, 3, 8]) {
      const batches = imageBatches(jobs, workers);
      assert.deepEqual(batches.flat(), jobs, `${workers} workers`);
      assert.equal(batches.length % workers, 0, `${workers} workers: ${batches.length} batches`);
      const sizes = batches.map((batch) => batch.length);
      assert.ok(Math.max(...sizes) - Math.min(...sizes) <= Math.ceil(jobs.length / batches.length), `${workers} workers: ${sizes.join(',')}`);
    }
  });

  it('gives a worker fewer images the more workers share the memory budget', () => {
    const largest = (workers: number) => Math.max(...imageBatches(jobs, workers).map((batch) => batch.length));
    assert.ok(largest(2) <= 300, String(largest(2)));
    assert.ok(largest(8) <= 80, String(largest(8)));
    assert.ok(largest(2) > largest(8));
  });
});
