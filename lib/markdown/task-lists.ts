/**
 * GFM task-list checkboxes are rendered disabled and unlabeled; each gets its
 * item's text as its label, so assistive technology says what is (not) done.
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';

/** A loop over a stack, not recursion: a deeply nested body must not overflow the call stack. */
function labelCheckboxes(root: Root): void {
  const pending: (Root | Element)[] = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const classes = child.properties.className;
      if (child.tagName === 'li' && Array.isArray(classes) && classes.includes('task-list-item')) {
        const checkbox = child.children.find(
          (item): item is Element =>
            item.type === 'element' &&
            item.tagName === 'input' &&
            item.properties.type === 'checkbox',
        );
        if (checkbox) checkbox.properties.ariaLabel = toString(child).trim();
      }
      pending.push(child);
    }
  }
}

export function rehypeTaskListLabels() {
  return (tree: Root) => labelCheckboxes(tree);
}
