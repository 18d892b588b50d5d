-- AlterTable
ALTER TABLE "ReconciliationRun" ADD COLUMN     "stagedRowsPurgedAt" TIMESTAMP(3);
