-- CreateTable
CREATE TABLE "MaintenanceWindow" (
    "id" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "messageZh" TEXT NOT NULL,
    "messageEn" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelledAt" TIMESTAMP(3),
    "cancelledById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "MaintenanceWindow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MaintenanceSwitch" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "readOnly" BOOLEAN NOT NULL DEFAULT false,
    "changedAt" TIMESTAMP(3),
    "changedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "MaintenanceSwitch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MaintenanceWindow_endsAt_idx" ON "MaintenanceWindow"("endsAt");

-- The manual switch always exists, so mutations can lock it.
INSERT INTO "MaintenanceSwitch" ("id", "readOnly") VALUES (1, false) ON CONFLICT DO NOTHING;
