import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { excerptText, firstParagraphText, markdownPlainText } from '../../lib/markdown/plain-text';

describe('firstParagraphText (the excerpt when front matter has none)', () => {
  it('takes the first paragraph, without markdown syntax', () => {
    const body =
      'This has **bold**, _emphasis_, a [link](https://example.com) and `code`.\n\nSecond paragraph.';
    assert.equal(firstParagraphText(body), 'This has bold, emphasis, a link and code.');
  });

  it('skips headings, lists and code before the first paragraph', () => {
    const body = '## Heading\n\n- item\n\n```js\nlet a\n```\n\nThe real   first\nparagraph.';
    assert.equal(firstParagraphText(body), 'The real first paragraph.');
  });

  it('leaves out raw HTML and images', () => {
    const body = 'Text with <span class="x">inline html</span> and ![an image](/a.png) here.';
    assert.equal(firstParagraphText(body), 'Text with inline html and here.');
    assert.equal(firstParagraphText('<div>block html</div>\n\nPlain.'), 'Plain.');
  });

  it('is empty for a body without a paragraph', () => {
    assert.equal(firstParagraphText('## Only a heading'), '');
  });
});

describe('markdownPlainText', () => {
  it('keeps the words of every block', () => {
    assert.equal(
      markdownPlainText('# Title\n\nOne *two*.\n\n- three\n- four'),
      'Title One two. three four',
    );
  });
});

describe('excerptText (excerpt_separator)', () => {
  it('takes the text before the separator, over several paragraphs, as plain text', () => {
    const body = 'First **para**.\n\nSecond [para](/x).\n\n<!--more-->\n\nThe rest.';
    assert.equal(excerptText(body, '<!--more-->'), 'First para. Second para.');
  });

  it('falls back to the first paragraph without a separator, or when the body lacks it', () => {
    assert.equal(excerptText('One.\n\nTwo.'), 'One.');
    assert.equal(excerptText('One.\n\nTwo.', '<!--more-->'), 'One.');
  });
});
