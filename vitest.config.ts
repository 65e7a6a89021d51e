import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    projects: [
      { extends: true, plugins: [WxtVitest()], test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', setupFiles: ['tests/setup/i18n-english.ts', 'tests/setup/fake-storage-keys.ts'] } },
      { extends: true, plugins: [WxtVitest()], test: { name: 'dom', include: ['tests/dom/**/*.test.{ts,tsx}'], environment: 'jsdom', setupFiles: ['tests/setup/i18n-english.ts', 'tests/setup/fake-storage-keys.ts'] } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.spec.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
