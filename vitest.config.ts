import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/support/tempRoot.ts"],
    // Build and browser tests spawn whole builds and a real Chromium: give them room.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Builds are CPU-heavy; two at once is what our 2-core machines take well.
    maxWorkers: 2,
  },
});
