import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readSettings, SettingError } from '../../lib/build/settings';

const cwd = '/srv/blog';
const read = (env: Record<string, string>) => readSettings(env, cwd);
/** The message readSettings refuses the environment with. */
const refusal = (env: Record<string, string>) => {
  try {
    read(env);
  } catch (error) {
    assert.ok(error instanceof SettingError, String(error));
    return error.message;
  }
  assert.fail(`accepted ${JSON.stringify(env)}`);
};

describe('settings from the environment', () => {
  it("leaves unset and blank variables to site.config.ts's defaults", () => {
    const none = {
      baseUrl: undefined,
      basePath: undefined,
      postsPerPage: undefined,
      contentDir: undefined,
      pagesDir: undefined,
      showDrafts: undefined,
      jekyllRedirects: undefined,
      showFuture: undefined,
      jekyllEnvironment: undefined,
      editUrl: undefined,
    };
    assert.deepEqual(read({}), none);
    assert.deepEqual(
      read({ SITE_URL: '', BASE_PATH: '', POSTS_PER_PAGE: '', CONTENT_DIR: '', FUTURE: '' }),
      none,
    );
  });

  it('reads good values, normalised', () => {
    assert.deepEqual(
      read({
        SITE_URL: 'https://WWW.Example.com/',
        BASE_PATH: 'docs/blog/',
        POSTS_PER_PAGE: ' 25 ',
        CONTENT_DIR: ' ../jekyll/_posts ',
        PAGES_DIR: ' ../jekyll/pages ',
        SHOW_DRAFTS: '0',
        JEKYLL_REDIRECTS: '1',
        FUTURE: '1',
        JEKYLL_ENV: 'staging',
        EDIT_URL: ' https://github.com/me/blog/edit/main/_posts/{path} ',
      }),
      {
        baseUrl: 'https://www.example.com',
        basePath: '/docs/blog',
        postsPerPage: 25,
        contentDir: '../jekyll/_posts',
        pagesDir: '../jekyll/pages',
        showDrafts: false,
        jekyllRedirects: true,
        showFuture: true,
        jekyllEnvironment: 'staging',
        editUrl: 'https://github.com/me/blog/edit/main/_posts/{path}',
      },
    );
    for (const bad of [
      'http://github.com/x/{path}',
      'https://github.com/x/',
      'javascript:{path}',
      'https://x/"{path}',
    ])
      assert.throws(
        () => read({ EDIT_URL: bad }),
        /EDIT_URL: .* is not an https URL with \{path\}/,
        bad,
      );
    assert.throws(
      () => read({ JEKYLL_ENV: 'a b' }),
      /JEKYLL_ENV: "a b" is not an environment name/,
    );
    assert.equal(read({ SITE_URL: 'http://localhost:8080' }).baseUrl, 'http://localhost:8080');
    assert.equal(read({ BASE_PATH: '/' }).basePath, '');
    assert.equal(read({ BASE_PATH: '/a.b_c~d-1' }).basePath, '/a.b_c~d-1');
    assert.equal(read({ POSTS_PER_PAGE: '1000' }).postsPerPage, 1000);
    assert.equal(
      read({ CONTENT_DIR: '/srv/blog/public-posts' }).contentDir,
      '/srv/blog/public-posts',
    );
  });

  it('refuses a SITE_URL that is not an absolute http(s) origin', () => {
    assert.equal(
      refusal({ SITE_URL: 'www.example.com' }),
      'SITE_URL: "www.example.com" is not an absolute URL; use an origin such as https://www.example.com (a sub-path goes in BASE_PATH)',
    );
    assert.match(
      refusal({ SITE_URL: 'javascript:alert(1)' }),
      /^SITE_URL: "javascript:alert\(1\)" is not an http or https URL; /,
    );
    assert.match(refusal({ SITE_URL: 'ftp://example.com' }), /is not an http or https URL/);
    assert.match(
      refusal({ SITE_URL: 'https://example.com/blog' }),
      /^SITE_URL: "https:\/\/example.com\/blog" is not just an origin/,
    );
    assert.match(refusal({ SITE_URL: 'https://example.com/?a=1' }), /is not just an origin/);
    assert.match(refusal({ SITE_URL: 'https://example.com#x' }), /is not just an origin/);
    assert.match(
      refusal({ SITE_URL: 'https://user:secret@example.com' }),
      /carries a user name or password/,
    );
  });

  it('refuses a BASE_PATH with characters that would need escaping, or dot segments', () => {
    assert.equal(
      refusal({ BASE_PATH: '/a b' }),
      'BASE_PATH: "/a b" is not a usable base path; use letters, digits, "-", "_", "." and "~" in segments like /blog or /docs/blog (no empty, "." or ".." segments)',
    );
    for (const bad of [
      '"/><script>alert(1)</script>',
      '/blog/../etc',
      '/./x',
      '/a//b',
      '/caf\u00e9',
      '/a%20b',
      '/a?b',
      '/a#b',
      '/a\\b',
      '/a\u0000b',
    ]) {
      assert.ok(
        refusal({ BASE_PATH: bad }).startsWith(
          `BASE_PATH: ${JSON.stringify(bad)} is not a usable base path; `,
        ),
        bad,
      );
    }
  });

  it('refuses a POSTS_PER_PAGE that is not a whole number from 1 to 1000', () => {
    assert.equal(
      refusal({ POSTS_PER_PAGE: '-1' }),
      'POSTS_PER_PAGE: "-1" is not a number of posts per page; use a whole number from 1 to 1000',
    );
    for (const bad of ['0', '1001', '2.5', 'ten', '1e3', '0x10', '99999999999'])
      assert.match(refusal({ POSTS_PER_PAGE: bad }), /^POSTS_PER_PAGE: /, bad);
  });

  it('refuses a CONTENT_DIR that is blank or inside public/', () => {
    assert.match(refusal({ CONTENT_DIR: '   ' }), /^CONTENT_DIR: "   " is not a folder name; /);
    assert.match(
      refusal({ CONTENT_DIR: 'public/content-assets/posts' }),
      /^CONTENT_DIR: "public\/content-assets\/posts" is inside public\/, whose files are published as they are; /,
    );
    assert.match(refusal({ CONTENT_DIR: '/srv/blog/public' }), /is inside public\//);
    assert.match(refusal({ CONTENT_DIR: './public/../public/x' }), /is inside public\//);
  });

  it('refuses switches other than 1 and 0, naming the variable', () => {
    for (const name of ['FUTURE', 'JEKYLL_REDIRECTS', 'SHOW_DRAFTS']) {
      assert.equal(
        refusal({ [name]: 'true' }),
        `${name}: "true" is not a switch; use 1 (on) or 0 (off), or leave it unset`,
      );
    }
  });
});
