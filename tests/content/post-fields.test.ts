import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeBodyFacts, derivePostFields } from '../../lib/content/post-fields';

describe('derived fields of a post', () => {
  const facts = computeBodyFacts('First paragraph.', undefined);

  // The one place the rule is written: the post index downstream never sees a post without fields.
  it('refuses an empty title, naming the file, and derives no fields', () => {
    const { fields, errors } = derivePostFields(
      { title: '  ', date: '2024-01-01' },
      facts,
      'content/posts/x.md',
    );
    assert.equal(fields, null);
    assert.deepEqual(
      errors.map((error) => error.message),
      ['content/posts/x.md: title: must not be empty'],
    );
  });

  it('takes the excerpt from the body when front matter has none', () => {
    const { fields } = derivePostFields(
      { title: 'T', date: '2024-01-01' },
      facts,
      'content/posts/x.md',
    );
    assert.equal(fields?.summary, 'First paragraph.');
    assert.equal(fields?.hasOwnExcerpt, false);
  });
});
