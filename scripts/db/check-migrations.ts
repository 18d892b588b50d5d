// `tsx scripts/db/check-migrations.ts`: exits 1 when prisma/schema.prisma and the committed
// migrations disagree (a forgotten `npm run db:migrate`), or when a committed migration does not
// apply on a fresh database. For CI; offline, on an in-memory PGlite.
import path from "node:path";
import { diffMigrationsToSchema } from "./schema-engine";

async function main(): Promise<number> {
  const root = process.cwd();
  const diff = await diffMigrationsToSchema(
    path.join(root, "prisma", "schema.prisma"),
    path.join(root, "prisma", "migrations"),
  );
  if (diff.empty) {
    console.log("schema.prisma and prisma/migrations agree");
    return 0;
  }
  console.error("schema.prisma has changes that no committed migration covers.");
  console.error("Author one with `npm run db:migrate -- <name>` and commit it. Missing SQL:\n");
  console.error(diff.sql.trimEnd());
  return 1;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error("could not check the migrations:", error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
