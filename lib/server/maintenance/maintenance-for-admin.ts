import "server-only";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { readOnlyNow } from "./read-only-now";

/** The admin page: the switch, the live state and the windows not yet over (plus the last few past ones). */
export async function maintenanceForAdmin(actor: Actor | null, now = new Date()) {
  authorize(actor, "settings:manage");
  const db = await prisma();
  const [sw, state, upcoming, past] = await Promise.all([
    db.maintenanceSwitch.findUnique({ where: { id: 1 } }),
    readOnlyNow(db, now),
    db.maintenanceWindow.findMany({ where: { endsAt: { gt: now } }, orderBy: { startsAt: "asc" }, take: 50 }),
    db.maintenanceWindow.findMany({ where: { endsAt: { lte: now } }, orderBy: { startsAt: "desc" }, take: 10 }),
  ]);
  return { switch: { readOnly: !!sw?.readOnly, version: sw?.version ?? 1, changedAt: sw?.changedAt ?? null }, state, upcoming, past };
}
