-- AlterTable
ALTER TABLE "ReconciliationRow" ADD COLUMN     "groupNo" INTEGER;

-- CreateTable
CREATE TABLE "ReconciliationRowGroup" (
    "runId" TEXT NOT NULL,
    "groupNo" INTEGER NOT NULL,
    "terminalId" TEXT NOT NULL,
    "merchantNo" TEXT NOT NULL,
    "payeeKey" TEXT NOT NULL,
    "accountLast4" TEXT NOT NULL,
    "accountHash" TEXT,
    "firstAt" TIMESTAMP(3) NOT NULL,
    "lastAt" TIMESTAMP(3) NOT NULL,
    "firstLine" INTEGER NOT NULL,
    "rowCount" INTEGER NOT NULL,

    CONSTRAINT "ReconciliationRowGroup_pkey" PRIMARY KEY ("runId","groupNo")
);

-- CreateIndex
CREATE INDEX "ReconciliationRow_runId_groupNo_idx" ON "ReconciliationRow"("runId", "groupNo");
