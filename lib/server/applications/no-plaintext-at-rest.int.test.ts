import { beforeAll, describe, expect, it } from "vitest";
import { database } from "@/lib/server/db";
import { meta, seedActor } from "@/test/integration/actors";
import { enterpriseApplication, ensureReferenceRows } from "@/test/integration/applications";
import { saveApplicationDraft } from "./save-application-draft";
import { submitApplication } from "./submit-application";

beforeAll(ensureReferenceRows);

/** Every row of every table as text: what a database dump would contain. */
async function dumpAsText() {
  const { sql } = await database();
  const tables = await sql.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
  const parts: string[] = [];
  for (const { tablename } of tables) {
    const rows = await sql.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${tablename}" t`);
    parts.push(...rows.map((r) => r.row));
  }
  return parts.join("\n");
}

describe("sensitive numbers at rest", () => {
  it("no account number or resident ID appears in plaintext anywhere in the database", async () => {
    const clerk = await seedActor("CLERK");
    const submitted = enterpriseApplication();
    const drafted = enterpriseApplication();
    await submitApplication({ actor: clerk, input: { data: submitted }, requestMeta: meta() });
    await saveApplicationDraft({ actor: clerk, input: { data: drafted }, requestMeta: meta() });
    const dump = await dumpAsText();
    expect(dump).toContain(submitted.merchant.legalName); // the dump is real: names are there
    for (const secret of [submitted.account.accountNo, submitted.merchant.legalRepId, drafted.account.accountNo, drafted.merchant.legalRepId]) {
      expect(dump).not.toContain(secret);
    }
  });
});
