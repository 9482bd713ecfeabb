// Prisma CLI configuration. Quire keeps one schema and migration history per
// provider (prisma/sqlite, prisma/postgres) because Prisma's generated client and
// migration SQL are per provider; DATABASE_URL picks which one the CLI works on:
//   postgres:// or postgresql://  -> prisma/postgres
//   anything else (file:...)      -> prisma/sqlite
// Same default URL as the app (lib/db). `npm install` generates both clients via
// scripts/prisma-generate.mjs, and the app applies migrations itself on start
// (npm run db:migrate does the same by hand).
// To change the data model: edit the model blocks of both schema files alike, then
// create the migration once per provider, e.g.
//   DATABASE_URL=file:./data/dev.db npx prisma migrate dev --name what_changed
//   DATABASE_URL=postgresql://…/quire_dev npx prisma migrate dev --name what_changed
import process from 'node:process';
import { defineConfig } from 'prisma/config';

// Prisma 7 no longer reads .env itself; load it when present, as Next does for the app.
try {
  process.loadEnvFile();
} catch {
  // no .env file
}

const url = process.env.DATABASE_URL || 'file:./data/quire.db';
const provider = /^postgres(ql)?:\/\//i.test(url) ? 'postgres' : 'sqlite';

export default defineConfig({
  schema: `prisma/${provider}/schema.prisma`,
  migrations: { path: `prisma/${provider}/migrations` },
  datasource: { url },
});
