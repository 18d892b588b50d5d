-- CreateEnum
CREATE TYPE "WatchListKind" AS ENUM ('ACCOUNT_NO', 'RESIDENT_ID', 'CREDIT_CODE');

-- AlterTable
ALTER TABLE "ChangeRequest" ADD COLUMN     "decidedAt" TIMESTAMP(3),
ADD COLUMN     "decisionNote" TEXT,
ADD COLUMN     "highRisk" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "mismatchedFields" TEXT[],
ADD COLUMN     "riskFlags" JSONB;

-- CreateTable
CREATE TABLE "Verification" (
    "id" TEXT NOT NULL,
    "changeRequestId" TEXT NOT NULL,
    "verifierId" TEXT NOT NULL,
    "matched" BOOLEAN NOT NULL,
    "fields" JSONB NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Verification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MerchantVersion" (
    "merchantId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "changeRequestId" TEXT NOT NULL,
    "approvedById" TEXT NOT NULL,
    "approvedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MerchantVersion_pkey" PRIMARY KEY ("merchantId","version")
);

-- CreateTable
CREATE TABLE "WatchListEntry" (
    "id" TEXT NOT NULL,
    "kind" "WatchListKind" NOT NULL,
    "valueHash" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WatchListEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MerchantNoCounter" (
    "prefix" TEXT NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "MerchantNoCounter_pkey" PRIMARY KEY ("prefix")
);

-- CreateIndex
CREATE INDEX "Verification_changeRequestId_at_idx" ON "Verification"("changeRequestId", "at");

-- CreateIndex
CREATE INDEX "Verification_verifierId_at_idx" ON "Verification"("verifierId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "WatchListEntry_kind_valueHash_key" ON "WatchListEntry"("kind", "valueHash");

-- AddForeignKey
ALTER TABLE "Verification" ADD CONSTRAINT "Verification_changeRequestId_fkey" FOREIGN KEY ("changeRequestId") REFERENCES "ChangeRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
