import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const resolveShared = { alias: { '@shared': resolve(__dirname, 'src/shared') } };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: resolveShared,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/conformance/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve: resolveShared,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One engine, shared by every file: run files one after another.
          fileParallelism: false,
        },
      },
    ],
  },
});
