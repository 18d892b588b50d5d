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
    "lines" INTEGER[],

    CONSTRAINT "ReconciliationRowGroup_pkey" PRIMARY KEY ("runId","groupNo")
);
