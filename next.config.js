/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and heavy server-only packages stay out of the bundle and load from node_modules.
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', 'mathjax-full', 'pdfjs-dist'],
  poweredByHeader: false,
  compress: true,
};

export default nextConfig;
