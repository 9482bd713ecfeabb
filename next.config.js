/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The database drivers are native or Node-only modules: load them from node_modules at run time.
  serverExternalPackages: ['better-sqlite3', 'pg', '@prisma/adapter-better-sqlite3', '@prisma/adapter-pg'],
};

export default nextConfig;
