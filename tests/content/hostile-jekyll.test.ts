/**
 * The hostile corpus for Jekyll site roots (CONTENT_DIR holding a `_config.yml`), generated here: what an
 * attacker or a careless author puts in a whole Jekyll site — its `_config.yml`, `_data`, `_posts`, pages,
 * `_includes`, Liquid and static files. Each case ends in a clear `file:line: field: message` from
 * `npm run check`, or passes safely, in bounded time and without a stack trace; one full build shows that
 * nothing is written outside out/ and the caches, and that the site folder itself is never written.
 *
 * One project copy (tests/helpers/project-copy.ts); checks only, and one build.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ALLOWED, copyProject, listing, type StepResult } from '../helpers/project-copy';

const copy = copyProject('blog-hostile-jekyll');
const { root, project, step, stepAsync, build } = copy;
after(() => copy.remove());

/** A check that would hang is stopped here: far above the 2–5 s a small site takes. */
const CHECK_TIMEOUT_MS = 30_000;
const STACK_TRACE = /\n\s+at .+:\d+:\d+\)?\n/;

const post = (frontMatter: string, body = 'Body text.') => `---\n${frontMatter}\n---\n\n${body}\n`;
const write = (dir: string, name: string, text: string | Buffer) => {
  mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  writeFileSync(path.join(dir, name), text);
};
/** Eight levels of aliases, nine each: 387 million items when expanded. */
const BILLION_LAUGHS = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'
    .split('')
    .map((key, at) => `${key}: &${key} [${Array(9).fill(`*${'abcdefghi'[at]}`).join(',')}]`),
].join('\n');
const manyKeys = (count: number) =>
  Array.from({ length: count }, (_, at) => `key${at}: "${'x'.repeat(40)}"`).join('\n');
/** A glob that a backtracking regular expression needs billions of steps to reject on 60 "a"s. */
const REDOS_GLOB = `${'*a'.repeat(25)}*b`;
const LONG_NAME = 'a'.repeat(60);

interface SiteCase {
  /** Files of the site root; `_config.yml` defaults to a one-line config and one post is always there. */
  files: Record<string, string | Buffer>;
  /** Links, FIFOs, folders: whatever a file's text cannot say. */
  setUp?: (site: string) => void;
  /** Exit status of the check. */
  status: 0 | 1;
  /** Lines expected, each as [file relative to the site, pattern after `file`]. */
  lines?: [string, RegExp][];
  /** Patterns the whole output must (not) show. */
  output?: RegExp;
  notOutput?: RegExp;
}

const BASE_POST = { '_posts/2024-01-01-hello.md': post('title: Hello\ndate: 2024-01-01') };
const site = (config: string | Buffer, files: Record<string, string | Buffer> = {}) => ({
  '_config.yml': config,
  ...BASE_POST,
  ...files,
});

/** Each case is its own site root: a config of its own, or a failure that would end the run of others. */
const CASES: Record<string, SiteCase> = {
  // _config.yml
  'config: invalid YAML': {
    files: site('title: "unclosed\nurl: [1, 2\n'),
    status: 1,
    lines: [['_config.yml', /^:3: config: /]],
  },
  'config: billion laughs': {
    files: site(`title: Bomb\n${BILLION_LAUGHS}\n`),
    status: 1,
    lines: [['_config.yml', /^:1: config: could not be read \(Excessive alias count/]],
  },
  'config: nested 5,000 deep': {
    files: site(`title: T\nx: ${'['.repeat(5000)}${']'.repeat(5000)}\n`),
    status: 1,
    lines: [['_config.yml', /^:2: config: /]],
  },
  'config: unknown time zone': {
    files: site('title: T\ntimezone: Not/AZone\n'),
    status: 1,
    lines: [['_config.yml', /^:2: timezone: "Not\/AZone" is not a time zone name/]],
  },
  'config: baseurl that is a URL': {
    files: site('title: T\nbaseurl: "http://x"\n'),
    status: 1,
    lines: [['_config.yml', /^:2: baseurl: "http:\/\/x" is not a usable base path/]],
  },
  'config: permalink :title unquoted': {
    files: site('title: T\npermalink: :title\n'),
    status: 0,
  },
  'config: permalinks that climb, start with // or are absolute URLs': {
    files: site('title: T\npermalink: //evil.example/../../:title/\n', {
      '_posts/2024-01-02-abs.md': post(
        'title: Abs\ndate: 2024-01-02\npermalink: https://evil.example/x/',
      ),
    }),
    status: 0,
  },
  'config: defaults not a list': {
    files: site('title: T\ndefaults:\n  scope: {path: ""}\n  values: {layout: post}\n'),
    status: 0,
    lines: [['_config.yml', /^:2: defaults: warning: must be a list of scope\/values sets/]],
  },
  'config: defaults whose values are not a map': {
    files: site(
      'title: T\ndefaults:\n  - scope: {path: ""}\n    values: [1, 2]\n  - null\n  - 5\n',
    ),
    status: 0,
    lines: [['_config.yml', /^:2: defaults: warning: a set without "values" is skipped/]],
  },
  'config: defaults with weird scopes': {
    files: site(
      'title: T\ndefaults:\n  - scope: {path: "../../**/*", type: 5}\n    values: {layout: post}\n  - scope: "x"\n    values: {author: a}\n',
    ),
    status: 0,
  },
  'config: kramdown smart_quotes: 1': {
    files: site('title: T\nkramdown: {smart_quotes: 1}\n'),
    status: 0,
  },
  'config: a symbolic link out of the site': {
    files: { ...BASE_POST },
    setUp: (dir) => {
      write(root, 'outside/secret.yml', 'secret: SECRET-OUTSIDE\n');
      symlinkSync(path.join(root, 'outside/secret.yml'), path.join(dir, '_config.yml'));
    },
    status: 1,
    lines: [['_config.yml', /^:1: (file|config): is a symbolic link/]],
  },
  'config: a default of _config.yml that is not a valid value': {
    files: site('title: T\ndefaults:\n  - scope: {path: ""}\n    values: {published: "no"}\n'),
    status: 1,
    lines: [['_posts/2024-01-01-hello.md', /^:4: published: must be true or false, not "no"/]],
  },
  ' config: the bad default names _config.yml': {
    files: site('title: T\ndefaults:\n  - scope: {path: ""}\n    values: {published: "no"}\n'),
    status: 1,
    lines: [['_posts/2024-01-01-hello.md', /^:4: published: .*_config\.yml/]],
  },
  ' config: a folder named _config.yml': {
    files: { '_config.yml/x': 'a', ...BASE_POST },
    status: 1,
    lines: [['_config.yml', /^:1: config: /]],
  },
  ' config: 10 MB of keys (hangs today)': {
    files: site(`title: Big\n${manyKeys(200_000)}\n`),
    status: 1,
    lines: [['_config.yml', /^:1: config: /]],
  },
  ' config: a list, not a map (ignored silently today)': {
    files: site('- a\n- b\n'),
    status: 1,
    lines: [['_config.yml', /^:1: config: /]],
  },
  ' config: url javascript: (origin "null" today)': {
    files: site('title: T\nurl: "javascript:alert(1)"\n'),
    status: 0,
    lines: [['_config.yml', /^:2: url: warning: /]],
    notOutput: /origin null/,
  },
  ' config: exclude: 5 (ignored silently today)': {
    files: site('title: T\nexclude: 5\n'),
    status: 0,
    lines: [['_config.yml', /^:2: exclude: warning: /]],
  },
  ' config: include of dot files (left out silently today)': {
    files: site('title: T\ninclude: [".well-known", ".env"]\n', {
      '.well-known/security.txt': 'Contact: x',
      '.env': 'SECRET=1',
    }),
    status: 0,
    lines: [['_config.yml', /^:2: include: warning: "\.well-known"/]],
  },
  ' config: only a _config.toml (read as a folder of posts today)': {
    files: { '_config.toml': 'title = "Toml"\n', ...BASE_POST },
    status: 1,
    lines: [['_config.toml', /^:1: config: /]],
  },
  ' config: exclude "*[" (stack trace today)': {
    files: site('title: T\nexclude: ["*["]\n'),
    status: 0,
  },
  ' config: defaults scope path "*[" (stack trace today)': {
    files: site('title: T\ndefaults:\n  - scope: {path: "*["}\n    values: {layout: post}\n'),
    status: 0,
  },
  ' config: exclude glob that backtracks (hangs today)': {
    files: site(`title: T\nexclude: ["${REDOS_GLOB}"]\n`, { [`${LONG_NAME}.txt`]: 'x' }),
    status: 0,
  },
  ' config: defaults scope glob that backtracks (hangs today)': {
    files: site(
      `title: T\ndefaults:\n  - scope: {path: "${REDOS_GLOB}"}\n    values: {layout: post}\n`,
      { [`${LONG_NAME}.md`]: post('title: Long') },
    ),
    status: 0,
  },
  // posts
  'posts: two posts with one title under permalink /:title/': {
    files: site('title: T\npermalink: /:title/\n', {
      '_posts/2024-01-02-same.md': post('title: One\ndate: 2024-01-02'),
      '_posts/2024-02-02-same.md': post('title: Two\ndate: 2024-02-02'),
    }),
    status: 0,
    lines: [['_posts/2024-02-02-same.md', /^:4: slug: warning: "same" is also the slug of /]],
  },
  'posts: 500 folders deep, inside and above _posts': {
    files: site('title: T\n', {
      [`${Array(500).fill('n').join('/')}/_posts/2024-01-02-deep.md`]: post('title: Deep'),
      [`_posts/${Array(500).fill('n').join('/')}/2024-01-03-deeper.md`]: post('title: Deeper'),
    }),
    status: 0,
    output: /Content OK: 3 posts/,
  },
  // _data
  ' data: _data/__proto__/published.yml (every post hidden today)': {
    files: site('title: T\n', {
      // Object.prototype.published = false: every post unpublished; .permalink: every post at one old URL.
      '_data/__proto__/published.yml': 'false\n',
      '_data/__proto__/permalink.yml': '/pwned/\n',
      '_posts/2024-01-02-two.md': post('title: Two\ndate: 2024-01-02'),
    }),
    status: 0,
    output: /Content OK: 2 posts, 0 drafts, .* and 2 old URLs redirected/,
  },
  ' data: one map of 200,000 keys (hangs today)': {
    files: site('title: T\n', { '_data/big.yml': `${manyKeys(200_000)}\n` }),
    status: 0,
  },
  ' data: a 25 MB CSV (about 18 times its size in memory today)': {
    files: site('title: T\n', {
      '_data/big.csv': `a,b,c\n${'1,2,3\n'.repeat((25 * 1024 * 1024) / 6)}`,
    }),
    status: 1,
    lines: [['_data/big.csv', /^:1: data: /]],
  },
  // pages
  ' pages: an empty permalink (stack trace today)': {
    files: site('title: T\n', { 'about.md': post('title: About\npermalink: ""') }),
    status: 1,
    lines: [['about.md', /^:3: permalink: /]],
  },
  ' pages: two pages at one URL (one lost silently today)': {
    files: site('title: T\n', {
      'a.md': post('title: A\npermalink: /same/'),
      'b.md': post('title: B\npermalink: /same/'),
    }),
    status: 1,
    lines: [['b.md', /^:3: permalink: its URL "\/same\/" is also the URL of /]],
  },
  ' posts: a 1 GB post (stack trace and 1 GB of memory today)': {
    files: site('title: T\n'),
    setUp: (dir) =>
      execFileSync('truncate', ['-s', '1G', path.join(dir, '_posts/2024-01-02-big.md')]),
    status: 1,
    lines: [['_posts/2024-01-02-big.md', /^:1: file: /]],
  },
  // pipes: reading one blocks forever
  'liquid: include_relative of a FIFO': {
    files: site('title: T\n', {
      '_posts/2024-01-02-f.md': post(
        'title: F\ndate: 2024-01-02',
        '{% include_relative pipe.md %}',
      ),
    }),
    setUp: (dir) => execFileSync('mkfifo', [path.join(dir, '_posts/pipe.md')]),
    status: 1,
    lines: [['_posts/2024-01-02-f.md', /^:6: liquid: /]],
  },
  'liquid: include of a FIFO in _includes': {
    files: site('title: T\n', {
      '_posts/2024-01-02-f.md': post('title: F\ndate: 2024-01-02', '{% include pipe.html %}'),
    }),
    setUp: (dir) => {
      mkdirSync(path.join(dir, '_includes'));
      execFileSync('mkfifo', [path.join(dir, '_includes/pipe.html')]);
    },
    status: 1,
    lines: [['_posts/2024-01-02-f.md', /^:6: liquid: /]],
  },
  ' posts: a post that links to a FIFO in the site (hangs today)': {
    files: site('title: T\n'),
    setUp: (dir) => {
      execFileSync('mkfifo', [path.join(dir, 'pipe')]);
      symlinkSync('../pipe', path.join(dir, '_posts/2024-01-02-pipe.md'));
    },
    status: 1,
    lines: [['_posts/2024-01-02-pipe.md', /^:1: file: /]],
  },
  ' static: a FIFO among the static files (skipped silently today)': {
    files: site('title: T\n'),
    setUp: (dir) => execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]),
    status: 1,
    lines: [['pipe.txt', /^:1: file: /]],
  },
};

/** Files of one site with every per-file case that passes today: one check reports them all. */
const CORPUS: Record<string, string | Buffer> = {
  '_config.yml': 'title: Corpus\n',
  ...BASE_POST,
  // _data that cannot be read
  '_data/bad.yml': 'a: [1,\n',
  '_data/bad.json': '{"a": 1,,}\n',
  '_data/bad.csv': 'a,b\n"1,2\n',
  '_data/bomb.yml': `${BILLION_LAUGHS}\n`,
  '_data/deep.yml': `${'['.repeat(5000)}${']'.repeat(5000)}\n`,
  [`_data/${Array(200).fill('d').join('/')}/leaf.yml`]: 'a: 1\n',
  '_data/with space.yml': 'a: 1\n',
  '_data/ünïcödé.yml': 'a: 2\n',
  '_data/new\nline.yml': 'a: 3\n',
  '_data/big.csv': `a,b,c\n${'1,2,3\n'.repeat((5 * 1024 * 1024) / 6)}`,
  // posts
  '_posts/2023-02-30-bad-date.md': post('title: Bad'),
  '_posts/2024-01-02-future.md': post('title: F\ndate: 10000-01-01'),
  '_posts/2024-01-03-list.md': '---\n- a\n- b\n---\nBody\n',
  '_posts/2024-01-04-escape.md': post('title: E\ndate: 2024-01-04\npermalink: /../../etc/'),
  // pages
  'about.md': post('title: About\npermalink: /posts/'),
  'next.md': post('title: Next\npermalink: /_next/x/'),
  'climb.md': post('title: Climb\npermalink: /../x'),
  'index.md': post('title: Home'),
  'list.md': '---\n- a\n---\nBody\n',
  // Liquid
  '_posts/2024-01-10-inc.md': post(
    'title: Inc\ndate: 2024-01-10',
    '{% include_relative ../../etc/passwd %}',
  ),
  '_posts/2024-01-11-self.md': post(
    'title: Self\ndate: 2024-01-11',
    'x {% include_relative 2024-01-11-self.md %}',
  ),
  '_includes/a.html': 'a {% include b.html %}',
  '_includes/b.html': 'b {% include a.html %}',
  '_posts/2024-01-12-rec.md': post('title: Rec\ndate: 2024-01-12', '{% include a.html %}'),
  '_posts/2024-01-13-loop.md': post(
    'title: Loop\ndate: 2024-01-13',
    '{% for i in (1..100000000) %}x{% endfor %}',
  ),
  '_posts/2024-01-14-dump.md': post('title: Dump\ndate: 2024-01-14', '{{ site.data | jsonify }}'),
  '_posts/2024-01-15-link.md': post(
    'title: Link\ndate: 2024-01-15',
    '{% link does/not/exist.md %}',
  ),
  '_posts/2024-01-16-post-url.md': post('title: PU\ndate: 2024-01-16', '{% post_url nope %}'),
  '_posts/2024-01-17-dir.md': post('title: Dir\ndate: 2024-01-17', '{% include_relative . %}'),
  // static files where the site has its own
  'index.html': '<h1>old home</h1>',
  'posts/hello/index.html': '<h1>old post</h1>',
  'feed.xml': '<rss/>',
};

const CORPUS_LINES: [string, RegExp][] = [
  ['_data/bad.yml', /^:2: data: /],
  ['_data/bad.json', /^:1: data: could not be read/],
  ['_data/bad.csv', /^:2: data: could not be read/],
  ['_data/bomb.yml', /^:1: data: could not be read \(Excessive alias count/],
  ['_data/deep.yml', /^:1: data: /],
  ['_data/passwd.csv', /^:1: file: is a symbolic link to \/etc\/passwd/],
  ['_posts/2023-02-30-bad-date.md', /^:3: date: date "2023-02-30": 2023-02 has no day 30/],
  ['_posts/2024-01-02-future.md', /^:3: date: "10000-01-01" is not a date Jekyll reads/],
  ['_posts/2024-01-03-list.md', /^:2: front matter: must be a list of "field: value" lines/],
  ['_posts/2024-01-05-secret.md', /^:1: file: is a symbolic link to .*outside the folder/],
  ['_posts/loop', /^:1: file: is a symbolic link to a folder/],
  ['about.md', /^:3: page: warning: its URL "\/posts\/" is one of this site's own/],
  ['next.md', /^:3: page: warning: its URL "\/_next\/x\/" is one of this site's own/],
  ['index.md', /^:1: page: warning: the home page is this site’s own/],
  ['list.md', /^:2: front matter: must be a list of "field: value" lines/],
  [
    '_posts/2024-01-10-inc.md',
    /^:6: liquid: include_relative: "\.\.\/\.\.\/etc\/passwd" leads outside the site/,
  ],
  ['_posts/2024-01-11-self.md', /^:\d+: liquid: includes nested more than 20 deep/],
  [
    '_posts/2024-01-12-rec.md',
    /^:6: liquid: in .*_includes\/b\.html:1: includes nested more than 20 deep/,
  ],
  [
    '_posts/2024-01-13-loop.md',
    /^:6: liquid: creates more than 10,000,000 characters or list items/,
  ],
  ['_posts/2024-01-14-dump.md', /^:6: liquid: renders to more than 10,000,000 characters/],
  ['_posts/2024-01-15-link.md', /^:6: liquid: link: no post, page or file "does\/not\/exist\.md"/],
  ['_posts/2024-01-16-post-url.md', /^:6: liquid: post_url: no post named "nope"/],
  ['_posts/2024-01-17-dir.md', /^:6: liquid: /],
  ['index.html', /^:1: file: warning: not copied into the site/],
  ['posts/hello/index.html', /^:1: file: warning: not copied into the site/],
  ['feed.xml', /^:1: file: warning: not copied into the site/],
  ['passwd.txt', /^:1: file: is a symbolic link to \/etc\/passwd/],
];

const sitesDir = path.join(root, 'sites');
const shownName = (file: string) =>
  file.replace(/\p{Cc}/gu, (character) => JSON.stringify(character).slice(1, -1));

/** The lines of the output about `file` (of `siteDir`), each from just after the file name. */
function linesAbout(output: string, siteDir: string, file: string): string[] {
  const shown = shownName(path.join(siteDir, file));
  return output
    .split('\n')
    .filter((line) => line.startsWith(`${shown}:`))
    .map((line) => line.slice(shown.length));
}

function makeSite(
  dir: string,
  files: Record<string, string | Buffer>,
  setUp?: (d: string) => void,
) {
  for (const [name, text] of Object.entries(files)) write(dir, name, text);
  setUp?.(dir);
}

// Two checks at a time: each is mostly a Node start, and the cases share nothing but the project copy.
describe(
  'npm run check on hostile Jekyll site roots',
  { timeout: 1_800_000, concurrency: 2 },
  () => {
    for (const [name, spec] of Object.entries(CASES)) {
      it(name, async () => {
        const dir = path.join(sitesDir, name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, ''));
        makeSite(dir, spec.files, spec.setUp);
        const before = listing(dir, true);
        const result: StepResult = await stepAsync(
          'scripts/content.ts',
          ['--check'],
          { CONTENT_DIR: dir },
          CHECK_TIMEOUT_MS,
        );
        assert.equal(result.timedOut, false, `still running after ${CHECK_TIMEOUT_MS / 1000} s`);
        assert.doesNotMatch(result.output, STACK_TRACE, `a stack trace:\n${result.output}`);
        assert.equal(result.status, spec.status, result.output);
        for (const [file, expected] of spec.lines ?? []) {
          const lines = linesAbout(result.output, dir, file);
          assert.ok(
            lines.some((line) => expected.test(line)),
            `expected ${file}${expected} among:\n${lines.join('\n') || result.output}`,
          );
        }
        if (spec.output) assert.match(result.output, spec.output);
        if (spec.notOutput) assert.doesNotMatch(result.output, spec.notOutput);
        assert.deepEqual(
          [...listing(dir, true)].sort(),
          [...before].sort(),
          'the site folder was written',
        );
      });
    }
  },
);

describe(
  'npm run check on one Jekyll site holding every per-file case',
  { timeout: 300_000 },
  () => {
    const dir = path.join(sitesDir, 'corpus');
    let result: StepResult;
    before(() => {
      makeSite(dir, CORPUS, (site) => {
        write(root, 'outside/secret.md', post('title: Secret', 'SECRET-OUTSIDE'));
        symlinkSync('/etc/passwd', path.join(site, '_data/passwd.csv'));
        symlinkSync(
          path.join(root, 'outside/secret.md'),
          path.join(site, '_posts/2024-01-05-secret.md'),
        );
        symlinkSync('..', path.join(site, '_posts/loop'));
        symlinkSync('/etc/passwd', path.join(site, 'passwd.txt'));
      });
      result = step('scripts/content.ts', ['--check'], { CONTENT_DIR: dir }, 120_000);
    });

    it('stops, in bounded time, without a stack trace, and never prints a secret', () => {
      assert.equal(result.timedOut, false);
      assert.equal(result.status, 1, result.output);
      assert.doesNotMatch(result.output, STACK_TRACE);
      assert.doesNotMatch(result.output, /root:x:0:0|SECRET-OUTSIDE/);
    });

    for (const [file, expected] of CORPUS_LINES) {
      it(`${JSON.stringify(file)} is named with its line`, () => {
        const lines = linesAbout(result.output, dir, file);
        assert.ok(
          lines.some((line) => expected.test(line)),
          `expected ${file}${expected} among:\n${lines.join('\n') || result.output}`,
        );
      });
    }
  },
);

describe('a hostile Jekyll site that builds, safely', { timeout: 900_000 }, () => {
  const dir = path.join(sitesDir, 'builds');
  const escape = `hostile-jk-${randomBytes(6).toString('hex')}`;
  const climb = '../'.repeat(12);
  let result: StepResult;
  let created: string[] = [];
  let siteBefore: Set<string>;
  before(() => {
    makeSite(dir, {
      '_config.yml': `title: Builds\npermalink: /:categories/:title/\nfeed:\n  path: ${climb}tmp/${escape}-feed.xml\n`,
      ...BASE_POST,
      '_posts/2024-01-02-etc.md': post(
        `title: Etc\ndate: 2024-01-02\npermalink: /${climb}tmp/${escape}-post/`,
      ),
      '_posts/2024-01-03-cat.md': post(
        `title: Cat\ndate: 2024-01-03\ncategories: ["${climb}tmp/${escape}-cat"]`,
      ),
      'climb.md': post(`title: Climb\npermalink: /${climb}tmp/${escape}-page/`),
      'dbl.md': post('title: Dbl\npermalink: //evil.example/x/'),
      'a b.txt': 'space',
      'new\nline.txt': 'new line',
      'ü.txt': 'u',
      'posts/hello/index.html': '<h1>old post</h1>',
      '.env': 'SECRET=1',
    });
    siteBefore = listing(dir, true);
    const rootBefore = listing(root);
    result = build({ CONTENT_DIR: dir });
    created = [...listing(root)].filter((entry) => !rootBefore.has(entry));
  });

  it('builds, in bounded time', () => {
    assert.equal(result.status, 0, result.output);
    assert.equal(result.timedOut, false);
  });

  it('creates no file outside out/ and the caches, and never writes the site folder', () => {
    const outside = created.filter(
      (entry) =>
        !ALLOWED.some((allowed) => entry.startsWith(`project/${allowed}`)) &&
        // tsx, which runs the build's TypeScript, keeps its compile cache in the temp folder (tsx-<uid>/).
        !/^tmp\/tsx-\d+\//.test(entry),
    );
    assert.deepEqual(outside, []);
    assert.deepEqual([...listing(dir, true)].sort(), [...siteBefore].sort());
    for (const suffix of ['feed.xml', 'post', 'cat', 'page'])
      assert.equal(existsSync(`/tmp/${escape}-${suffix}`), false, suffix);
  });

  it('keeps climbing URLs inside the export, and no dot file or old page over its own', () => {
    assert.ok(existsSync(path.join(project, 'out/tmp', `${escape}-post/index.html`)));
    assert.ok(existsSync(path.join(project, 'out/tmp', `${escape}-page/index.html`)));
    assert.doesNotMatch(readFileSync(path.join(project, 'out/_redirects'), 'utf8'), /\.\./);
    assert.equal(existsSync(path.join(project, 'out/.env')), false);
    assert.doesNotMatch(
      readFileSync(path.join(project, 'out/posts/hello/index.html'), 'utf8'),
      /old post/,
    );
    assert.equal(readFileSync(path.join(project, 'out/a b.txt'), 'utf8'), 'space');
  });
});
