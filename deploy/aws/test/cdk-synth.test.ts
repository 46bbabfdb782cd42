/**
 * `cdk synth` itself (the CLI, as `npm run deploy` runs it) on the fixture export, with
 * no AWS credentials and nothing to look up: it must succeed offline.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import { fixtureDir } from './helpers';

it('cdk synth runs offline and writes the template', () => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'cdk-out-'));
  try {
    const result = spawnSync(
      'npx',
      ['cdk', 'synth', '--quiet', '--output', out, '-c', `siteDir=${fixtureDir()}`],
      {
        cwd: path.join(import.meta.dirname, '..'),
        encoding: 'utf8',
        // No credentials and no instance metadata: the CLI must not need an account.
        env: {
          ...process.env,
          AWS_EC2_METADATA_DISABLED: 'true',
          AWS_PROFILE: '',
          AWS_ACCESS_KEY_ID: '',
          AWS_SECRET_ACCESS_KEY: '',
          CDK_DISABLE_VERSION_CHECK: '1',
        },
        timeout: 50_000,
      },
    );
    assert.equal(result.status, 0, `cdk synth failed:\n${result.stdout}\n${result.stderr}`);
    const template = path.join(out, 'BlogSite.template.json');
    assert.ok(existsSync(template), 'BlogSite.template.json written');
    const resources = Object.values(
      JSON.parse(readFileSync(template, 'utf8')).Resources as Record<string, { Type: string }>,
    ).map((r) => r.Type);
    for (const type of [
      'AWS::S3::Bucket',
      'AWS::CloudFront::Distribution',
      'AWS::CloudFront::Function',
      'AWS::CloudFront::KeyValueStore',
    ]) {
      assert.ok(resources.includes(type), type);
    }
    assert.doesNotMatch(result.stderr, /\[Error|ERROR/);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
