-- CreateEnum
CREATE TYPE "SpotCheckStrategy" AS ENUM ('SIMPLE', 'RISK_WEIGHTED', 'STRATIFIED_BY_MAKER');

-- CreateEnum
CREATE TYPE "SpotCheckCampaignStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "SpotCheckItemStatus" AS ENUM ('PENDING', 'DONE');

-- CreateEnum
CREATE TYPE "SpotCheckOutcome" AS ENUM ('CONFIRMED', 'DISCREPANCY', 'UNREACHABLE');

-- CreateTable
CREATE TABLE "SpotCheckCampaign" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "periodStart" TIMESTAMP(3) NOT NULL,
    "periodEnd" TIMESTAMP(3) NOT NULL,
    "population" JSONB NOT NULL,
    "sizing" JSONB NOT NULL,
    "strategy" "SpotCheckStrategy" NOT NULL,
    "seed" TEXT NOT NULL,
    "populationSize" INTEGER NOT NULL,
    "populationHash" TEXT NOT NULL,
    "sampleSize" INTEGER NOT NULL,
    "status" "SpotCheckCampaignStatus" NOT NULL DEFAULT 'OPEN',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "SpotCheckCampaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpotCheckItem" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "drawOrder" INTEGER NOT NULL,
    "merchantId" TEXT NOT NULL,
    "merchantVersion" INTEGER NOT NULL,
    "changeRequestId" TEXT NOT NULL,
    "makerId" TEXT NOT NULL,
    "verifierId" TEXT,
    "approverIds" TEXT[],
    "mcc" TEXT,
    "drawWeight" DOUBLE PRECISION NOT NULL,
    "assigneeId" TEXT,
    "status" "SpotCheckItemStatus" NOT NULL DEFAULT 'PENDING',
    "outcome" "SpotCheckOutcome",
    "checklist" JSONB,
    "note" TEXT,
    "checkedById" TEXT,
    "checkedAt" TIMESTAMP(3),
    "stale" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "SpotCheckItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SpotCheckCampaign_reference_key" ON "SpotCheckCampaign"("reference");

-- CreateIndex
CREATE INDEX "SpotCheckCampaign_status_createdAt_idx" ON "SpotCheckCampaign"("status", "createdAt");

-- CreateIndex
CREATE INDEX "SpotCheckItem_campaignId_drawOrder_idx" ON "SpotCheckItem"("campaignId", "drawOrder");

-- CreateIndex
CREATE INDEX "SpotCheckItem_assigneeId_status_idx" ON "SpotCheckItem"("assigneeId", "status");

-- CreateIndex
CREATE INDEX "SpotCheckItem_merchantId_idx" ON "SpotCheckItem"("merchantId");

-- CreateIndex
CREATE UNIQUE INDEX "SpotCheckItem_campaignId_merchantId_key" ON "SpotCheckItem"("campaignId", "merchantId");

-- AddForeignKey
ALTER TABLE "SpotCheckItem" ADD CONSTRAINT "SpotCheckItem_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "SpotCheckCampaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
