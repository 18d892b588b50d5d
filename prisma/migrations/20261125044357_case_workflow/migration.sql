-- CreateEnum
CREATE TYPE "CasePriority" AS ENUM ('LOW', 'NORMAL', 'HIGH');

-- CreateEnum
CREATE TYPE "CaseOutcome" AS ENUM ('CORRECTED', 'NO_ISSUE', 'FRAUD_CONFIRMED', 'REFERRED', 'DUPLICATE');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "CaseKind" ADD VALUE 'SPOT_CHECK_DISCREPANCY';
ALTER TYPE "CaseKind" ADD VALUE 'CARDHOLDER_REPORT';
ALTER TYPE "CaseKind" ADD VALUE 'RECONCILIATION_FINDING';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "CaseStatus" ADD VALUE 'TRIAGED';
ALTER TYPE "CaseStatus" ADD VALUE 'IN_PROGRESS';

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "assigneeId" TEXT,
ADD COLUMN     "closedById" TEXT,
ADD COLUMN     "outcome" "CaseOutcome",
ADD COLUMN     "outcomeNote" TEXT,
ADD COLUMN     "priority" "CasePriority" NOT NULL DEFAULT 'NORMAL',
ADD COLUMN     "spotCheckItemId" TEXT,
ADD COLUMN     "terminalId" TEXT;

-- AlterTable
ALTER TABLE "ChangeRequest" ADD COLUMN     "caseId" TEXT;

-- CreateTable
CREATE TABLE "CaseNote" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CaseNote_caseId_createdAt_idx" ON "CaseNote"("caseId", "createdAt");

-- CreateIndex
CREATE INDEX "Case_kind_createdAt_id_idx" ON "Case"("kind", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Case_assigneeId_status_idx" ON "Case"("assigneeId", "status");

-- CreateIndex
CREATE INDEX "Case_spotCheckItemId_idx" ON "Case"("spotCheckItemId");

-- CreateIndex
CREATE INDEX "ChangeRequest_caseId_idx" ON "ChangeRequest"("caseId");

-- AddForeignKey
ALTER TABLE "CaseNote" ADD CONSTRAINT "CaseNote_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
