"use server";

import { requireActor } from "@/lib/server/auth/current-actor";
import { verifyAuditTrail } from "@/lib/server/audit/verify-audit-trail";
import { asActionResult } from "@/lib/server/errors";
import { currentRequestMeta } from "@/lib/server/request-meta";

export async function verifyAuditTrailAction() {
  return asActionResult(async () => verifyAuditTrail({ actor: await requireActor("audit:verify"), requestMeta: await currentRequestMeta() }), "read-only-safe");
}
