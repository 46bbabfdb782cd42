import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withoutBasePath } from '../../lib/markdown/base-path';

describe('base path in post URLs', () => {
  it('is taken off a root-relative path written with it, and only off such a path', () => {
    assert.equal(withoutBasePath('/blog/images/a.png', '/blog'), '/images/a.png');
    assert.equal(withoutBasePath('/blog', '/blog'), '/');
    assert.equal(withoutBasePath('/blogger/post/', '/blog'), '/blogger/post/');
    assert.equal(withoutBasePath('/images/a.png', ''), '/images/a.png');
  });
});
