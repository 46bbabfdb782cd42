/**
 * The security headers, written once in deploy/security-headers.json; the inline script
 * hashes of the export and the sources of its third-party services are added to the CSP by deploy/security-headers.mjs, the one place
 * that builds the policy for CloudFront and nginx alike.
 */
export {
  loadSecurityHeaders,
  readScriptHashes,
  SCRIPT_HASHES_FILE,
  SECURITY_HEADERS_FILE,
  siteSecurityHeaders,
  withScriptHashes,
  withSiteCsp,
} from '../../security-headers.mjs';

/** CloudFront refuses a response headers policy whose Content-Security-Policy is longer (TooLongCSPInResponseHeadersPolicy). */
export const MAX_CLOUDFRONT_CSP_LENGTH = 1783;
