-- AlterTable
ALTER TABLE "SpotCheckCampaign" ADD COLUMN     "scheduleId" TEXT,
ADD COLUMN     "schedulePeriod" TEXT;

-- CreateTable
CREATE TABLE "SpotCheckSchedule" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "dayOfMonth" INTEGER NOT NULL,
    "population" JSONB NOT NULL,
    "sizing" JSONB NOT NULL,
    "strategy" "SpotCheckStrategy" NOT NULL,
    "auditorIds" TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "SpotCheckSchedule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SpotCheckSchedule_reference_key" ON "SpotCheckSchedule"("reference");

-- CreateIndex
CREATE INDEX "SpotCheckSchedule_active_idx" ON "SpotCheckSchedule"("active");

-- CreateIndex
CREATE UNIQUE INDEX "SpotCheckCampaign_scheduleId_schedulePeriod_key" ON "SpotCheckCampaign"("scheduleId", "schedulePeriod");

-- AddForeignKey
ALTER TABLE "SpotCheckCampaign" ADD CONSTRAINT "SpotCheckCampaign_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "SpotCheckSchedule"("id") ON DELETE SET NULL ON UPDATE CASCADE;
