// `npm run db:migrate -- <name> [--empty]`: authors prisma/migrations/<timestamp>_<name>/migration.sql
// offline, from the difference between the committed migrations and prisma/schema.prisma.
// With --empty it writes an empty migration for hand-written SQL (triggers, data fixes).
// It never touches a real database: apply migrations with `npm run db:deploy`.
import { access, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { diffMigrationsToSchema, MIGRATION_LOCK } from "./schema-engine";

export interface AuthorOptions {
  /** Project root holding prisma/schema.prisma and prisma/migrations. */
  root: string;
  name: string;
  empty?: boolean;
  now?: Date;
}

export type AuthorResult = { written: false } | { written: true; file: string; sql: string };

/** `init` → `init`; `Add payee IBAN!` → `add_payee_iban`. */
export function migrationSlug(name: string): string {
  const slug = name.trim().toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 100);
  if (!slug) throw new Error(`invalid migration name ${JSON.stringify(name)}: use letters, digits and _`);
  return slug;
}

/** UTC YYYYMMDDHHMMSS, like `prisma migrate dev`. */
export function migrationTimestamp(now: Date): string {
  return now.toISOString().replace(/\D/g, "").slice(0, 14);
}

export async function authorMigration({ root, name, empty = false, now = new Date() }: AuthorOptions): Promise<AuthorResult> {
  const slug = migrationSlug(name);
  const migrationsDir = path.join(root, "prisma", "migrations");
  const diff = await diffMigrationsToSchema(path.join(root, "prisma", "schema.prisma"), migrationsDir);
  if (diff.empty && !empty) return { written: false };
  if (!diff.empty && empty) {
    console.warn("warning: schema.prisma has changes no migration covers yet; author them first (without --empty).");
  }

  const sql = empty
    ? `-- ${slug}: hand-written migration (created empty by \`npm run db:migrate -- ${name} --empty\`).\n` +
      "-- Applied as one script, in order, inside the migration history; plpgsql $$ bodies are fine.\n\n"
    : diff.sql;
  const dir = path.join(migrationsDir, `${migrationTimestamp(now)}_${slug}`);
  await mkdir(migrationsDir, { recursive: true });
  await mkdir(dir); // fails rather than overwrite an existing migration
  const file = path.join(dir, "migration.sql");
  await writeFile(file, sql);
  const lockFile = path.join(migrationsDir, "migration_lock.toml");
  if (!(await access(lockFile).then(() => true, () => false))) await writeFile(lockFile, MIGRATION_LOCK);
  return { written: true, file, sql };
}

async function main(argv: string[]): Promise<number> {
  const empty = argv.includes("--empty");
  const names = argv.filter((arg) => arg !== "--empty");
  if (names.length !== 1 || names[0]!.startsWith("-")) {
    console.error("usage: npm run db:migrate -- <name> [--empty]");
    return 2;
  }
  const root = process.cwd();
  const result = await authorMigration({ root, name: names[0]!, empty });
  if (!result.written) {
    console.log("schema and migrations agree; nothing to write");
  } else {
    console.log(path.relative(root, result.file));
  }
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
