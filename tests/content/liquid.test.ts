import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  createLiquidRenderer,
  LIQUID_LIMITS,
  LiquidProblem,
  sourceLine,
} from '../../lib/content/liquid';

const site = mkdtempSync(path.join(tmpdir(), 'liquid-'));
mkdirSync(path.join(site, '_includes'));
mkdirSync(path.join(site, 'public', 'assets'), { recursive: true });
writeFileSync(
  path.join(site, '_includes', 'hello.html'),
  'Hi {{ include.name }} from {{ site.title }}',
);
writeFileSync(path.join(site, 'public', 'assets', 'logo.png'), '');
writeFileSync(path.join(site, '_includes', 'itself.html'), 'again\n{% include itself.html %}');
writeFileSync(path.join(site, '_includes', 'broken.html'), 'one\ntwo\n{{ x | shout }}');
writeFileSync(path.join(site, '_includes', 'page.html'), 'x'.repeat(100_000));

const liquid = createLiquidRenderer({
  includesDir: path.join(site, '_includes'),
  contentDirName: '_posts',
  publicDir: path.join(site, 'public'),
  baseUrl: 'https://example.org',
  basePath: '/blog',
  site: { title: 'My Blog', github_username: 'someone' },
  posts: [
    { relativePath: '2019-05-20-moved-post.md', url: '/posts/moved-post/' },
    { relativePath: 'notes/2020-01-01-nested.markdown', url: '/posts/nested/' },
  ],
});
const render = (body: string) => liquid.render(body, { title: 'The Post' }).text;
const problem = (body: string) => {
  try {
    render(body);
  } catch (error) {
    assert.ok(error instanceof LiquidProblem, String(error));
    return { line: error.line, detail: error.detail };
  }
  assert.fail('expected a problem');
};

describe('Liquid as Jekyll renders it', () => {
  it('leaves a post without Liquid exactly as it is', () => {
    const body = 'Plain *markdown* with {braces} and % signs.\n';
    assert.equal(render(body), body);
  });

  it('renders site.* (with url and baseurl), page.*, assign, for and if; undefined variables are empty', () => {
    assert.equal(
      render(
        '{{ site.title }} {{ site.github_username }} {{ site.url }}{{ site.baseurl }} {{ page.title }}',
      ),
      'My Blog someone https://example.org/blog The Post',
    );
    assert.equal(
      render(
        '{% assign n = 3 %}{% for i in (1..n) %}{{ i }}{% endfor %}{% if n > 2 %} big{% endif %}',
      ),
      '123 big',
    );
    assert.equal(render('[{{ nothing.here }}]'), '[]');
  });

  it("resolves post_url and link to this site's post URLs, and link to files under public/", () => {
    assert.equal(render('{% post_url 2019-05-20-moved-post %}'), '/posts/moved-post/');
    assert.equal(
      render('{% post_url notes/2020-01-01-nested %} {% post_url 2020-01-01-nested %}'),
      '/posts/nested/ /posts/nested/',
    );
    assert.equal(render('{% link _posts/2019-05-20-moved-post.md %}'), '/posts/moved-post/');
    assert.equal(render('{% link _posts/notes/2020-01-01-nested.markdown %}'), '/posts/nested/');
    assert.equal(render('{% link assets/logo.png %}'), '/assets/logo.png');
  });

  it('relative_url adds the base path once; absolute_url the origin too; external URLs pass', () => {
    assert.equal(
      render('{{ "/a/b.png" | relative_url }} {{ "c" | relative_url }}'),
      '/blog/a/b.png /blog/c',
    );
    assert.equal(render('{{ "/feed.xml" | absolute_url }}'), 'https://example.org/blog/feed.xml');
    assert.equal(render('{{ "https://x.org/y" | relative_url }}'), 'https://x.org/y');
  });

  it('turns highlight into a fenced block, with a fence longer than any backticks inside', () => {
    assert.equal(
      render('{% highlight ruby linenos %}\nputs 1\n{% endhighlight %}'),
      '```ruby\nputs 1\n```',
    );
    assert.equal(
      render('{% highlight md %}\n```js\nx\n```\n{% endhighlight %}'),
      '````md\n```js\nx\n```\n````',
    );
  });

  it("never touches code blocks, inline code or raw; Jekyll's raw markers inside code are dropped", () => {
    assert.equal(render('`{{ a }}` and {% raw %}{{ b }}{% endraw %}'), '`{{ a }}` and {{ b }}');
    assert.equal(
      render('```\n{{ site.title }}\n```\n{{ site.title }}'),
      '```\n{{ site.title }}\n```\nMy Blog',
    );
    assert.equal(
      render('```liquid\n{% raw %}\n{% if x %}{{ y }}{% endif %}\n{% endraw %}\n```\n'),
      '```liquid\n{% if x %}{{ y }}{% endif %}\n```\n',
    );
    assert.equal(render('    {{ indented }}\n\n{{ site.title }}'), '    {{ indented }}\n\nMy Blog');
    // What raw protects is kept as written, even a raw marker of its own.
    assert.equal(
      render('`{% raw %}{% raw %}{% endraw %}` and `{% raw %}{{ x }}{% endraw %}`'),
      '`{% raw %}` and `{{ x }}`',
    );
  });

  it('includes files from _includes with their parameters', () => {
    assert.equal(render('{% include hello.html name="Ann" %}'), 'Hi Ann from My Blog');
  });

  it('fails on an unknown tag, a syntax error, a missing include, an unknown filter or post, naming the body line', () => {
    assert.deepEqual(problem('one\ntwo {% tweet 123 %}'), {
      line: 2,
      detail: 'tag "tweet" not found',
    });
    assert.deepEqual(problem('one\n\n{% if x %}never closed'), {
      line: 3,
      detail: 'tag {% if x %} not closed',
    });
    assert.equal(problem('a\n{% include nope.html %}').line, 2);
    assert.match(problem('a\n{% include nope.html %}').detail, /include: no file "nope.html" in /);
    assert.deepEqual(problem('{{ x | shout }}'), { line: 1, detail: 'undefined filter: shout' });
    assert.deepEqual(problem('\n{% post_url 1999-01-01-gone %}'), {
      line: 2,
      detail: 'post_url: no post named "1999-01-01-gone" in _posts',
    });
    assert.match(problem('{% link _posts/gone.md %}').detail, /link: no post "gone.md"/);
  });

  it('keeps line numbers after multi-line code blocks', () => {
    assert.equal(problem('```\na\nb\nc\n```\n{% oops %}').line, 6);
  });

  it('maps each rendered line to the body line it comes from: a loop’s lines to the loop’s tag', () => {
    const body =
      'Intro {{ page.title }}\n\n{% for i in (1..3) %}\n- item {{ i }}\n{% endfor %}\nAfter\n\nEnd';
    const rendered = liquid.render(body, { title: 'T' });
    const lines = rendered.text.split('\n');
    const at = (text: string) => sourceLine(rendered, lines.indexOf(text) + 1);
    assert.equal(at('Intro T'), 1);
    assert.equal(at('- item 3'), 3);
    assert.equal(at('After'), 6);
    assert.equal(at('End'), 8);
    // A body whose lines stay where they were needs no map.
    assert.equal(liquid.render('a {{ page.title }}\nb\n', { title: 'T' }).sourceLines, undefined);
    assert.equal(sourceLine({}, 7), 7);
  });
});

describe('Liquid that would never finish is a problem at its line, in bounded time', () => {
  /** The problem, and how long it took to find it. */
  const timedProblem = (body: string) => {
    const started = performance.now();
    const found = problem(body);
    return { ...found, seconds: (performance.now() - started) / 1000 };
  };
  /** Seconds any case may take: each ends in milliseconds on an idle machine, or at the 2 s time limit; the rest is room for a loaded one. */
  const BOUND = LIQUID_LIMITS.renderLimit / 1000 + 3;
  const memory = /creates more than 10,000,000 characters or list items \(the memory limit\)/;

  it('stops a huge range at once (memory limit)', () => {
    const found = timedProblem('one\ntwo\n{% for i in (1..100000000) %}x{% endfor %}');
    assert.equal(found.line, 3);
    assert.match(found.detail, memory);
    assert.ok(found.seconds < BOUND, `${found.seconds} s`);
  });

  it('stops nested loops after the time limit', () => {
    // The range is made once, so only time can stop the 27 billion turns.
    const found = timedProblem(
      'one\n{% assign r = (1..3000) %}{% for i in r %}\n{% for j in r %}{% for k in r %}{% endfor %}{% endfor %}{% endfor %}',
    );
    assert.match(found.detail, /takes longer than 2 s to render \(the time limit\)/);
    assert.equal(found.line, 3);
    assert.ok(found.seconds < BOUND, `${found.seconds} s`);
  });

  it('stops a text doubled in a loop by append or by capture (memory limit)', () => {
    const appended = timedProblem(
      '{% assign s = "x" %}\n{% for i in (1..60) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}',
    );
    assert.equal(appended.line, 2);
    assert.match(appended.detail, memory);
    const captured = timedProblem(
      '{% assign s = "x" %}\n{% for i in (1..60) %}{% capture s %}{{ s }}{{ s }}{% endcapture %}{% endfor %}{{ s | replace: "x", "yy" | size }}',
    );
    assert.match(captured.detail, memory);
    assert.ok(
      appended.seconds + captured.seconds < BOUND,
      `${appended.seconds} s, ${captured.seconds} s`,
    );
  });

  it('stops output larger than the output limit', () => {
    const found = timedProblem('a\n{% for i in (1..1000000) %}{% include page.html %}{% endfor %}');
    assert.equal(found.line, 2);
    assert.match(found.detail, /renders to more than 10,000,000 characters \(the output limit\)/);
    assert.ok(found.seconds < BOUND, `${found.seconds} s`);
  });

  it("stops an include that includes itself at the body's include line", () => {
    const found = timedProblem('a\nb\n{% include itself.html %}');
    assert.equal(found.line, 3);
    assert.match(
      found.detail,
      /^in .*itself\.html:2: includes nested more than 20 deep; does an include include itself\?$/,
    );
  });

  it('reports a problem inside an include at the include line, naming the included file and its line', () => {
    assert.deepEqual(problem('a\n{% include broken.html %}'), {
      line: 2,
      detail: `in ${path.join(site, '_includes', 'broken.html')}:3: undefined filter: shout`,
    });
  });

  it('refuses tags nested too deeply for the parser, at the line of the tag too many', () => {
    const found = timedProblem(
      'a\n' + '{% if true %}\n'.repeat(5000) + 'x' + '{% endif %}'.repeat(5000),
    );
    assert.equal(found.line, 2 + LIQUID_LIMITS.nesting);
    assert.equal(found.detail, `tags nested more than ${LIQUID_LIMITS.nesting} deep`);
    assert.ok(found.seconds < BOUND, `${found.seconds} s`);
  });

  it('still renders what real posts do: loops of thousands, a few levels of nesting', () => {
    assert.equal(render('{% for i in (1..20000) %}{{ i }}{% endfor %}').length, 88894);
    assert.equal(render('{% if true %}'.repeat(20) + 'x' + '{% endif %}'.repeat(20)), 'x');
    assert.equal(
      render('{% capture c %}{% include hello.html name="B" %}{% endcapture %}{{ c | upcase }}'),
      'HI B FROM MY BLOG',
    );
  });
});
