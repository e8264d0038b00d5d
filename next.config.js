import { fileURLToPath } from 'node:url';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and heavy server-only packages stay out of the bundle and load from node_modules.
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', 'mathjax-full', 'pdfjs-dist'],
  poweredByHeader: false,
  compress: true,
  // Day lists and other cached pages live in memory, bounded, kept as bytes (see lib/isrCache.mjs).
  cacheHandler: fileURLToPath(new URL('./lib/isrCache.mjs', import.meta.url)),
  cacheMaxMemorySize: 0,
  // Lets several builds of one checkout coexist (parallel test runs); default .next.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // `npm test` type-checks the whole project once with tsc; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
