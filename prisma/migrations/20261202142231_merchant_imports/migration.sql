-- CreateTable
CREATE TABLE "MerchantImport" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "makerId" TEXT NOT NULL,
    "rowsRead" INTEGER NOT NULL,
    "accepted" INTEGER NOT NULL,
    "rejected" INTEGER NOT NULL,
    "requests" JSONB NOT NULL,
    "rejections" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MerchantImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MerchantImport_reference_key" ON "MerchantImport"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "MerchantImport_sha256_key" ON "MerchantImport"("sha256");

-- CreateIndex
CREATE INDEX "MerchantImport_createdAt_id_idx" ON "MerchantImport"("createdAt", "id");
