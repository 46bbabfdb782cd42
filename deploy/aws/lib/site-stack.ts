/**
 * The blog on AWS: a private S3 bucket read by CloudFront through Origin Access
 * Control, and a distribution that maps pretty URLs, answers old permalinks with 301
 * (a CloudFront Function + KeyValueStore), serves 404.html with status 404, and adds the
 * security headers of deploy/security-headers.json, with the export's inline script hashes
 * in the CSP (read at synth time, like the redirects). Files are uploaded by
 * scripts/upload.ts, not by CloudFormation.
 */
import path from 'node:path';
import {
  Annotations,
  CfnOutput,
  Duration,
  RemovalPolicy,
  Stack,
  type StackProps,
} from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { IMMUTABLE, SHORT } from './object-headers';
import { contentHash, readRedirects, storeEntries, storeImportJson } from './redirect-store';
import {
  loadSecurityHeaders,
  MAX_CLOUDFRONT_CSP_LENGTH,
  readScriptHashes,
  SCRIPT_HASHES_FILE,
  withSiteCsp,
} from './security-headers';

export const FUNCTION_FILE = path.resolve(import.meta.dirname, '../function/viewer-request.js');

export interface SiteStackProps extends StackProps {
  /** The export (out/): its `_redirects` fills the KeyValueStore, its `_csp-script-hashes.json` goes into the CSP. */
  siteDir: string;
  /** Custom domain names (CNAMEs); they need `certificateArn`. */
  domainNames?: string[];
  /** An ACM certificate in us-east-1 covering `domainNames`. */
  certificateArn?: string;
  /** CloudFront standard access logs to a bucket of their own, kept 90 days. */
  accessLogs?: boolean;
  securityHeadersFile?: string;
}

const seconds = (cacheControl: string) => Number(/max-age=(\d+)/.exec(cacheControl)?.[1]);

export class SiteStack extends Stack {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;

  constructor(scope: Construct, id: string, props: SiteStackProps) {
    super(scope, id, props);
    const { domainNames = [], certificateArn } = props;
    if (domainNames.length > 0 && !certificateArn)
      throw new Error('domainName needs certificateArn (an ACM certificate in us-east-1)');
    if (certificateArn && !certificateArn.startsWith('arn:aws:acm:us-east-1:')) {
      throw new Error(
        `certificateArn must be an ACM certificate in us-east-1 (CloudFront reads them only there), got ${certificateArn}`,
      );
    }

    this.bucket = new s3.Bucket(this, 'SiteBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      // Versions replaced by a deploy are only a rollback aid.
      lifecycleRules: [
        {
          noncurrentVersionExpiration: Duration.days(30),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // A store's import runs only when it is created, so the name carries the data's
    // hash: new redirects make CloudFormation create a new store, point the function
    // at it and delete the old one.
    const entries = storeEntries(readRedirects(props.siteDir));
    const importJson = storeImportJson(entries);
    const redirects = new cloudfront.KeyValueStore(this, 'Redirects', {
      keyValueStoreName: `${this.stackName.slice(0, 40)}-redirects-${contentHash(importJson)}`,
      comment: `${entries.length} old URLs from the export's _redirects`,
      // An import of an empty list fails, so a site without redirects gets an empty store.
      source: entries.length > 0 ? cloudfront.ImportSource.fromInline(importJson) : undefined,
    });

    const viewerRequest = new cloudfront.Function(this, 'ViewerRequest', {
      comment: 'Old permalinks -> 301; /x/ and /x -> /x/index.html',
      code: cloudfront.FunctionCode.fromFile({ filePath: FUNCTION_FILE }),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      keyValueStore: redirects,
    });

    // One policy for every page, so it lists the hashes of every inline script of the export.
    const scriptHashes = readScriptHashes(props.siteDir);
    const headers = withSiteCsp(loadSecurityHeaders(props.securityHeadersFile), props.siteDir);
    const csp = headers['Content-Security-Policy'] ?? '';
    if (csp.length > MAX_CLOUDFRONT_CSP_LENGTH) {
      throw new Error(
        `the Content-Security-Policy is ${csp.length} characters with the export's ${scriptHashes.length} inline script hashes; ` +
          `CloudFront accepts at most ${MAX_CLOUDFRONT_CSP_LENGTH}. ${path.join(props.siteDir, SCRIPT_HASHES_FILE)} names the pages of each script: ` +
          'move the scripts of posts into files under public/ and load them with <script src>',
      );
    }
    const headersPolicy = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: `deploy/security-headers.json + ${scriptHashes.length} inline script hashes`,
      ...responseHeadersBehaviors(headers),
    });

    const compressed = { enableAcceptEncodingGzip: true, enableAcceptEncodingBrotli: true };
    const pagesPolicy = new cloudfront.CachePolicy(this, 'PagesCache', {
      comment:
        'Pages and other unhashed files: minutes (objects say max-age=300); deploys invalidate changed HTML',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(seconds(SHORT)),
      maxTtl: Duration.days(1),
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.none(),
      headerBehavior: cloudfront.CacheHeaderBehavior.none(),
      cookieBehavior: cloudfront.CacheCookieBehavior.none(),
      ...compressed,
    });
    const immutablePolicy = new cloudfront.CachePolicy(this, 'HashedAssetsCache', {
      comment: '/_next/static/*: content-hashed names, cached a year',
      minTtl: Duration.seconds(seconds(IMMUTABLE)),
      defaultTtl: Duration.seconds(seconds(IMMUTABLE)),
      maxTtl: Duration.seconds(seconds(IMMUTABLE)),
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.none(),
      headerBehavior: cloudfront.CacheHeaderBehavior.none(),
      cookieBehavior: cloudfront.CacheCookieBehavior.none(),
      ...compressed,
    });

    // LIST lets S3 answer 404 (not 403) for a missing key, so the 404 mapping below is the real one.
    const origin = origins.S3BucketOrigin.withOriginAccessControl(this.bucket, {
      originAccessLevels: [cloudfront.AccessLevel.READ, cloudfront.AccessLevel.LIST],
    });
    const behavior = {
      origin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
      cachedMethods: cloudfront.CachedMethods.CACHE_GET_HEAD,
      compress: true,
      responseHeadersPolicy: headersPolicy,
    };

    const logBucket = props.accessLogs
      ? new s3.Bucket(this, 'AccessLogs', {
          blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
          // CloudFront standard logs are written with an ACL.
          objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
          encryption: s3.BucketEncryption.S3_MANAGED,
          enforceSSL: true,
          lifecycleRules: [{ expiration: Duration.days(90) }],
          removalPolicy: RemovalPolicy.RETAIN,
        })
      : undefined;

    const notFound = (httpStatus: number): cloudfront.ErrorResponse => ({
      httpStatus,
      responseHttpStatus: 404,
      responsePagePath: '/404.html',
      ttl: Duration.minutes(1),
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `${this.stackName}: static blog`,
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      enableIpv6: true,
      // North America and Europe edges only: the cheapest class; readers elsewhere are served from the nearest of those.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      // Only a custom certificate has a choice; the *.cloudfront.net one is fixed by AWS.
      minimumProtocolVersion: certificateArn
        ? cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021
        : undefined,
      domainNames: domainNames.length > 0 ? domainNames : undefined,
      certificate: certificateArn
        ? acm.Certificate.fromCertificateArn(this, 'Certificate', certificateArn)
        : undefined,
      defaultBehavior: {
        ...behavior,
        cachePolicy: pagesPolicy,
        functionAssociations: [
          { function: viewerRequest, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
        ],
      },
      additionalBehaviors: {
        '/_next/static/*': { ...behavior, cachePolicy: immutablePolicy },
      },
      errorResponses: [notFound(404), notFound(403)],
      enableLogging: Boolean(logBucket),
      logBucket,
      logFilePrefix: logBucket ? 'cloudfront/' : undefined,
    });

    Annotations.of(this).acknowledgeWarning(
      '@aws-cdk/aws-cloudfront-origins:listBucketSecurityRisk',
      'defaultRootObject is index.html and the viewer-request function maps every folder URL to its index.html, so no request reaches a bucket listing',
    );

    new CfnOutput(this, 'BucketName', { value: this.bucket.bucketName });
    new CfnOutput(this, 'DistributionId', { value: this.distribution.distributionId });
    new CfnOutput(this, 'DistributionDomainName', {
      value: this.distribution.distributionDomainName,
    });
    new CfnOutput(this, 'RedirectCount', { value: String(entries.length) });
  }
}

/**
 * deploy/security-headers.json as a response headers policy: the headers CloudFront
 * knows as security headers go to securityHeadersBehavior (which has typed fields for
 * them), any other to customHeadersBehavior. Origin values never win (override: true).
 */
export function responseHeadersBehaviors(
  headers: Record<string, string>,
): Pick<
  cloudfront.ResponseHeadersPolicyProps,
  'securityHeadersBehavior' | 'customHeadersBehavior'
> {
  const security: {
    -readonly [
      K in keyof cloudfront.ResponseSecurityHeadersBehavior
    ]: cloudfront.ResponseSecurityHeadersBehavior[K];
  } = {};
  const custom: cloudfront.ResponseCustomHeader[] = [];
  for (const [name, value] of Object.entries(headers)) {
    switch (name.toLowerCase()) {
      case 'content-security-policy':
        security.contentSecurityPolicy = { contentSecurityPolicy: value, override: true };
        break;
      case 'strict-transport-security': {
        const maxAge = /(?:^|;)\s*max-age=(\d+)/i.exec(value)?.[1];
        if (!maxAge) throw new Error(`Strict-Transport-Security "${value}" has no max-age`);
        security.strictTransportSecurity = {
          accessControlMaxAge: Duration.seconds(Number(maxAge)),
          includeSubdomains: /;\s*includeSubDomains\b/i.test(value),
          preload: /;\s*preload\b/i.test(value),
          override: true,
        };
        break;
      }
      case 'x-content-type-options':
        if (value.toLowerCase() !== 'nosniff')
          throw new Error(`X-Content-Type-Options can only be nosniff, got ${value}`);
        security.contentTypeOptions = { override: true };
        break;
      case 'referrer-policy': {
        const policy = Object.values(cloudfront.HeadersReferrerPolicy).find(
          (known) => known === value.toLowerCase(),
        );
        if (!policy) throw new Error(`Referrer-Policy "${value}" is not one CloudFront supports`);
        security.referrerPolicy = { referrerPolicy: policy, override: true };
        break;
      }
      case 'x-frame-options': {
        const option = Object.values(cloudfront.HeadersFrameOption).find(
          (known) => known === value.toUpperCase(),
        );
        if (!option) throw new Error(`X-Frame-Options "${value}" is not DENY or SAMEORIGIN`);
        security.frameOptions = { frameOption: option, override: true };
        break;
      }
      default:
        custom.push({ header: name, value, override: true });
    }
  }
  return {
    securityHeadersBehavior: security,
    customHeadersBehavior: custom.length > 0 ? { customHeaders: custom } : undefined,
  };
}
