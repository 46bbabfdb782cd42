/**
 * Uploads the export to the stack's bucket with the Content-Type and Cache-Control of
 * lib/object-headers.ts, deletes what the export no longer has, and invalidates the
 * changed pages (lib/deploy-plan.ts). Run by `npm run deploy` after `cdk deploy`, which
 * writes the bucket and distribution to cdk.out/outputs.json.
 *
 *   tsx scripts/upload.ts [--site-dir ../../out] [--stack BlogSite] [--force] [--dry-run]
 *
 * The export folder may also come from $SITE_DIR, as for the CDK app.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import {
  DeleteObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { planDeploy, type LocalFile, type RemoteObject } from '../lib/deploy-plan';
import { objectHeaders } from '../lib/object-headers';

const { values: options } = parseArgs({
  options: {
    'site-dir': {
      type: 'string',
      default: process.env.SITE_DIR ?? path.join(import.meta.dirname, '../../../out'),
    },
    stack: { type: 'string' },
    outputs: { type: 'string', default: path.join(import.meta.dirname, '../cdk.out/outputs.json') },
    force: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
  },
});
const siteDir = path.resolve(options['site-dir']);

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const key = `${prefix}${entry.name}`;
    if (entry.isDirectory()) return listFiles(path.join(dir, entry.name), `${key}/`);
    return entry.isFile() ? [key] : [];
  });
}

async function listBucket(s3: S3Client, bucket: string): Promise<RemoteObject[]> {
  const objects: RemoteObject[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }),
    );
    for (const item of page.Contents ?? [])
      if (item.Key && item.ETag) objects.push({ key: item.Key, etag: item.ETag });
    token = page.NextContinuationToken;
  } while (token);
  return objects;
}

/** Runs `task` over `items`, `limit` at a time. */
async function inParallel<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

async function main() {
  const outputs = JSON.parse(readFileSync(options.outputs, 'utf8')) as Record<
    string,
    Record<string, string>
  >;
  const stacks = Object.keys(outputs);
  const stackName = options.stack ?? (stacks.length === 1 ? stacks[0]! : 'BlogSite');
  const bucket = outputs[stackName]?.BucketName;
  const distributionId = outputs[stackName]?.DistributionId;
  if (!bucket || !distributionId)
    throw new Error(
      `${options.outputs} has no BucketName/DistributionId for stack ${stackName}: run cdk deploy first`,
    );

  const local: LocalFile[] = listFiles(siteDir).map((key) => ({
    key,
    md5: createHash('md5')
      .update(readFileSync(path.join(siteDir, key)))
      .digest('hex'),
  }));
  if (!local.some(({ key }) => key === 'index.html'))
    throw new Error(`${siteDir} holds no export: run npm run build first`);

  const s3 = new S3Client({});
  const plan = planDeploy(local, await listBucket(s3, bucket), { force: options.force });
  console.log(
    `${plan.uploads.length} to upload, ${plan.deletes.length} to delete, ${plan.invalidationPaths.length} paths to invalidate (of ${local.length} files)`,
  );
  if (options['dry-run']) {
    console.log(JSON.stringify(plan, null, 2));
    return;
  }

  await inParallel(plan.uploads, 16, async (key) => {
    const { contentType, cacheControl } = objectHeaders(key);
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: readFileSync(path.join(siteDir, key)),
        ContentType: contentType,
        CacheControl: cacheControl,
      }),
    );
  });
  for (let at = 0; at < plan.deletes.length; at += 1000) {
    const batch = plan.deletes.slice(at, at + 1000).map((Key) => ({ Key }));
    await s3.send(
      new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch, Quiet: true } }),
    );
  }
  if (plan.invalidationPaths.length > 0) {
    const cloudfront = new CloudFrontClient({});
    const { Invalidation } = await cloudfront.send(
      new CreateInvalidationCommand({
        DistributionId: distributionId,
        InvalidationBatch: {
          CallerReference: `deploy-${Date.now()}`,
          Paths: { Quantity: plan.invalidationPaths.length, Items: plan.invalidationPaths },
        },
      }),
    );
    console.log(`Invalidation ${Invalidation?.Id} started`);
  }
  console.log(`Deployed ${siteDir} to s3://${bucket} (CloudFront ${distributionId})`);
}

main().catch((error: unknown) => {
  console.error(`upload: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
