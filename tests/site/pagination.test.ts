import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pageCount, pageParams, pagePath, paginate, pageWindow } from '../../lib/site/pagination';

describe('pagination', () => {
  const items = Array.from({ length: 23 }, (_, i) => i + 1);

  it('cuts pages of the configured size, the last one shorter', () => {
    assert.deepEqual(paginate(items, 1, 10), {
      items: items.slice(0, 10),
      pageNumber: 1,
      totalPages: 3,
    });
    assert.deepEqual(paginate(items, 3, 10)?.items, [21, 22, 23]);
  });

  it('has no page 0, past the end, or between pages', () => {
    assert.equal(paginate(items, 0, 10), undefined);
    assert.equal(paginate(items, 4, 10), undefined);
    assert.equal(paginate(items, 1.5, 10), undefined);
    assert.equal(paginate(items, Number('x'), 10), undefined);
  });

  it('always has one page, even for no items', () => {
    assert.equal(pageCount(0, 10), 1);
    assert.deepEqual(paginate([], 1, 10), { items: [], pageNumber: 1, totalPages: 1 });
    assert.deepEqual(pageParams(0, 10), [{ page: '1' }]);
  });

  it('gives page 1 the plain URL and page n a /page/n/ URL', () => {
    assert.equal(pagePath('/', 1), '/');
    assert.equal(pagePath('/', 2), '/page/2/');
    assert.equal(pagePath('/categories/aws/', 3), '/categories/aws/page/3/');
  });

  it('lists params for every page', () => {
    assert.deepEqual(pageParams(23, 10), [{ page: '1' }, { page: '2' }, { page: '3' }]);
  });

  it('shows first, last and two either side of the current page', () => {
    assert.deepEqual(pageWindow(1, 3), [1, 2, 3]);
    assert.deepEqual(pageWindow(10, 20), [1, null, 8, 9, 10, 11, 12, null, 20]);
    assert.deepEqual(pageWindow(2, 20), [1, 2, 3, 4, null, 20]);
  });
});
