/**
 * Quire's pages load nothing from another origin: scripts, styles, fonts and images are the
 * blog's own. Next's inline bootstrap scripts and the avatars' inline colour need 'unsafe-inline';
 * comment HTML is sanitized before it is stored, so no script can arrive through a comment.
 * form-action names the two OAuth hosts because signing in with them redirects a form post there.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self' https://github.com https://accounts.google.com",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Types are checked by `npm run typecheck` (route types from `next typegen`, then tsc over the app,
  // tests and benchmarks), which `npm test` runs before it builds; checking them again here took
  // half of every build (about 20 s of 40 on 2 cores), for readers waiting on a first `npm start` too.
  typescript: { tsconfigPath: 'tsconfig.build.json', ignoreBuildErrors: true },
  // The database drivers are native or Node-only modules: load them from node_modules at run time.
  serverExternalPackages: ['better-sqlite3', 'pg', '@prisma/adapter-better-sqlite3', '@prisma/adapter-pg'],
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
