-- CreateEnum
CREATE TYPE "CardType" AS ENUM ('DEBIT', 'CREDIT', 'PREPAID');

-- CreateEnum
CREATE TYPE "MerchantType" AS ENUM ('ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'MICRO');

-- CreateEnum
CREATE TYPE "AccountType" AS ENUM ('CORPORATE', 'PERSONAL');

-- CreateEnum
CREATE TYPE "MerchantStatus" AS ENUM ('ONBOARDING', 'ACTIVE', 'SUSPENDED', 'CLOSED');

-- CreateEnum
CREATE TYPE "ReceivingAccountStatus" AS ENUM ('PENDING_CONFIRMATION', 'IN_FORCE', 'SUPERSEDED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ChangeKind" AS ENUM ('ONBOARD', 'UPDATE');

-- CreateEnum
CREATE TYPE "ChangeRequestStatus" AS ENUM ('AWAITING_VERIFICATION', 'AWAITING_APPROVAL', 'AWAITING_SECOND_APPROVAL', 'RETURNED', 'REJECTED', 'CANCELLED', 'PENDING_CONFIRMATION', 'EFFECTIVE');

-- CreateTable
CREATE TABLE "Mcc" (
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "riskLevel" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Mcc_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "BankCategory" (
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,

    CONSTRAINT "BankCategory_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "CardBin" (
    "prefix" TEXT NOT NULL,
    "bankName" TEXT NOT NULL,
    "cardType" "CardType" NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CardBin_pkey" PRIMARY KEY ("prefix")
);

-- CreateTable
CREATE TABLE "Merchant" (
    "id" TEXT NOT NULL,
    "merchantNo" TEXT,
    "status" "MerchantStatus" NOT NULL DEFAULT 'ONBOARDING',
    "version" INTEGER NOT NULL DEFAULT 0,
    "type" "MerchantType",
    "legalName" TEXT,
    "receiptName" TEXT,
    "creditCode" TEXT,
    "legalRepName" TEXT,
    "legalRepIdEnc" TEXT,
    "legalRepIdHash" TEXT,
    "legalRepIdLast4" TEXT,
    "phone" TEXT,
    "mcc" TEXT,
    "divisionCode" TEXT,
    "street" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "onboardedAt" TIMESTAMP(3),

    CONSTRAINT "Merchant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReceivingAccount" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "merchantVersion" INTEGER NOT NULL,
    "accountType" "AccountType" NOT NULL,
    "accountName" TEXT NOT NULL,
    "accountNoEnc" TEXT NOT NULL,
    "accountNoHash" TEXT NOT NULL,
    "accountLast4" TEXT NOT NULL,
    "bankCode" TEXT NOT NULL,
    "branchName" TEXT NOT NULL,
    "cnaps" TEXT NOT NULL,
    "thirdPartyAuthRef" TEXT,
    "thirdPartyAuthDate" TIMESTAMP(3),
    "status" "ReceivingAccountStatus" NOT NULL,
    "effectiveFrom" TIMESTAMP(3),
    "effectiveTo" TIMESTAMP(3),
    "changeRequestId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReceivingAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TerminalBinding" (
    "id" TEXT NOT NULL,
    "terminalId" TEXT NOT NULL,
    "serialNo" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "installAddress" TEXT NOT NULL,
    "boundFrom" TIMESTAMP(3) NOT NULL,
    "boundTo" TIMESTAMP(3),
    "changeRequestId" TEXT NOT NULL,

    CONSTRAINT "TerminalBinding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationDraft" (
    "id" TEXT NOT NULL,
    "makerId" TEXT NOT NULL,
    "merchantId" TEXT,
    "data" JSONB NOT NULL,
    "title" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "changeRequestId" TEXT,

    CONSTRAINT "ApplicationDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeRequest" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "kind" "ChangeKind" NOT NULL,
    "merchantId" TEXT NOT NULL,
    "openMerchantId" TEXT,
    "status" "ChangeRequestStatus" NOT NULL,
    "makerId" TEXT NOT NULL,
    "verifierId" TEXT,
    "approverId" TEXT,
    "secondApproverId" TEXT,
    "baseVersion" INTEGER NOT NULL,
    "proposal" JSONB NOT NULL,
    "creditCode" TEXT,
    "legalName" TEXT NOT NULL,
    "accountNoHash" TEXT NOT NULL,
    "accountLast4" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "mcc" TEXT NOT NULL,
    "divisionCode" TEXT NOT NULL,
    "merchantType" "MerchantType" NOT NULL,
    "terminalIds" TEXT[],
    "serialNos" TEXT[],
    "findings" JSONB,
    "version" INTEGER NOT NULL DEFAULT 1,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChangeRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Merchant_merchantNo_key" ON "Merchant"("merchantNo");

-- CreateIndex
CREATE UNIQUE INDEX "Merchant_creditCode_key" ON "Merchant"("creditCode");

-- CreateIndex
CREATE INDEX "Merchant_legalName_idx" ON "Merchant"("legalName");

-- CreateIndex
CREATE INDEX "Merchant_mcc_idx" ON "Merchant"("mcc");

-- CreateIndex
CREATE INDEX "Merchant_divisionCode_idx" ON "Merchant"("divisionCode");

-- CreateIndex
CREATE INDEX "Merchant_phone_idx" ON "Merchant"("phone");

-- CreateIndex
CREATE INDEX "ReceivingAccount_accountNoHash_idx" ON "ReceivingAccount"("accountNoHash");

-- CreateIndex
CREATE INDEX "ReceivingAccount_merchantId_effectiveFrom_idx" ON "ReceivingAccount"("merchantId", "effectiveFrom");

-- CreateIndex
CREATE INDEX "TerminalBinding_terminalId_boundFrom_idx" ON "TerminalBinding"("terminalId", "boundFrom");

-- CreateIndex
CREATE INDEX "TerminalBinding_serialNo_idx" ON "TerminalBinding"("serialNo");

-- CreateIndex
CREATE INDEX "TerminalBinding_merchantId_idx" ON "TerminalBinding"("merchantId");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationDraft_changeRequestId_key" ON "ApplicationDraft"("changeRequestId");

-- CreateIndex
CREATE INDEX "ApplicationDraft_makerId_updatedAt_idx" ON "ApplicationDraft"("makerId", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ChangeRequest_reference_key" ON "ChangeRequest"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "ChangeRequest_openMerchantId_key" ON "ChangeRequest"("openMerchantId");

-- CreateIndex
CREATE INDEX "ChangeRequest_status_submittedAt_idx" ON "ChangeRequest"("status", "submittedAt");

-- CreateIndex
CREATE INDEX "ChangeRequest_makerId_submittedAt_idx" ON "ChangeRequest"("makerId", "submittedAt");

-- CreateIndex
CREATE INDEX "ChangeRequest_accountNoHash_idx" ON "ChangeRequest"("accountNoHash");

-- CreateIndex
CREATE INDEX "ChangeRequest_creditCode_idx" ON "ChangeRequest"("creditCode");

-- AddForeignKey
ALTER TABLE "ReceivingAccount" ADD CONSTRAINT "ReceivingAccount_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TerminalBinding" ADD CONSTRAINT "TerminalBinding_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeRequest" ADD CONSTRAINT "ChangeRequest_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
