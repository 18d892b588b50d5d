-- CreateIndex
CREATE INDEX "ChangeRequest_submittedAt_id_idx" ON "ChangeRequest"("submittedAt", "id");

-- CreateIndex
CREATE INDEX "Merchant_updatedAt_id_idx" ON "Merchant"("updatedAt", "id");

-- Prefix search by name ("LIKE 'abc%'") can use a btree index only when built with
-- text_pattern_ops (the database collation is not C). Partial, so the schema diff leaves them be;
-- a LIKE on the column implies IS NOT NULL, so the planner still uses them.
CREATE INDEX "Merchant_legalName_prefix_idx" ON "Merchant" ("legalName" text_pattern_ops) WHERE "legalName" IS NOT NULL;
CREATE INDEX "Merchant_receiptName_prefix_idx" ON "Merchant" ("receiptName" text_pattern_ops) WHERE "receiptName" IS NOT NULL;
CREATE INDEX "ChangeRequest_legalName_prefix_idx" ON "ChangeRequest" ("legalName" text_pattern_ops) WHERE "legalName" IS NOT NULL;
