-- AlterTable
ALTER TABLE "ReconciliationRun" ADD COLUMN     "rawSeqFrom" BIGINT,
ADD COLUMN     "rawSeqTo" BIGINT;

-- CreateTable
-- Working data like the staged rows (decision 043): no write-ahead log. A run's rows are one range
-- of seq (decision 045); a block-range index finds it without the upkeep of a b-tree per row.
CREATE UNLOGGED TABLE "ReconciliationRawRow" (
    "seq" BIGSERIAL NOT NULL,
    "transactionTime" TEXT,
    "terminalId" TEXT,
    "merchantNo" TEXT,
    "payeeName" TEXT,
    "settlementAccount" TEXT,
    "amount" TEXT,
    "reference" TEXT
);

-- CreateIndex
CREATE INDEX "ReconciliationRawRow_seq_idx" ON "ReconciliationRawRow" USING BRIN ("seq");
