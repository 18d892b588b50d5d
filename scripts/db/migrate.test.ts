import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorMigration } from "./migrate";
import { diffMigrationsToSchema } from "./schema-engine";

const schema = (extra = "") => `datasource db {
  provider = "postgresql"
}

model Payee {
  id   Int    @id @default(autoincrement())
  name String${extra}
}
`;

let root: string;
const schemaPath = () => path.join(root, "prisma", "schema.prisma");
const migrationsDir = () => path.join(root, "prisma", "migrations");

async function addMigration(dirName: string, sql: string): Promise<void> {
  await mkdir(path.join(migrationsDir(), dirName), { recursive: true });
  await writeFile(path.join(migrationsDir(), dirName, "migration.sql"), sql);
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "payeeguard-migrate-"));
  await mkdir(path.join(root, "prisma"));
  await writeFile(schemaPath(), schema());
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("db:migrate (wasm schema engine, in-memory PGlite shadow)", () => {
  it("authors the initial migration, then only the ALTER for a new column", async () => {
    const first = await authorMigration({ root, name: "init", now: new Date("2030-01-01T00:00:00Z") });
    if (!first.written) throw new Error("expected an init migration");
    expect(path.relative(root, first.file)).toBe(path.join("prisma", "migrations", "20300101000000_init", "migration.sql"));
    expect(first.sql).toContain('CREATE TABLE "Payee"');
    expect(await readFile(path.join(migrationsDir(), "migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');

    expect(await authorMigration({ root, name: "again" })).toEqual({ written: false });

    await writeFile(schemaPath(), schema("\n  iban String?"));
    const second = await authorMigration({ root, name: "add iban", now: new Date("2030-01-02T00:00:00Z") });
    if (!second.written) throw new Error("expected a second migration");
    expect(path.basename(path.dirname(second.file))).toBe("20300102000000_add_iban");
    const statements = second.sql.split("\n").filter((line) => line.trim() && !line.startsWith("--"));
    expect(statements).toEqual(['ALTER TABLE "Payee" ADD COLUMN     "iban" TEXT;']);
  }, 240_000);

  it("applies a plpgsql $$ body as one script, and reports a migration that fails", async () => {
    await addMigration(
      "20300103000000_trigger",
      `CREATE FUNCTION payee_name_upper() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.name := upper(NEW.name);
  RETURN NEW;
END;
$$;
CREATE TRIGGER payee_name_upper BEFORE INSERT ON "Payee" FOR EACH ROW EXECUTE FUNCTION payee_name_upper();
`,
    );
    expect(await diffMigrationsToSchema(schemaPath(), migrationsDir())).toMatchObject({ empty: true });

    await addMigration("20300104000000_broken", 'INSERT INTO "Payee" ("name") VALUES (NULL);\n');
    await expect(diffMigrationsToSchema(schemaPath(), migrationsDir())).rejects.toThrow(
      /20300104000000_broken.*failed to apply/s,
    );
  }, 240_000);
});
