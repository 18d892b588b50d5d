import { defineConfig } from "vitest/config";
import path from "node:path";

const alias = { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "test/server-only-stub.ts") };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        // Generous timeouts: property tests and the wasm migration test are CPU-bound on 2 cores.
        test: { name: "unit", include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "i18n/**/*.test.ts", "components/**/*.test.ts"], exclude: ["**/*.int.test.ts"], environment: "node", testTimeout: 60_000 },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["lib/**/*.int.test.ts", "test/integration/**/*.int.test.ts"],
          environment: "node",
          setupFiles: ["test/integration/setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        // Real app processes (the production build) on PostgreSQL: load, crashes, two instances.
        test: { name: "system", include: ["test/system/**/*.sys.test.ts"], environment: "node", setupFiles: ["test/system/setup.ts"], testTimeout: 1_200_000, hookTimeout: 300_000, fileParallelism: false },
      },
    ],
  },
});
