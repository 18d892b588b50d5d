-- AlterTable
ALTER TABLE "Merchant" ADD COLUMN     "inForceApprovedAt" TIMESTAMP(3),
ADD COLUMN     "inForceMakerId" TEXT,
ADD COLUMN     "inForceRiskWeight" DOUBLE PRECISION NOT NULL DEFAULT 0;

-- The risk weight of a change request's flags; the weights mirror RISK_SEVERITY_WEIGHTS in
-- lib/domain/sampling/risk-weight.ts (an integration test holds the two equal).
CREATE FUNCTION payeeguard_risk_weight(flags jsonb) RETURNS double precision
LANGUAGE sql IMMUTABLE AS $$
  SELECT COALESCE(SUM(CASE f->>'severity' WHEN 'high' THEN 9 WHEN 'medium' THEN 3 WHEN 'low' THEN 1 ELSE 0 END), 0)::double precision
  FROM jsonb_array_elements(CASE WHEN jsonb_typeof(flags) = 'array' THEN flags ELSE '[]'::jsonb END) AS f
$$;

-- Every new version becomes the one in force (versions only ever grow), so its maker, risk weight
-- and approval time are copied onto the merchant in the same transaction as the version itself.
CREATE FUNCTION payeeguard_merchant_in_force() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Merchant" m
     SET "inForceMakerId" = cr."makerId",
         "inForceRiskWeight" = payeeguard_risk_weight(cr."riskFlags"),
         "inForceApprovedAt" = NEW."approvedAt"
    FROM "ChangeRequest" cr
   WHERE m.id = NEW."merchantId" AND cr.id = NEW."changeRequestId";
  RETURN NULL;
END
$$;

CREATE TRIGGER merchant_version_in_force
AFTER INSERT ON "MerchantVersion"
FOR EACH ROW EXECUTE FUNCTION payeeguard_merchant_in_force();

UPDATE "Merchant" m
   SET "inForceMakerId" = cr."makerId",
       "inForceRiskWeight" = payeeguard_risk_weight(cr."riskFlags"),
       "inForceApprovedAt" = mv."approvedAt"
  FROM "MerchantVersion" mv
  JOIN "ChangeRequest" cr ON cr.id = mv."changeRequestId"
 WHERE mv."merchantId" = m.id AND mv.version = m.version;

-- A draw reads every drawable merchant in byte order of id: this index hands them over already
-- sorted and without touching the table (index-only scan), covering every population filter.
-- Partial (drawable merchants only), which also keeps the schema diff from claiming it.
CREATE INDEX "Merchant_draw_order_idx" ON "Merchant" (id COLLATE "C")
  INCLUDE (mcc, "divisionCode", "inForceMakerId", "inForceRiskWeight", "inForceApprovedAt")
  WHERE status = 'ACTIVE' AND version >= 1;
