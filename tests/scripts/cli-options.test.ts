import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBasePath } from '../../lib/build/settings';
import { normalizeBasePath } from '../../scripts/cli-options.mjs';

describe('BASE_PATH in the plain Node scripts', () => {
  // The plain Node scripts keep their own copy (they cannot import TypeScript): it must read a value as the build does.
  it('is read by the plain Node scripts as the build reads it', () => {
    for (const raw of [
      '',
      '/',
      '//',
      'blog',
      '/blog',
      'blog/',
      '/blog/',
      ' /blog/ ',
      '/docs/blog',
      'docs/blog//',
    ]) {
      assert.equal(normalizeBasePath(raw), parseBasePath(raw), JSON.stringify(raw));
    }
  });
});
