/**
 * The CDK app. Context values (cdk.json or `-c name=value`):
 *   siteDir        the export to read _redirects from (default: $SITE_DIR, else ../../out)
 *   stackName      default BlogSite
 *   domainName     custom domain(s), comma-separated; needs certificateArn
 *   certificateArn ACM certificate in us-east-1
 *   accessLogs     true: CloudFront access logs to a bucket of their own
 * Nothing here looks anything up in an account, so `cdk synth` works offline.
 */
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { SiteStack } from '../lib/site-stack';

const app = new App();
const context = (name: string): string | undefined => {
  const value: unknown = app.node.tryGetContext(name);
  return value === undefined || value === null || value === '' ? undefined : String(value);
};

new SiteStack(app, context('stackName') ?? 'BlogSite', {
  // Env-agnostic unless the CLI found credentials; the stack needs no lookups either way.
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  siteDir: path.resolve(
    context('siteDir') ?? process.env.SITE_DIR ?? path.join(import.meta.dirname, '../../../out'),
  ),
  domainNames: context('domainName')
    ?.split(',')
    .map((name) => name.trim())
    .filter(Boolean),
  certificateArn: context('certificateArn'),
  accessLogs: context('accessLogs') === 'true',
});
