import "server-only";
import { decide } from "@/lib/domain/workflow/change-request-machine";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { prisma } from "@/lib/server/db";
import { UseCaseError } from "@/lib/server/errors";
import { logger } from "@/lib/server/logger";
import { readOnlyState } from "@/lib/server/maintenance/read-only-now";
import { SYSTEM_META } from "@/lib/server/request-meta";
import { putNewAccountInForce } from "./account-switch";

const BATCH = 100;

/**
 * System job: every pending account change whose hold has run out without an objection takes
 * effect, each in its own transaction with one audit event (no actor). Safe to run on several
 * app instances at once: the conditional writes let exactly one of them apply a request; the
 * others get CONFLICT for it, which here only means "already done".
 */
export async function applyElapsedHolds(now: Date = new Date()) {
  const db = await prisma();
  // Paused while read-only; the next run after maintenance catches up (the hold only ever elapses further).
  if ((await readOnlyState(db)).readOnly) return { applied: 0, skipped: 0, failed: 0, paused: true };
  let applied = 0;
  let skipped = 0;
  let failed = 0;
  let after: { holdUntil: Date; id: string } | undefined;
  for (;;) {
    const due = await db.changeRequest.findMany({
      where: {
        status: "PENDING_CONFIRMATION",
        holdUntil: { lte: now },
        ...(after ? { OR: [{ holdUntil: { gt: after.holdUntil } }, { holdUntil: after.holdUntil, id: { gt: after.id } }] } : {}),
      },
      orderBy: [{ holdUntil: "asc" }, { id: "asc" }],
      take: BATCH,
    });
    for (const request of due) {
      try {
        await db.$transaction(async (tx) => {
          const decision = decide("system", "hold-elapsed", { ...request, changesAccount: true });
          if (!decision.ok) throw new UseCaseError("CONFLICT");
          const accounts = await putNewAccountInForce(tx, request, now, null);
          await recordAuditEvent(
            tx,
            { action: "change.hold-elapsed", entity: "change-request", entityId: request.id, before: { status: request.status }, after: { status: decision.to, merchantId: request.merchantId, holdUntil: request.holdUntil!.toISOString(), ...accounts } },
            null,
            SYSTEM_META,
          );
        });
        applied++;
      } catch (err) {
        if (err instanceof UseCaseError && err.code === "CONFLICT") skipped++;
        else {
          // One broken request must not hold up the others' accounts; it stays pending and is retried.
          failed++;
          logger.error({ err, changeRequestId: request.id }, "pending account change could not take effect");
        }
      }
    }
    const last = due.at(-1);
    if (due.length < BATCH || !last) return { applied, skipped, failed, paused: false };
    after = { holdUntil: last.holdUntil!, id: last.id };
  }
}
