-- DropTable
DROP TABLE "ReconciliationMismatch";

-- CreateTable
CREATE UNLOGGED TABLE "ReconciliationRowGroup" (
    "runId" TEXT NOT NULL,
    "groupNo" INTEGER NOT NULL,
    "terminalId" TEXT NOT NULL,
    "merchantNo" TEXT NOT NULL,
    "payeeKey" TEXT NOT NULL,
    "accountLast4" TEXT NOT NULL,
    "accountHash" TEXT,
    "rowCount" INTEGER NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "firstAt" TIMESTAMP(3) NOT NULL,
    "lastAt" TIMESTAMP(3) NOT NULL,
    "firstLine" INTEGER NOT NULL,
    "kinds" "ReconciliationFindingKind"[],
    "merchantId" TEXT,

    CONSTRAINT "ReconciliationRowGroup_pkey" PRIMARY KEY ("runId","groupNo")
);

-- Staged rows and their groups are working data, rebuilt from the run's file: no write-ahead log
-- for them (decision 043). A database crash empties both tables; a run then finds its staged rows
-- missing by their count and stages the file again.
ALTER TABLE "ReconciliationRow" SET UNLOGGED;
