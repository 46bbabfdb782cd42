/**
 * Author profiles (lib/content/authors.ts): read from `_data/authors.yml` and `site.config.ts`, checked with the
 * file, line and field of each problem, and their avatars checked against the files of the site.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { formatProblem } from '../../lib/build/problems';
import {
  configSource,
  dataFileSource,
  profilesInUse,
  readAuthorProfiles,
} from '../../lib/content/authors';
import { checkContent } from '../../lib/content/check';
import { loadContent } from '../../lib/content/source';
import { readJekyllConfig } from '../../lib/jekyll/config';

const root = mkdtempSync(path.join(tmpdir(), 'authors-'));
after(() => rmSync(root, { recursive: true, force: true }));

function writeFiles(dir: string, texts: Record<string, string>): void {
  for (const [file, text] of Object.entries(texts)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
}

const PROFILES = `ada:
  name: Ada Okafor
  bio: Writes about queues.
  avatar: img/ada.png
  github: "@ada-o"
  twitter: ada
  url: https://ada.example
  links:
    Mastodon: https://hachyderm.io/@ada
    Email: mailto:ada@example.com
sam: Sam Lee
bad-link:
  name: Bad
  links:
    Home: javascript:alert(1)
bad-avatar:
  avatar: http://insecure.example/a.png
"!!!": Nobody
ADA: The same key in capitals
mm:
  name: Minimal Mistakes
  links:
    - label: Website
      icon: fas fa-link
      url: https://mm.example
"${'字'.repeat(60)}": Too long a slug
`;

describe('author profiles', () => {
  writeFiles(root, { '_data/authors.yml': PROFILES });
  const read = () => {
    const { source, problems } = dataFileSource(
      path.join(root, '_data/authors.yml'),
      'site/_data/authors.yml',
    );
    assert.deepEqual(problems, []);
    return readAuthorProfiles([source!], () => true);
  };

  it("reads Jekyll themes' keys: a name alone, or name, bio, avatar, a website, GitHub, X and own links", () => {
    const { profiles } = read();
    const strip = ({
      sourcePath: _s,
      lineOf: _l,
      key: _k,
      links,
      ...profile
    }: (typeof profiles)[number]) => ({
      ...profile,
      links: links.map(({ label, url }) => ({ label, url })),
    });
    assert.deepEqual(profiles.map(strip), [
      {
        slug: 'ada',
        name: 'Ada Okafor',
        bio: 'Writes about queues.',
        avatar: '/img/ada.png',
        links: [
          { label: 'Website', url: 'https://ada.example' },
          { label: 'GitHub', url: 'https://github.com/ada-o' },
          { label: 'X', url: 'https://x.com/ada' },
          { label: 'Mastodon', url: 'https://hachyderm.io/@ada' },
          { label: 'Email', url: 'mailto:ada@example.com' },
        ],
      },
      { slug: 'sam', name: 'Sam Lee', links: [] },
      // A field with a problem is left out; the rest of its profile stays.
      { slug: 'bad-link', name: 'Bad', links: [] },
      { slug: 'bad-avatar', name: 'bad-avatar', links: [] },
      // Minimal Mistakes' list of links.
      {
        slug: 'mm',
        name: 'Minimal Mistakes',
        links: [{ label: 'Website', url: 'https://mm.example' }],
      },
    ]);
  });

  it('stages only the profiles of authors who write here', () => {
    assert.deepEqual(
      profilesInUse(read().profiles, ['sam', 'nobody'], 'Ada Okafor').map(
        (profile) => profile.slug,
      ),
      // Sam writes a post; Ada is the site's author, by the name of her profile.
      ['ada', 'sam'],
    );
  });

  it('reports each field with a problem by file, line and key.field', () => {
    assert.deepEqual(read().problems.map(formatProblem), [
      'site/_data/authors.yml:14: bad-link.links: "javascript:alert(1)" must be an http(s) or mailto: URL or a path of the site',
      'site/_data/authors.yml:17: bad-avatar.avatar: "http://insecure.example/a.png" must be a path of the site or an https URL',
      'site/_data/authors.yml:18: authors: the key "!!!" has no letter or digit to name its page by',
      'site/_data/authors.yml:19: authors: the keys "ada" and "ADA" name one author (ada); keep one',
      `site/_data/authors.yml:26: authors: the key "${'字'.repeat(60)}" makes the slug "${'字'.repeat(60)}", which is 540 characters long in a URL, more than 150 (file systems allow 255 bytes a file name)`,
    ]);
  });

  it("lets site.config.ts win key by key, and finds its keys' lines", () => {
    const config = `export const siteConfig = {\n  title: 'x',\n  authors: {\n    sam: { name: 'Samuel Lee', bio: 7 },\n    ada: { name: 'Ada O.', avatar: 'ftp://x' },\n  },\n};\n`;
    const { source } = dataFileSource(path.join(root, '_data/authors.yml'), 'a.yml');
    const { profiles, problems } = readAuthorProfiles(
      [
        source!,
        configSource('site.config.ts', config, {
          sam: { name: 'Samuel Lee', bio: 'Edits.' },
          ada: { name: 'Ada O.', avatar: 'ftp://x' },
        }),
      ],
      () => true,
    );
    assert.deepEqual(
      profiles.map((profile) => [profile.slug, profile.name, profile.sourcePath]),
      [
        ['ada', 'Ada O.', 'site.config.ts'],
        ['sam', 'Samuel Lee', 'site.config.ts'],
        ['bad-link', 'Bad', 'a.yml'],
        ['bad-avatar', 'bad-avatar', 'a.yml'],
        ['mm', 'Minimal Mistakes', 'a.yml'],
      ],
    );
    assert.deepEqual(problems.map(formatProblem).slice(-1), [
      'site.config.ts:5: ada.avatar: "ftp://x" must be a path of the site or an https URL',
    ]);
  });
});

describe('avatars, checked with the content', () => {
  const post = '---\ntitle: Hello\ndate: 2024-01-02\nauthor: ada\n---\nHi.\n';
  const profiles =
    'ada:\n  name: Ada\n  avatar: /img/ada.png\n  url: /posts/hello/\nbo:\n  avatar: /img/bo.png\n';

  async function problemsOf(contentDir: string, displayDir: string, jekyll: boolean) {
    const config = jekyll ? readJekyllConfig(contentDir, displayDir).config : undefined;
    const source = await loadContent({
      contentDir,
      displayDir,
      ...(config ? { jekyll: config } : {}),
      jekyllRedirects: false,
      liquid: { publicDir: path.join(root, 'public'), baseUrl: '', basePath: '', site: {} },
    });
    const check = checkContent(source, {
      contentDir,
      displayDir,
      publicDir: path.join(root, 'public'),
      publish: { showDrafts: false, categoryLabels: {} },
      postsPerPage: 10,
      basePath: '',
      origin: 'https://example.org',
      contentAssets: [],
    });
    return {
      source,
      problems: [...source.problems, ...check.problems].map(formatProblem),
    };
  }

  it('must be files of the site beside a folder of posts (public/): a missing one is an error', async () => {
    writeFiles(path.join(root, 'blog'), {
      '_posts/2024-01-02-hello.md': post,
      '_data/authors.yml': profiles,
    });
    writeFiles(root, { 'public/img/ada.png': 'png' });
    const { source, problems } = await problemsOf(
      path.join(root, 'blog/_posts'),
      'blog/_posts',
      false,
    );
    assert.deepEqual(problems, [
      'blog/_data/authors.yml:6: bo.avatar: "/img/bo.png": no file of the site has this path',
    ]);
    assert.deepEqual(source.posts[0]?.fields.authorRefs, [{ name: 'ada', slug: 'ada' }]);
  });

  it('in a Jekyll site are its files; a missing one is a warning and the profile is shown without it', async () => {
    writeFiles(path.join(root, 'jekyll'), {
      '_config.yml': 'title: Notes\n',
      '_posts/2024-01-02-hello.md': post,
      '_data/authors.yml': `${profiles.replace('/img/ada.png', '/img/ada-face.png')}  url: /portfolio/bo/\n`,
      'img/ada-face.png': 'png',
    });
    const { source, problems } = await problemsOf(path.join(root, 'jekyll'), 'jekyll', true);
    assert.deepEqual(problems, [
      'jekyll/_data/authors.yml:6: bo.avatar: warning: "/img/bo.png": no file of the site has this path; the profile is shown without it',
      'jekyll/_data/authors.yml:7: bo.url: warning: "/portfolio/bo/": no page or file of the site has this path',
    ]);
    assert.deepEqual(
      source.authors.map((profile) => [profile.slug, profile.avatar]),
      [
        ['ada', '/img/ada-face.png'],
        ['bo', undefined],
      ],
    );
  });
});
