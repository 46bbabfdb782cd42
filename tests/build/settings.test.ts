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
      comments: undefined,
      analytics: undefined,
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
        comments: undefined,
        analytics: undefined,
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

describe('third-party services from the environment', () => {
  const giscus = {
    GISCUS_REPO: 'me/blog',
    GISCUS_REPO_ID: 'R_kgDOExample',
    GISCUS_CATEGORY: 'Show and tell',
    GISCUS_CATEGORY_ID: 'DIC_kwDOExample4C',
  };

  it('reads giscus from all four variables, and refuses some without the others', () => {
    assert.deepEqual(read(giscus).comments, {
      repo: 'me/blog',
      repoId: 'R_kgDOExample',
      category: 'Show and tell',
      categoryId: 'DIC_kwDOExample4C',
    });
    assert.match(
      refusal({ GISCUS_REPO: 'me/blog', GISCUS_CATEGORY: 'General' }),
      /^GISCUS_REPO_ID, GISCUS_CATEGORY_ID: not set, and giscus needs all four/,
    );
    assert.match(
      refusal({ ...giscus, GISCUS_REPO: 'me' }),
      /^GISCUS_REPO: "me" is not a repository/,
    );
    assert.match(
      refusal({ ...giscus, GISCUS_CATEGORY: 'a"><script>' }),
      /^GISCUS_CATEGORY: .* is not a category name/,
    );
    assert.match(
      refusal({ ...giscus, GISCUS_REPO_ID: 'R 1' }),
      /^GISCUS_REPO_ID: "R 1" is not an id/,
    );
  });

  it('turns on each analytics service by its id, with its default script or an https one', () => {
    assert.deepEqual(
      read({
        PLAUSIBLE_DOMAIN: 'blog.example.com',
        UMAMI_WEBSITE_ID: '94db1cb1-74f4-4a40-ad6c-962362670409',
        UMAMI_SRC: 'https://stats.example.com/script.js',
        GA4_ID: 'G-ABC123XYZ9',
      }).analytics,
      [
        {
          provider: 'plausible',
          domain: 'blog.example.com',
          src: 'https://plausible.io/js/script.js',
        },
        {
          provider: 'umami',
          websiteId: '94db1cb1-74f4-4a40-ad6c-962362670409',
          src: 'https://stats.example.com/script.js',
        },
        { provider: 'ga4', measurementId: 'G-ABC123XYZ9' },
      ],
    );
    assert.deepEqual(read({ UMAMI_WEBSITE_ID: '94db1cb1-74f4-4a40-ad6c-962362670409' }).analytics, [
      {
        provider: 'umami',
        websiteId: '94db1cb1-74f4-4a40-ad6c-962362670409',
        src: 'https://cloud.umami.is/script.js',
      },
    ]);
  });

  it('refuses ids, domains and script URLs a service would not accept or a page would misread', () => {
    assert.match(
      refusal({ GA4_ID: 'UA-1234-1' }),
      /^GA4_ID: "UA-1234-1" is not a Google Analytics 4/,
    );
    assert.match(
      refusal({ UMAMI_WEBSITE_ID: 'abc' }),
      /^UMAMI_WEBSITE_ID: "abc" is not a website id/,
    );
    assert.match(
      refusal({ PLAUSIBLE_DOMAIN: 'https://x.com' }),
      /^PLAUSIBLE_DOMAIN: .* is not a domain/,
    );
    for (const src of [
      'http://stats.example.com/js',
      'https://a.com/x.js"',
      'https://u:p@a.com/x.js',
      'data:,1',
    ])
      assert.match(
        refusal({ PLAUSIBLE_DOMAIN: 'blog.example.com', PLAUSIBLE_SRC: src }),
        /^PLAUSIBLE_SRC: .* is not an https URL of a script/,
        src,
      );
    assert.match(
      refusal({ UMAMI_SRC: 'https://stats.example.com/script.js' }),
      /^UMAMI_SRC: set without UMAMI_WEBSITE_ID/,
    );
  });
});
