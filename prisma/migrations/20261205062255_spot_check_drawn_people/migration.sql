-- AlterTable
ALTER TABLE "Merchant" ADD COLUMN     "inForceApproverId" TEXT,
ADD COLUMN     "inForceChangeRequestId" TEXT,
ADD COLUMN     "inForceSecondApproverId" TEXT,
ADD COLUMN     "inForceVerifierId" TEXT;

-- The trigger of decision 011 now also copies the change request of the version in force and its
-- verifier and approvers: approval sets them on the request before it inserts the version
-- (approveInTransaction: moveRequest, then the version), so they are final when this fires.
CREATE OR REPLACE FUNCTION payeeguard_merchant_in_force() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Merchant" m
     SET "inForceMakerId" = cr."makerId",
         "inForceRiskWeight" = payeeguard_risk_weight(cr."riskFlags"),
         "inForceApprovedAt" = NEW."approvedAt",
         "inForceChangeRequestId" = cr.id,
         "inForceVerifierId" = cr."verifierId",
         "inForceApproverId" = cr."approverId",
         "inForceSecondApproverId" = cr."secondApproverId"
    FROM "ChangeRequest" cr
   WHERE m.id = NEW."merchantId" AND cr.id = NEW."changeRequestId";
  RETURN NULL;
END
$$;

UPDATE "Merchant" m
   SET "inForceChangeRequestId" = cr.id,
       "inForceVerifierId" = cr."verifierId",
       "inForceApproverId" = cr."approverId",
       "inForceSecondApproverId" = cr."secondApproverId"
  FROM "MerchantVersion" mv
  JOIN "ChangeRequest" cr ON cr.id = mv."changeRequestId"
 WHERE mv."merchantId" = m.id AND mv.version = m.version;
