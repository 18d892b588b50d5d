-- CreateIndex
CREATE INDEX "Verification_at_idx" ON "Verification"("at");
