/** axe-core finds no accessibility violation on each page type, in light and in dark. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

const PAGES = {
  home: '/blog/',
  post: '/blog/posts/markdown-tables/',
  'post with toc and code': '/blog/posts/kubernetes-rollouts/',
  category: '/blog/categories/devops/',
  archive: '/blog/archive/',
  'tag index': '/blog/tags/',
  'about page': '/blog/about/',
  'author page': '/blog/authors/ada/',
  'post of two authors': '/blog/posts/pictures-in-posts/',
  'page 2': '/blog/page/2/',
  'not found': '/blog/no-such-page/',
};

for (const theme of ['light', 'dark'] as const) {
  for (const [kind, url] of Object.entries(PAGES)) {
    test(`${kind} has no axe violations in ${theme} mode`, async ({ page, pageProblems }) => {
      if (kind === 'not found') pageProblems.allowNotFound();
      // The reader's choice, stored as the toggle stores it; the OS says the opposite.
      await page.emulateMedia({ colorScheme: theme === 'dark' ? 'light' : 'dark' });
      await page.addInitScript((choice) => localStorage.setItem('theme', choice), theme);
      await page.goto(url);
      await expect(page.locator('html')).toHaveClass(new RegExp(`\\b${theme}\\b`));
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
        .analyze();
      const violations = results.violations.map(
        (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
      );
      expect(violations).toEqual([]);
    });
  }
}
