import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { formatProblem } from '../../lib/build/problems';
import { jekyllConfigFile, readJekyllConfig } from '../../lib/jekyll/config';
import { readSiteData } from '../../lib/jekyll/data';

const root = mkdtempSync(path.join(tmpdir(), 'jekyll-config-'));
after(() => rmSync(root, { recursive: true, force: true }));

function site(name: string, files: Record<string, string>): string {
  const dir = path.join(root, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('readJekyllConfig', () => {
  it('reads the settings the build uses and keeps every key for site.*', () => {
    const dir = site('full', {
      '_config.yml': [
        'title: Field Notes',
        'description: Notes',
        'author:',
        '  name: Ana',
        '  url: https://ana.example.org',
        'url: "https://notes.example.org"',
        'baseurl: /blog',
        'timezone: America/New_York',
        'permalink: :title',
        'collections:',
        '  posts:',
        '    permalink: /:year/:title/',
        'exclude: [drafts-old]',
        'future: true',
        'excerpt_separator: "<!--more-->"',
        'feed:',
        '  path: atom.xml',
        'kramdown:',
        '  smart_quotes: apos,apos,quot,quot',
        'defaults:',
        '  - scope: { path: notes, type: posts }',
        '    values: { category: Journal }',
        'github_username: ana',
        '',
      ].join('\n'),
    });
    const { config, problems } = readJekyllConfig(dir, 'site');
    assert.deepEqual(problems, []);
    assert.equal(config.title, 'Field Notes');
    assert.deepEqual(config.author, { name: 'Ana', url: 'https://ana.example.org' });
    assert.equal(config.url, 'https://notes.example.org');
    assert.equal(config.baseurl, '/blog');
    assert.equal(config.timezone, 'America/New_York');
    // The posts collection's permalink wins over the site-wide one; a bare `:title` is read as text.
    assert.equal(config.permalink, '/:year/:title/');
    assert.ok(config.exclude.includes('drafts-old') && config.exclude.includes('node_modules'));
    assert.equal(config.future, true);
    assert.equal(config.excerptSeparator, '<!--more-->');
    assert.equal(config.feedPath, 'atom.xml');
    assert.deepEqual(config.kramdown, { smart_quotes: 'apos,apos,quot,quot' });
    assert.deepEqual(config.defaults, [
      { scope: { path: 'notes', type: 'posts' }, values: { category: 'Journal' } },
    ]);
    assert.equal(config.variables.github_username, 'ana');
  });

  it('reports what it cannot use at the line of its key', () => {
    const dir = site('bad', {
      '_config.yml':
        'title: T\ntimezone: Mars/Olympus\nbaseurl: "/a b"\nurl: https://x.example.org/blog\n',
    });
    const { config, problems } = readJekyllConfig(dir, 'site');
    assert.deepEqual(problems.map(formatProblem), [
      'site/_config.yml:4: url: warning: "https://x.example.org/blog" has a path; the site\'s origin https://x.example.org is used and the path belongs in baseurl',
      'site/_config.yml:3: baseurl: "/a b" is not a usable base path; use letters, digits, "-", "_", "." and "~" in segments like /blog or /docs/blog (no empty, "." or ".." segments)',
      'site/_config.yml:2: timezone: "Mars/Olympus" is not a time zone name such as Europe/Berlin or America/New_York',
    ]);
    assert.equal(config.timezone, undefined);
  });

  it('tells a site root from a folder of posts', () => {
    assert.ok(jekyllConfigFile(site('yaml', { '_config.yaml': 'title: Y\n' })));
    assert.equal(jekyllConfigFile(site('posts', { '2024-01-01-a.md': '---\n---\n' })), undefined);
  });
});

describe('readSiteData', () => {
  it('reads YAML, JSON, CSV and TSV, nested folders as nested keys', () => {
    const files = {
      '_data/team.yml': '- handle: ana\n  name: Ana\n- handle: bo\n  name: Bo\n',
      '_data/links.json': '{"docs": "https://docs.example.org"}',
      '_data/releases.csv': 'version,date\n"1.0, first",2024-01-01\n2.0,2024-06-01\n',
      '_data/hours.tsv': 'day\thours\nmon\t9-5\n',
      '_data/infra/regions.yml': 'primary: eu-west-1\n',
    };
    const dir = site('data', files);
    const { data, problems } = readSiteData(dir, 'site', Object.keys(files));
    assert.deepEqual(problems, []);
    assert.deepEqual(data, {
      team: [
        { handle: 'ana', name: 'Ana' },
        { handle: 'bo', name: 'Bo' },
      ],
      links: { docs: 'https://docs.example.org' },
      releases: [
        { version: '1.0, first', date: '2024-01-01' },
        { version: '2.0', date: '2024-06-01' },
      ],
      hours: [{ day: 'mon', hours: '9-5' }],
      infra: { regions: { primary: 'eu-west-1' } },
    });
  });

  it('reports a file it cannot read and loads the others', () => {
    const files = { '_data/bad.yml': 'a: [unclosed\n', '_data/good.json': '[1]' };
    const { data, problems } = readSiteData(site('bad-data', files), 'site', Object.keys(files));
    assert.deepEqual(data, { good: [1] });
    assert.equal(problems.length, 1);
    assert.match(formatProblem(problems[0]!), /^site\/_data\/bad\.yml:\d+: data: /);
  });
});
