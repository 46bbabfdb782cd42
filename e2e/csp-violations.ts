/** Shared by the specs that serve the export with its real Content-Security-Policy (nginx, third-party). */
import type { Page } from '@playwright/test';

/**
 * Records every CSP violation of a page: `securitypolicyviolation` events (reported
 * from the page before any of its scripts run) and console messages naming the policy.
 */
export async function watchCsp(page: Page) {
  const violations: string[] = [];
  await page.exposeFunction('__reportCspViolation', (report: string) => violations.push(report));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation: (report: string) => void })
        .__reportCspViolation;
      report(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  page.on('console', (message) => {
    if (/Content[ -]Security[ -]Policy/i.test(message.text()))
      violations.push(`console ${message.type()}: ${message.text()}`);
  });
  return violations;
}
