import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    environment: 'node',
    include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts', 'components/**/*.test.ts'],
    // Database tests create their own databases; give a cold PostgreSQL time to answer.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
