/**
 * GFM task-list checkboxes are rendered disabled and unlabeled; each gets its
 * item's text as its label, so assistive technology says what is (not) done.
 * In the kramdown dialect they also get kramdown's classes (`task-list`, `task-list-item-checkbox`), which a
 * Jekyll theme's styles may use, and lose the space GFM's renderer puts after the box.
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';

/** A loop over a stack, not recursion: a deeply nested body must not overflow the call stack. */
function labelCheckboxes(root: Root, kramdown: boolean): void {
  const pending: (Root | Element)[] = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const classes = child.properties.className;
      if (kramdown && Array.isArray(classes) && classes.includes('contains-task-list'))
        child.properties.className = [...classes, 'task-list'];
      if (child.tagName === 'li' && Array.isArray(classes) && classes.includes('task-list-item')) {
        const checkbox = child.children.find(
          (item): item is Element =>
            item.type === 'element' &&
            item.tagName === 'input' &&
            item.properties.type === 'checkbox',
        );
        if (checkbox) checkbox.properties.ariaLabel = toString(child).trim();
        if (checkbox && kramdown) {
          checkbox.properties.className = ['task-list-item-checkbox'];
          const after = child.children[child.children.indexOf(checkbox) + 1];
          if (after?.type === 'text') after.value = after.value.replace(/^ /, '');
        }
      }
      pending.push(child);
    }
  }
}

export function rehypeTaskListLabels(options: { kramdown?: boolean } = {}) {
  return (tree: Root) => labelCheckboxes(tree, options.kramdown ?? false);
}
