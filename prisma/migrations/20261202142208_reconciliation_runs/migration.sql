-- CreateEnum
CREATE TYPE "ReconciliationRunStatus" AS ENUM ('RECEIVING', 'STAGING', 'COMPARING', 'DONE', 'REFUSED', 'FAILED');

-- CreateEnum
CREATE TYPE "ReconciliationFindingKind" AS ENUM ('UNKNOWN_TERMINAL', 'TERMINAL_BOUND_TO_OTHER_MERCHANT', 'PAYEE_DIFFERS', 'ACCOUNT_DIFFERS', 'OUTSIDE_BINDING_PERIOD');

-- CreateTable
CREATE TABLE "ReconciliationRun" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "sizeBytes" BIGINT NOT NULL DEFAULT 0,
    "sha256" TEXT,
    "encoding" TEXT,
    "status" "ReconciliationRunStatus" NOT NULL DEFAULT 'RECEIVING',
    "refusalKey" TEXT,
    "refusalDetail" JSONB,
    "bytesRead" BIGINT NOT NULL DEFAULT 0,
    "rowsRead" INTEGER NOT NULL DEFAULT 0,
    "rowsStaged" INTEGER NOT NULL DEFAULT 0,
    "rowsRejected" INTEGER NOT NULL DEFAULT 0,
    "rowsCompared" INTEGER NOT NULL DEFAULT 0,
    "findingsCount" INTEGER NOT NULL DEFAULT 0,
    "mismatchRows" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "heartbeatAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ReconciliationRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReconciliationRow" (
    "runId" TEXT NOT NULL,
    "lineNumber" INTEGER NOT NULL,
    "transactionAt" TIMESTAMP(3) NOT NULL,
    "terminalId" TEXT NOT NULL,
    "merchantNo" TEXT NOT NULL,
    "payeeName" TEXT NOT NULL,
    "payeeKey" TEXT NOT NULL,
    "accountLast4" TEXT NOT NULL,
    "accountHash" TEXT,
    "amountFen" BIGINT NOT NULL,
    "reference" TEXT NOT NULL,

    CONSTRAINT "ReconciliationRow_pkey" PRIMARY KEY ("runId","lineNumber")
);

-- CreateTable
CREATE TABLE "ReconciliationRejectedRow" (
    "runId" TEXT NOT NULL,
    "lineNumber" INTEGER NOT NULL,
    "reasonKey" TEXT NOT NULL,
    "column" TEXT NOT NULL,
    "problems" JSONB NOT NULL,

    CONSTRAINT "ReconciliationRejectedRow_pkey" PRIMARY KEY ("runId","lineNumber")
);

-- CreateTable
CREATE TABLE "ReconciliationMismatch" (
    "runId" TEXT NOT NULL,
    "lineNumber" INTEGER NOT NULL,
    "kind" "ReconciliationFindingKind" NOT NULL,
    "merchantId" TEXT,

    CONSTRAINT "ReconciliationMismatch_pkey" PRIMARY KEY ("runId","lineNumber","kind")
);

-- CreateTable
CREATE TABLE "ReconciliationFinding" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "kind" "ReconciliationFindingKind" NOT NULL,
    "terminalId" TEXT NOT NULL,
    "merchantNo" TEXT NOT NULL,
    "merchantId" TEXT,
    "rowCount" INTEGER NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "firstLine" INTEGER NOT NULL,
    "caseId" TEXT,
    "spotCheckItemId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ReconciliationFinding_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReconciliationRun_reference_key" ON "ReconciliationRun"("reference");

-- CreateIndex
CREATE INDEX "ReconciliationRun_startedAt_id_idx" ON "ReconciliationRun"("startedAt", "id");

-- CreateIndex
CREATE INDEX "ReconciliationRun_status_startedAt_id_idx" ON "ReconciliationRun"("status", "startedAt", "id");

-- CreateIndex
CREATE INDEX "ReconciliationFinding_runId_kind_terminalId_merchantNo_idx" ON "ReconciliationFinding"("runId", "kind", "terminalId", "merchantNo");

-- CreateIndex
CREATE INDEX "ReconciliationFinding_runId_terminalId_idx" ON "ReconciliationFinding"("runId", "terminalId");

-- CreateIndex
CREATE INDEX "ReconciliationFinding_runId_merchantNo_idx" ON "ReconciliationFinding"("runId", "merchantNo");
