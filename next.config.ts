import type { NextConfig } from 'next';
import { availableParallelism } from 'node:os';
import { siteConfig } from './site.config';

const nextConfig: NextConfig = {
  // A static export: out/ is served as is by any static host, no Node server at run time.
  output: 'export',
  trailingSlash: true,
  basePath: siteConfig.basePath || undefined,
  images: { unoptimized: true },
  reactStrictMode: true,
  poweredByHeader: false,
  experimental: {
    // Page generation is most of a build: Next uses one worker fewer than the CPUs, which is a
    // single worker on a 2-core machine. Every core renders pages.
    cpus: availableParallelism(),
    // The server bundle holds the generated posts; its source map is tens of MB nobody reads.
    turbopackSourceMaps: false,
  },
  // `npm run typecheck` (run by `npm test` and CI) is the type gate; authors' builds skip the second check.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
