import type { NextConfig } from 'next';
import { siteConfig } from './site.config';

const nextConfig: NextConfig = {
  // A static export: out/ is served as is by any static host, no Node server at run time.
  output: 'export',
  trailingSlash: true,
  basePath: siteConfig.basePath || undefined,
  images: { unoptimized: true },
  reactStrictMode: true,
  poweredByHeader: false,
};

export default nextConfig;
