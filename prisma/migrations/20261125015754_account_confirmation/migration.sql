-- CreateEnum
CREATE TYPE "ConfirmationOutcome" AS ENUM ('CONFIRMED', 'OBJECTED');

-- CreateEnum
CREATE TYPE "CaseKind" AS ENUM ('ACCOUNT_CHANGE_OBJECTION');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('OPEN', 'CLOSED');

-- AlterTable
ALTER TABLE "ChangeRequest" ADD COLUMN     "confirmedById" TEXT,
ADD COLUMN     "holdUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "MerchantVersion" ADD COLUMN     "restoresVersion" INTEGER;

-- CreateTable
CREATE TABLE "AccountConfirmation" (
    "id" TEXT NOT NULL,
    "changeRequestId" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "contactName" TEXT NOT NULL,
    "phoneUsed" TEXT NOT NULL,
    "contactedAt" TIMESTAMP(3) NOT NULL,
    "outcome" "ConfirmationOutcome" NOT NULL,
    "note" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccountConfirmation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "kind" "CaseKind" NOT NULL,
    "status" "CaseStatus" NOT NULL DEFAULT 'OPEN',
    "merchantId" TEXT,
    "changeRequestId" TEXT,
    "summary" TEXT NOT NULL,
    "details" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,
    "closedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AccountConfirmation_changeRequestId_key" ON "AccountConfirmation"("changeRequestId");

-- CreateIndex
CREATE UNIQUE INDEX "Case_reference_key" ON "Case"("reference");

-- CreateIndex
CREATE INDEX "Case_createdAt_id_idx" ON "Case"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Case_status_createdAt_id_idx" ON "Case"("status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Case_merchantId_idx" ON "Case"("merchantId");

-- CreateIndex
CREATE INDEX "Case_changeRequestId_idx" ON "Case"("changeRequestId");

-- CreateIndex
CREATE INDEX "ChangeRequest_status_holdUntil_id_idx" ON "ChangeRequest"("status", "holdUntil", "id");

-- AddForeignKey
ALTER TABLE "AccountConfirmation" ADD CONSTRAINT "AccountConfirmation_changeRequestId_fkey" FOREIGN KEY ("changeRequestId") REFERENCES "ChangeRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written guards (Prisma does not model these).
-- The clerk who records the confirmation call is never the request's maker, whatever path wrote it.
ALTER TABLE "ChangeRequest" ADD CONSTRAINT "ChangeRequest_confirmer_not_maker"
  CHECK ("confirmedById" IS NULL OR "confirmedById" <> "makerId");
-- A request pending confirmation always has the instant its hold ends: otherwise it would wait forever.
ALTER TABLE "ChangeRequest" ADD CONSTRAINT "ChangeRequest_pending_has_hold"
  CHECK ("status" <> 'PENDING_CONFIRMATION' OR "holdUntil" IS NOT NULL);
-- At most one account in force and one awaiting confirmation per merchant: a double-applied
-- confirmation or hold fails here instead of leaving two accounts to settle to.
CREATE UNIQUE INDEX "ReceivingAccount_one_in_force_key" ON "ReceivingAccount" ("merchantId") WHERE "status" = 'IN_FORCE';
CREATE UNIQUE INDEX "ReceivingAccount_one_pending_key" ON "ReceivingAccount" ("merchantId") WHERE "status" = 'PENDING_CONFIRMATION';
