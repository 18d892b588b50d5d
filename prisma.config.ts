import path from "node:path";
import { defineConfig } from "prisma/config";

// `prisma generate` tries to download a native schema engine first; it never runs it, so any
// existing file satisfies it offline (see docs/decisions/002-prisma-without-downloads.md).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("package.json");

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
});
