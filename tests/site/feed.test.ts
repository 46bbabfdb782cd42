import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SaxesParser } from 'saxes';
import { xmlAllowedText } from '../../lib/site/feed-files';
import { writeFeed, type FeedInput } from '../../lib/site/feed-writer';
import { escapeHtml } from '../../lib/site/format';

/** An element of a parsed feed: its name, attributes, text (CDATA included) and child elements. */
interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlElement[];
}

/** The document's root, parsed by a strict, conformant XML parser; throws on anything not well-formed. */
function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const root: XmlElement = { name: '#document', attributes: {}, text: '', children: [] };
  const open: XmlElement[] = [root];
  const current = () => open[open.length - 1]!;
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const element: XmlElement = {
      name: tag.name,
      attributes: tag.attributes as Record<string, string>,
      text: '',
      children: [],
    };
    current().children.push(element);
    open.push(element);
  });
  parser.on('closetag', () => open.pop());
  parser.on('text', (text) => (current().text += text));
  parser.on('cdata', (text) => (current().text += text));
  parser.write(xml).close();
  assert.equal(root.children.length, 1);
  return root.children[0]!;
}

const all = (element: XmlElement, name: string): XmlElement[] =>
  element.children.flatMap((child) => [
    ...(child.name === name ? [child] : []),
    ...all(child, name),
  ]);
const first = (element: XmlElement, name: string): XmlElement => {
  const found = all(element, name)[0];
  assert.ok(found, `no <${name}> in <${element.name}>`);
  return found;
};

const hostileTitle = `<b>Bold</b> & "quoted" 'single' ]]> &amp; \u0001bell\u0007 <![CDATA[x]]> end`;
const hostileExcerpt = `<script>alert(1)</script> & more\u000B text ]]>`;
const hostileCategory = `"><svg onload=alert(1)>`;
const contentHtml = '<p>Code: <code>]]&gt;</code></p><pre>a ]]> b ]]> c\u0002</pre>';

const input: FeedInput = {
  title: `Site: ${hostileCategory} \u0003`,
  description: `Posts about ${hostileCategory}.`,
  pageUrl: 'https://example.org/blog/categories/x/',
  feedUrls: {
    rss: 'https://example.org/blog/categories/x/feed.xml',
    atom: 'https://example.org/blog/categories/x/atom.xml',
    json: 'https://example.org/blog/categories/x/feed.json',
  },
  language: 'en',
  copyright: '© A & B <Co>',
  author: { name: 'A & B <Co>', link: 'https://example.org/' },
  entries: [
    {
      title: hostileTitle,
      url: 'https://example.org/blog/posts/hostile/',
      excerpt: hostileExcerpt,
      contentHtml,
      date: { epochMs: Date.UTC(2024, 0, 2), iso: '2024-01-02T00:00:00.000Z' },
      categories: [
        {
          name: hostileCategory,
          slug: 'svg-onload-alert-1',
          url: 'https://example.org/blog/categories/svg-onload-alert-1/',
          scheme: 'https://example.org/blog/categories/',
        },
        {
          name: 'Node.js',
          slug: 'node-js',
          url: 'https://example.org/blog/tags/node-js/',
          scheme: 'https://example.org/blog/tags/',
        },
      ],
    },
    {
      title: 'Plain',
      url: 'https://example.org/blog/posts/plain/',
      excerpt: 'Plain text.',
      contentHtml: '<p>Plain <em>HTML</em>.</p>',
      date: { epochMs: Date.UTC(2024, 0, 1), iso: '2024-01-01T00:00:00.000Z' },
      categories: [],
    },
  ],
};

describe('feeds carry titles, excerpts and names as text, and stay well-formed', () => {
  it('drops exactly the characters XML 1.0 forbids', () => {
    assert.equal(
      xmlAllowedText('a\u0000b\u0008c\tD\nE\rF\u000B\u000C\u001Fg\uFFFE\uFFFFh'),
      'abc\tD\nE\rFgh',
    );
    assert.equal(
      xmlAllowedText('emoji 😀 kept, lone \uD83D and \uDE00 dropped'),
      'emoji 😀 kept, lone  and  dropped',
    );
  });

  it('RSS: titles and category names as text, the excerpt as HTML that shows it as written, content as HTML', () => {
    const channel = first(parseXml(writeFeed(input, 'rss')), 'channel');
    assert.equal(first(channel, 'title').text, xmlAllowedText(input.title));
    assert.equal(first(channel, 'description').text, input.description);
    const [hostile, plain] = all(channel, 'item');
    assert.ok(hostile && plain);
    assert.equal(first(hostile, 'title').text, xmlAllowedText(hostileTitle));
    assert.equal(first(hostile, 'description').text, escapeHtml(xmlAllowedText(hostileExcerpt)));
    assert.deepEqual(
      all(hostile, 'category').map((category) => [category.text, category.attributes.domain]),
      [
        [hostileCategory, 'https://example.org/blog/categories/svg-onload-alert-1/'],
        ['Node.js', 'https://example.org/blog/tags/node-js/'],
      ],
    );
    assert.equal(first(hostile, 'content:encoded').text, xmlAllowedText(contentHtml));
    assert.equal(first(plain, 'title').text, 'Plain');
    assert.equal(first(plain, 'content:encoded').text, '<p>Plain <em>HTML</em>.</p>');
  });

  it('Atom: titles and summaries are type="text", category labels are the names, content is HTML', () => {
    const feed = parseXml(writeFeed(input, 'atom'));
    assert.equal(first(feed, 'title').text, xmlAllowedText(input.title));
    const [hostile, plain] = all(feed, 'entry');
    assert.ok(hostile && plain);
    const title = first(hostile, 'title');
    assert.equal(title.attributes.type, 'text');
    assert.equal(title.text, xmlAllowedText(hostileTitle));
    const summary = first(hostile, 'summary');
    assert.equal(summary.attributes.type, 'text');
    assert.equal(summary.text, xmlAllowedText(hostileExcerpt));
    assert.deepEqual(
      all(hostile, 'category').map((category) => ({ ...category.attributes })),
      [
        {
          label: hostileCategory,
          scheme: 'https://example.org/blog/categories/',
          term: 'svg-onload-alert-1',
        },
        // A tag is a category of the tags' scheme.
        { label: 'Node.js', scheme: 'https://example.org/blog/tags/', term: 'node-js' },
      ],
    );
    const content = first(hostile, 'content');
    assert.equal(content.attributes.type, 'html');
    assert.equal(content.text, xmlAllowedText(contentHtml));
    assert.equal(first(hostile, 'name').text, 'A & B <Co>');
    assert.equal(first(plain, 'title').text, 'Plain');
  });

  it('JSON Feed: the same texts, exactly (JSON escapes every character)', () => {
    const feed = JSON.parse(writeFeed(input, 'json')) as {
      title: string;
      items: { title: string; summary: string; content_html: string; tags: string[] }[];
    };
    assert.equal(feed.title, input.title);
    const [hostile] = feed.items;
    assert.ok(hostile);
    assert.equal(hostile.title, hostileTitle);
    assert.equal(hostile.summary, hostileExcerpt);
    assert.equal(hostile.content_html, contentHtml);
    assert.deepEqual(hostile.tags, [hostileCategory, 'Node.js']);
  });

  it('keeps a post-export body token intact inside the content', () => {
    const token = '[post-body:0123456789abcdef0123456789abcdef-6869]';
    const rss = writeFeed(
      { ...input, entries: [{ ...input.entries[1]!, contentHtml: token }] },
      'rss',
    );
    assert.ok(rss.includes(`<![CDATA[${token}]]>`), rss);
  });
});
