import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listedAssets, referencedAssets } from '../../lib/content/assets';
import { postLinks } from '../../lib/markdown/links';

const files = new Set([
  '2024/diagram.png',
  '2024/notes.txt',
  'shared/logo.svg',
  'downloads/a.zip',
  'downloads/b/c.pdf',
  '2024/2024-01-01-a.md',
  'draft-only.png',
]);
const isFile = (relative: string) => files.has(relative);

describe('published files of the content folder', () => {
  it('are the files a post links to or shows with a relative URL, resolved from the post', () => {
    const post = {
      relativePath: '2024/2024-01-01-a.md',
      ...postLinks(
        '![d](diagram.png) [n](./notes.txt?x=1#top) ![l](../shared/logo.svg) <img src="diagram.png">',
      ),
    };
    assert.deepEqual(referencedAssets([post], isFile), [
      '2024/diagram.png',
      '2024/notes.txt',
      'shared/logo.svg',
    ]);
  });

  it('never a file outside the folder, in a dot folder, a post, a page or a missing file', () => {
    const post = {
      relativePath: '2024/2024-01-01-a.md',
      ...postLinks(
        '[up](../../secret.txt) [dot](.private/tax.pdf) [post](2024-01-01-a.md) [site](/downloads/a.zip) [web](https://x.test/a.png) [gone](nope.png)',
      ),
    };
    assert.deepEqual(
      referencedAssets(
        [post],
        (relative) => relative === '2024/.private/tax.pdf' || isFile(relative),
      ),
      [],
    );
  });

  it('adds what the site lists, by file or folder, and names the entries that match nothing', () => {
    assert.deepEqual(
      listedAssets(
        ['downloads/', 'draft-only.png', 'missing/', '2024/2024-01-01-a.md'],
        [...files].sort(),
      ),
      {
        assets: ['downloads/a.zip', 'downloads/b/c.pdf', 'draft-only.png'],
        unmatched: ['missing/'],
      },
    );
  });
});
