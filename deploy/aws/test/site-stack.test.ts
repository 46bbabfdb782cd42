/**
 * The synthesized CloudFormation template, property by property (aws-cdk-lib/assertions),
 * built from the fixture export with cdk.json's feature flags and no AWS account.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { readRedirects, storeEntries } from '../lib/redirect-store';
import {
  MAX_CLOUDFRONT_CSP_LENGTH,
  readScriptHashes,
  SCRIPT_HASHES_FILE,
  siteSecurityHeaders,
} from '../lib/security-headers';
import { FUNCTION_FILE, SiteStack, type SiteStackProps } from '../lib/site-stack';
import { bareExport, cdkContext, fixtureDir } from './helpers';

// Template JSON is untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
type Resource = { Properties: Json };

function synth(props: Partial<SiteStackProps> = {}) {
  const app = new App({ context: cdkContext() });
  const stack = new SiteStack(app, 'BlogSite', {
    env: { account: '123456789012', region: 'us-east-1' },
    siteDir: fixtureDir(),
    ...props,
  });
  return { app, stack, template: Template.fromStack(stack) };
}

const { app, template } = synth();
const only = (type: string): Resource => {
  const resources = Object.values(template.findResources(type)) as Resource[];
  assert.equal(resources.length, 1, `one ${type}`);
  return resources[0]!;
};
const distribution = () => only('AWS::CloudFront::Distribution').Properties.DistributionConfig;
const cachePolicy = (logicalId: string) =>
  (template.findResources('AWS::CloudFront::CachePolicy')[logicalId] as Resource).Properties
    .CachePolicyConfig;

describe('S3 bucket', () => {
  it('blocks all public access, owns its objects, is encrypted and versioned', () => {
    template.resourceCountIs('AWS::S3::Bucket', 1);
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
        ],
      },
      VersioningConfiguration: { Status: 'Enabled' },
    });
    template.hasResource('AWS::S3::Bucket', { DeletionPolicy: 'Retain' });
  });

  it('has no website endpoint: it is reached only through CloudFront', () => {
    assert.equal(only('AWS::S3::Bucket').Properties.WebsiteConfiguration, undefined);
  });

  it('policy: denies any request without TLS, and allows only this distribution to read (and list, for real 404s)', () => {
    const statements = only('AWS::S3::BucketPolicy').Properties.PolicyDocument.Statement as Json[];
    assert.ok(
      statements.some(
        (s) => s.Effect === 'Deny' && s.Condition?.Bool?.['aws:SecureTransport'] === 'false',
      ),
      'a Deny on aws:SecureTransport=false',
    );
    const allows = statements.filter((s) => s.Effect === 'Allow');
    assert.equal(allows.length, 1);
    const [allow] = allows as [Json];
    assert.deepEqual(allow.Principal, { Service: 'cloudfront.amazonaws.com' });
    assert.deepEqual([allow.Action].flat().sort(), ['s3:GetObject', 's3:ListBucket']);
    const sourceArn = JSON.stringify(allow.Condition.StringEquals['AWS:SourceArn']);
    assert.match(sourceArn, /:distribution\//);
    assert.match(sourceArn, /"Ref":"Distribution/);
  });
});

describe('CloudFront distribution', () => {
  it('reads the bucket through Origin Access Control (SigV4, always signed), not an OAI', () => {
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: {
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
        SigningProtocol: 'sigv4',
      },
    });
    template.resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 0);
    const [origin] = distribution().Origins;
    assert.deepEqual(origin.OriginAccessControlId, {
      'Fn::GetAtt': [
        Object.keys(template.findResources('AWS::CloudFront::OriginAccessControl'))[0],
        'Id',
      ],
    });
    assert.equal(origin.S3OriginConfig.OriginAccessIdentity, '');
  });

  it('speaks HTTP/2 and HTTP/3, IPv6, and redirects HTTP to HTTPS on every behaviour', () => {
    const config = distribution();
    assert.equal(config.HttpVersion, 'http2and3');
    assert.equal(config.IPV6Enabled, true);
    for (const behavior of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) {
      assert.equal(behavior.ViewerProtocolPolicy, 'redirect-to-https');
      assert.equal(behavior.Compress, true);
      assert.deepEqual(behavior.AllowedMethods, ['GET', 'HEAD']);
    }
  });

  it('serves 404.html with status 404 for a missing key (404, or 403 should S3 ever answer that)', () => {
    assert.deepEqual(distribution().CustomErrorResponses, [
      { ErrorCode: 404, ResponseCode: 404, ResponsePagePath: '/404.html', ErrorCachingMinTTL: 60 },
      { ErrorCode: 403, ResponseCode: 404, ResponsePagePath: '/404.html', ErrorCachingMinTTL: 60 },
    ]);
    assert.equal(distribution().DefaultRootObject, 'index.html');
  });

  it('caches pages for minutes: 5 minutes by default, never more than a day; no query string, cookie or header in the key', () => {
    const policy = cachePolicy(distribution().DefaultCacheBehavior.CachePolicyId.Ref);
    assert.equal(policy.DefaultTTL, 300);
    assert.equal(policy.MinTTL, 0);
    assert.equal(policy.MaxTTL, 86400);
    const key = policy.ParametersInCacheKeyAndForwardedToOrigin;
    assert.deepEqual(
      [
        key.QueryStringsConfig.QueryStringBehavior,
        key.CookiesConfig.CookieBehavior,
        key.HeadersConfig.HeaderBehavior,
      ],
      ['none', 'none', 'none'],
    );
    assert.equal(key.EnableAcceptEncodingGzip, true);
    assert.equal(key.EnableAcceptEncodingBrotli, true);
  });

  it('caches hashed /_next/static/* for a year', () => {
    const behaviors = distribution().CacheBehaviors as Json[];
    assert.deepEqual(
      behaviors.map((b) => b.PathPattern),
      ['/_next/static/*'],
    );
    const policy = cachePolicy(behaviors[0]!.CachePolicyId.Ref);
    assert.deepEqual(
      [policy.MinTTL, policy.DefaultTTL, policy.MaxTTL],
      [31536000, 31536000, 31536000],
    );
    assert.equal(policy.ParametersInCacheKeyAndForwardedToOrigin.EnableAcceptEncodingBrotli, true);
    assert.equal(behaviors[0]!.FunctionAssociations, undefined, 'no function on hashed assets');
  });

  it('has no custom domain, logging or TLS policy unless asked', () => {
    const config = distribution();
    assert.equal(config.Aliases, undefined);
    assert.equal(config.Logging, undefined);
    assert.equal(config.ViewerCertificate, undefined);
    template.resourceCountIs('AWS::S3::Bucket', 1);
  });
});

describe('CloudFront Function and KeyValueStore', () => {
  it('a cloudfront-js-2.0 function with the code of function/viewer-request.js, on viewer requests of the default behaviour', () => {
    const fn = only('AWS::CloudFront::Function').Properties;
    assert.equal(fn.FunctionConfig.Runtime, 'cloudfront-js-2.0');
    assert.equal(fn.FunctionCode, readFileSync(FUNCTION_FILE, 'utf8'));
    assert.equal(fn.AutoPublish, true);
    const [association] = distribution().DefaultCacheBehavior.FunctionAssociations;
    assert.equal(association.EventType, 'viewer-request');
    assert.deepEqual(association.FunctionARN, {
      'Fn::GetAtt': [
        Object.keys(template.findResources('AWS::CloudFront::Function'))[0],
        'FunctionARN',
      ],
    });
  });

  it('the function is associated with the redirects store', () => {
    const storeId = Object.keys(template.findResources('AWS::CloudFront::KeyValueStore'))[0];
    template.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionConfig: {
        KeyValueStoreAssociations: [{ KeyValueStoreARN: { 'Fn::GetAtt': [storeId, 'Arn'] } }],
      },
    });
  });

  it('the store imports every redirect of the export (keys as the function looks them up)', () => {
    const store = only('AWS::CloudFront::KeyValueStore').Properties;
    assert.equal(store.ImportSource.SourceType, 'S3');
    const assetHash = /([0-9a-f]{64})\.json/.exec(
      JSON.stringify(store.ImportSource.SourceArn),
    )?.[1];
    assert.ok(assetHash, 'the import source is a file asset');
    const file = path.join(app.synth().directory, `asset.${assetHash}.json`);
    const imported = JSON.parse(readFileSync(file, 'utf8')) as {
      data: { key: string; value: string }[];
    };
    assert.deepEqual(imported.data, storeEntries(readRedirects(fixtureDir())));
    assert.ok(
      imported.data.some(({ key }) => key.includes('%C3%A9')),
      'accented paths are stored encoded',
    );
  });

  it("the store's name changes with its data, since CloudFormation imports only when it creates a store", () => {
    const name = only('AWS::CloudFront::KeyValueStore').Properties.Name as string;
    assert.match(name, /^BlogSite-redirects-[0-9a-f]{12}$/);
    const other = bareExport({ redirects: '/old/ /posts/new/ 301\n' });
    const changed = synth({ siteDir: other }).template.findResources(
      'AWS::CloudFront::KeyValueStore',
    );
    assert.notEqual((Object.values(changed)[0] as Resource).Properties.Name, name);
  });

  it('an export without redirects gets an empty store (an empty import would fail)', () => {
    const empty = bareExport();
    const store = Object.values(
      synth({ siteDir: empty }).template.findResources('AWS::CloudFront::KeyValueStore'),
    )[0] as Resource;
    assert.equal(store.Properties.ImportSource, undefined);
  });

  it('a folder that is not an export stops the synth with a clear message', () => {
    const nothing = mkdtempSync(path.join(os.tmpdir(), 'export-'));
    assert.throws(
      () => synth({ siteDir: nothing }),
      /no export \(no index\.html\): build the site first/,
    );
  });
});

describe('response headers policy', () => {
  // deploy/security-headers.json with the fixture export's inline script hashes in the CSP.
  const headers = siteSecurityHeaders(fixtureDir());
  const config = () =>
    only('AWS::CloudFront::ResponseHeadersPolicy').Properties.ResponseHeadersPolicyConfig;

  it('is on every behaviour', () => {
    const id = Object.keys(template.findResources('AWS::CloudFront::ResponseHeadersPolicy'))[0];
    for (const behavior of [
      distribution().DefaultCacheBehavior,
      ...distribution().CacheBehaviors,
    ]) {
      assert.deepEqual(behavior.ResponseHeadersPolicyId, { Ref: id });
    }
  });

  it('sends deploy/security-headers.json, overriding the origin', () => {
    const security = config().SecurityHeadersConfig;
    assert.deepEqual(security.ContentSecurityPolicy, {
      ContentSecurityPolicy: headers['Content-Security-Policy'],
      Override: true,
    });
    assert.deepEqual(security.StrictTransportSecurity, {
      AccessControlMaxAgeSec: 63072000,
      IncludeSubdomains: true,
      Preload: false,
      Override: true,
    });
    assert.deepEqual(security.ContentTypeOptions, { Override: true });
    assert.deepEqual(security.ReferrerPolicy, {
      ReferrerPolicy: headers['Referrer-Policy'],
      Override: true,
    });
    assert.deepEqual(security.FrameOptions, {
      FrameOption: headers['X-Frame-Options'],
      Override: true,
    });
    assert.deepEqual(config().CustomHeadersConfig.Items, [
      { Header: 'Permissions-Policy', Value: headers['Permissions-Policy'], Override: true },
    ]);
  });

  it('the CSP forbids framing and allows WebAssembly (Pagefind) but no eval', () => {
    const csp = headers['Content-Security-Policy']!;
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /script-src [^;]*'wasm-unsafe-eval'/);
    assert.doesNotMatch(csp, /'unsafe-eval'/);
    assert.match(csp, /object-src 'none'/);
    assert.ok(
      csp.length <= MAX_CLOUDFRONT_CSP_LENGTH,
      'CloudFront accepts a CSP of at most 1783 characters',
    );
  });

  it("the CSP allows no inline script but the export's own: every hash of _csp-script-hashes.json, no 'unsafe-inline'", () => {
    const csp = config().SecurityHeadersConfig.ContentSecurityPolicy
      .ContentSecurityPolicy as string;
    const scriptSrc = csp
      .split('; ')
      .find((directive) => directive.startsWith('script-src '))!
      .split(' ')
      .slice(1);
    const hashes = readScriptHashes(fixtureDir());
    assert.ok(
      hashes.length >= 3,
      "the theme script, the search page's scripts and the fixture post's own script",
    );
    assert.deepEqual(scriptSrc, [
      "'self'",
      "'wasm-unsafe-eval'",
      ...hashes.map((hash) => `'${hash}'`),
    ]);
    assert.match(config().Comment, new RegExp(`${hashes.length} inline script hashes`));
  });

  it('an export without its script hashes, or with too many for CloudFront, stops the synth with a clear message', () => {
    const old = bareExport();
    rmSync(path.join(old, SCRIPT_HASHES_FILE));
    assert.throws(
      () => synth({ siteDir: old }),
      /_csp-script-hashes\.json is missing: .*npm run build/,
    );
    const many = Array.from(
      { length: 40 },
      (_, i) => `sha256-${Buffer.alloc(32, i).toString('base64')}`,
    );
    assert.throws(
      () => synth({ siteDir: bareExport({ scriptHashes: many }) }),
      /Content-Security-Policy is \d+ characters with the export's 40 inline script hashes; CloudFront accepts at most 1783/,
    );
    assert.doesNotThrow(() => synth({ siteDir: bareExport({ scriptHashes: many.slice(0, 20) }) }));
  });
});

describe('options from context', () => {
  const certificateArn =
    'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';

  it('custom domains with a us-east-1 certificate, SNI and TLS 1.2 at least', () => {
    const config = synth({
      domainNames: ['www.example.com', 'example.com'],
      certificateArn,
    }).template.toJSON();
    const dist = (Object.values(config.Resources) as { Type: string; Properties: Json }[]).find(
      (r) => r.Type === 'AWS::CloudFront::Distribution',
    )!;
    assert.deepEqual(dist.Properties.DistributionConfig.Aliases, [
      'www.example.com',
      'example.com',
    ]);
    assert.deepEqual(dist.Properties.DistributionConfig.ViewerCertificate, {
      AcmCertificateArn: certificateArn,
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
  });

  it('a domain without a certificate, or a certificate outside us-east-1, is refused', () => {
    assert.throws(() => synth({ domainNames: ['www.example.com'] }), /needs certificateArn/);
    assert.throws(
      () =>
        synth({
          domainNames: ['www.example.com'],
          certificateArn: certificateArn.replace('us-east-1', 'eu-west-1'),
        }),
      /us-east-1/,
    );
  });

  it('access logs go to a private bucket of their own, kept 90 days', () => {
    const logged = synth({ accessLogs: true }).template;
    logged.resourceCountIs('AWS::S3::Bucket', 2);
    logged.hasResourceProperties('AWS::S3::Bucket', {
      OwnershipControls: { Rules: [{ ObjectOwnership: 'ObjectWriter' }] },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 90 })] },
    });
    logged.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: { Logging: { Bucket: Match.anyValue(), Prefix: 'cloudfront/' } },
    });
  });
});

describe('offline synthesis', () => {
  it('needs no context lookup (nothing asks an AWS account)', () => {
    const assembly = app.synth();
    assert.equal(assembly.manifest.missing, undefined);
  });
});
