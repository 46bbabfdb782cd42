import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { listFiles } from '../../lib/build/files';
import {
  ENV_NOT_READ_BY_NEXT,
  NEXT_BUILD_ENV,
  nextBuildKey,
  type NextBuildInputs,
} from '../../lib/export/next-build-key';

function project(): NextBuildInputs {
  const root = mkdtempSync(path.join(os.tmpdir(), 'blog-key-'));
  const files: Record<string, string> = {
    'app/page.tsx': 'export default function Home() {}',
    'site.config.ts': 'export const siteConfig = {};',
    'public/content-assets/a.png': 'png',
    '.contentlayer/generated/Post/a.json': '{"title":"A"}',
    '.contentlayer/.cache/v1/data.json': '{"at":1}',
    '.content/html/a.html': '<p>Body</p>',
    'content/posts/2024-01-01-a.md': '---\ntitle: A\n---\nBody',
    'content/pages/about.md': '---\ntitle: About\n---\nBody',
    'out/index.html': '<html>',
    'e2e/.out/fixture/index.html': '<html>',
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return {
    root,
    contentDir: 'content/posts',
    pagesDir: 'content/pages',
    env: { SITE_URL: 'https://example.com' },
    publishedSlugs: ['a'],
    year: 2026,
  };
}

const write = (inputs: NextBuildInputs, file: string, text: string) =>
  writeFileSync(path.join(inputs.root, file), text);

describe('the key of what next build reads', () => {
  it('is the same for the same project', () => {
    const inputs = project();
    assert.equal(nextBuildKey(inputs), nextBuildKey(inputs));
  });

  it('ignores post bodies, the posts and pages folders, caches and the export', () => {
    const inputs = project();
    const before = nextBuildKey(inputs);
    write(inputs, '.content/html/a.html', '<p>Edited body</p>');
    write(inputs, 'content/posts/2024-01-01-a.md', '---\ntitle: A\n---\nEdited body');
    write(inputs, 'content/pages/about.md', '---\ntitle: About\n---\nEdited body');
    write(inputs, '.contentlayer/.cache/v1/data.json', '{"at":2}');
    write(inputs, 'out/index.html', '<html lang="en">');
    write(inputs, 'e2e/.out/fixture/index.html', '<html lang="en">');
    assert.equal(nextBuildKey(inputs), before);
  });

  it("changes with the code, the posts' fields, public files, the environment, the published posts and the year", () => {
    const changes: ((inputs: NextBuildInputs) => NextBuildInputs | void)[] = [
      (inputs) => write(inputs, 'app/page.tsx', 'export default function Home() { return null; }'),
      (inputs) => write(inputs, '.contentlayer/generated/Post/a.json', '{"title":"A, retitled"}'),
      (inputs) => write(inputs, 'public/content-assets/a.png', 'png2'),
      (inputs) => write(inputs, 'app/new-page.tsx', ''),
      (inputs) => ({ ...inputs, env: { ...inputs.env, BASE_PATH: '/blog' } }),
      (inputs) => ({ ...inputs, publishedSlugs: ['a', 'b'] }),
      (inputs) => ({ ...inputs, year: 2027 }),
    ];
    for (const change of changes) {
      const inputs = project();
      const before = nextBuildKey(inputs);
      const changed = change(inputs) ?? inputs;
      assert.notEqual(nextBuildKey(changed), before, change.toString());
    }
  });

  it('covers every environment variable the site reads', () => {
    const sources = [
      ...['app', 'components', 'lib'].flatMap((dir) =>
        listFiles(dir).map((file) => path.join(dir, file)),
      ),
      'site.config.ts',
      'next.config.ts',
    ].filter((file) => /\.(ts|tsx|mjs|js)$/.test(file));
    // Read directly (`process.env.NAME`) or through lib/build/settings.ts (`read('NAME', …)`, `valueOf(env, 'NAME')`, `env.NAME`, `env['NAME']`).
    const patterns = [
      /process\.env\.([A-Z_][A-Z0-9_]*)/g,
      /\bread\('([A-Z_][A-Z0-9_]*)'/g,
      /\benv\.([A-Z_][A-Z0-9_]*)/g,
      /\benv\['([A-Z_][A-Z0-9_]*)'\]/g,
      /\bvalueOf\(env, '([A-Z_][A-Z0-9_]*)'/g,
    ];
    const read = new Set(
      sources.flatMap((file) =>
        patterns.flatMap((pattern) =>
          [...readFileSync(file, 'utf8').matchAll(pattern)].map((match) => match[1]!),
        ),
      ),
    );
    assert.ok(read.size > 3, 'found the variables');
    assert.deepEqual(
      [...read].filter(
        (name) => ![...NEXT_BUILD_ENV, ...ENV_NOT_READ_BY_NEXT].includes(name as never),
      ),
      [],
    );
  });
});
