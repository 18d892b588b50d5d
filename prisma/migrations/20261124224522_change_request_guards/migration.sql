-- change_request_guards: hand-written migration (created empty by `npm run db:migrate -- change_request_guards --empty`).
-- Applied as one script, in order, inside the migration history; plpgsql $$ bodies are fine.


-- One open request per credit code at a time, whatever the merchant: two clerks submitting the
-- same business at once cannot both succeed (the application check alone could race).
CREATE UNIQUE INDEX "ChangeRequest_open_creditCode_key" ON "ChangeRequest" ("creditCode")
  WHERE "openMerchantId" IS NOT NULL AND "creditCode" IS NOT NULL;

-- Segregation of duties held by the database itself: maker, verifier and approvers are four
-- different people on every request, whatever path wrote it.
ALTER TABLE "ChangeRequest" ADD CONSTRAINT "ChangeRequest_verifier_not_maker"
  CHECK ("verifierId" IS NULL OR "verifierId" <> "makerId");
ALTER TABLE "ChangeRequest" ADD CONSTRAINT "ChangeRequest_approver_not_maker_or_verifier"
  CHECK ("approverId" IS NULL OR ("approverId" <> "makerId" AND "approverId" IS DISTINCT FROM "verifierId"));
ALTER TABLE "ChangeRequest" ADD CONSTRAINT "ChangeRequest_second_approver_distinct"
  CHECK ("secondApproverId" IS NULL OR ("secondApproverId" <> "makerId" AND "secondApproverId" IS DISTINCT FROM "verifierId" AND "secondApproverId" IS DISTINCT FROM "approverId"));

-- Only one terminal binding in force per terminal ID and per serial number.
CREATE UNIQUE INDEX "TerminalBinding_open_terminalId_key" ON "TerminalBinding" ("terminalId") WHERE "boundTo" IS NULL;
CREATE UNIQUE INDEX "TerminalBinding_open_serialNo_key" ON "TerminalBinding" ("serialNo") WHERE "boundTo" IS NULL;
