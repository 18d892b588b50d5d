import { beforeAll, describe, expect, it } from "vitest";
import { meta, seedActor } from "@/test/integration/actors";
import { enterpriseApplication, ensureReferenceRows } from "@/test/integration/applications";
import { dumpAsText } from "@/test/integration/sealed-values";
import { saveApplicationDraft } from "./save-application-draft";
import { submitApplication } from "./submit-application";

beforeAll(ensureReferenceRows);

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
