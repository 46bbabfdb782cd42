/**
 * Image sizes are read from files of the site only: a root-relative path that climbs out of public/ (or a
 * content-assets path that climbs out of the content folder) is no file of the build machine.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { renderMarkdown } from '../../lib/markdown/render';

// A real image beside the project, outside public/: reachable from public/ by "../".
const outside = mkdtempSync(path.join(path.dirname(process.cwd()), 'blog-images-'));
after(() => rmSync(outside, { recursive: true, force: true }));
copyFileSync('app/icon.svg', path.join(outside, 'outside.svg'));
const climb = `/../../${path.basename(outside)}/outside.svg`;

describe('image sizes', () => {
  it('are read for an image of the site', async () => {
    const { html } = await renderMarkdown(
      '![logo](/images/example-diagram.svg)',
      '2024-01-01-a.md',
    );
    assert.match(html, /<img [^>]*width="\d+"[^>]*height="\d+"/);
  });

  it('are not read from a file outside the site, whatever the path says', async () => {
    for (const src of [
      climb,
      `/content-assets/../../${path.basename(outside)}/outside.svg`,
      `/%2e%2e/%2e%2e/${path.basename(outside)}/outside.svg`,
    ]) {
      const { html } = await renderMarkdown(`![x](${src})`, '2024-01-01-a.md');
      assert.doesNotMatch(html, /width=/, src);
    }
  });
});
