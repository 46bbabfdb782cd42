import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { createLiquidRenderer, LiquidProblem } from '../lib/liquid';

const site = mkdtempSync(path.join(tmpdir(), 'liquid-'));
mkdirSync(path.join(site, '_includes'));
mkdirSync(path.join(site, 'public', 'assets'), { recursive: true });
writeFileSync(path.join(site, '_includes', 'hello.html'), 'Hi {{ include.name }} from {{ site.title }}');
writeFileSync(path.join(site, 'public', 'assets', 'logo.png'), '');

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
const render = (body: string) => liquid.render(body, { title: 'The Post' });
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
    assert.equal(render('{{ site.title }} {{ site.github_username }} {{ site.url }}{{ site.baseurl }} {{ page.title }}'), 'My Blog someone https://example.org/blog The Post');
    assert.equal(render('{% assign n = 3 %}{% for i in (1..n) %}{{ i }}{% endfor %}{% if n > 2 %} big{% endif %}'), '123 big');
    assert.equal(render('[{{ nothing.here }}]'), '[]');
  });

  it('resolves post_url and link to this site\'s post URLs, and link to files under public/', () => {
    assert.equal(render('{% post_url 2019-05-20-moved-post %}'), '/posts/moved-post/');
    assert.equal(render('{% post_url notes/2020-01-01-nested %} {% post_url 2020-01-01-nested %}'), '/posts/nested/ /posts/nested/');
    assert.equal(render('{% link _posts/2019-05-20-moved-post.md %}'), '/posts/moved-post/');
    assert.equal(render('{% link _posts/notes/2020-01-01-nested.markdown %}'), '/posts/nested/');
    assert.equal(render('{% link assets/logo.png %}'), '/assets/logo.png');
  });

  it('relative_url adds the base path once; absolute_url the origin too; external URLs pass', () => {
    assert.equal(render('{{ "/a/b.png" | relative_url }} {{ "c" | relative_url }}'), '/blog/a/b.png /blog/c');
    assert.equal(render('{{ "/feed.xml" | absolute_url }}'), 'https://example.org/blog/feed.xml');
    assert.equal(render('{{ "https://x.org/y" | relative_url }}'), 'https://x.org/y');
  });

  it('turns highlight into a fenced block, with a fence longer than any backticks inside', () => {
    assert.equal(render('{% highlight ruby linenos %}\nputs 1\n{% endhighlight %}'), '```ruby\nputs 1\n```');
    assert.equal(render('{% highlight md %}\n```js\nx\n```\n{% endhighlight %}'), '````md\n```js\nx\n```\n````');
  });

  it('never touches code blocks, inline code or raw; Jekyll\'s raw markers inside code are dropped', () => {
    assert.equal(render('`{{ a }}` and {% raw %}{{ b }}{% endraw %}'), '`{{ a }}` and {{ b }}');
    assert.equal(render('```\n{{ site.title }}\n```\n{{ site.title }}'), '```\n{{ site.title }}\n```\nMy Blog');
    assert.equal(render('```liquid\n{% raw %}\n{% if x %}{{ y }}{% endif %}\n{% endraw %}\n```\n'), '```liquid\n{% if x %}{{ y }}{% endif %}\n```\n');
    assert.equal(render('    {{ indented }}\n\n{{ site.title }}'), '    {{ indented }}\n\nMy Blog');
  });

  it('includes files from _includes with their parameters', () => {
    assert.equal(render('{% include hello.html name="Ann" %}'), 'Hi Ann from My Blog');
  });

  it('fails on an unknown tag, a syntax error, a missing include, an unknown filter or post, naming the body line', () => {
    assert.deepEqual(problem('one\ntwo {% tweet 123 %}'), { line: 2, detail: 'tag "tweet" not found' });
    assert.deepEqual(problem('one\n\n{% if x %}never closed'), { line: 3, detail: 'tag {% if x %} not closed' });
    assert.equal(problem('a\n{% include nope.html %}').line, 2);
    assert.match(problem('a\n{% include nope.html %}').detail, /include: no file "nope.html" in /);
    assert.deepEqual(problem('{{ x | shout }}'), { line: 1, detail: 'undefined filter: shout' });
    assert.deepEqual(problem('\n{% post_url 1999-01-01-gone %}'), { line: 2, detail: 'post_url: no post named "1999-01-01-gone" in _posts' });
    assert.match(problem('{% link _posts/gone.md %}').detail, /link: no post "gone.md"/);
  });

  it('keeps line numbers after multi-line code blocks', () => {
    assert.equal(problem('```\na\nb\nc\n```\n{% oops %}').line, 6);
  });
});
