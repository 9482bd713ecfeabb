#!/usr/bin/env node
// Placeholder for Prisma's native schema engine, used only by scripts/prisma-generate.mjs
// where the engine is not installed: `prisma generate` insists that an engine binary
// exists but never runs it. If anything does run this, say what to do instead.
process.stderr.write(
  "Prisma's schema engine is not installed here; Quire applies migrations itself: npm run db:migrate\n" +
    '(To use the prisma migrate/db commands, set PRISMA_SCHEMA_ENGINE_BINARY to a real schema-engine.)\n',
);
process.exit(1);
