import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { maintenanceState, type TMaintenanceState, type TWindowTimes } from "@/lib/domain/maintenance/maintenance-state";
import { readSettings } from "@/lib/server/settings/read-settings";

type Db = PrismaClient | Prisma.TransactionClient;

const WINDOW_FIELDS = { id: true, startsAt: true, endsAt: true, messageZh: true, messageEn: true, version: true } as const;

/** Uncancelled windows that have not ended and start within `horizonMs` of now. */
function liveWindows(db: Db, now: Date, horizonMs: number): Promise<TWindowTimes[]> {
  return db.maintenanceWindow.findMany({
    where: { cancelledAt: null, endsAt: { gt: now }, startsAt: { lte: new Date(now.getTime() + horizonMs) } },
    select: WINDOW_FIELDS,
    orderBy: { startsAt: "asc" },
    take: 5,
  });
}

/** The read-only state and the window to announce, as every page, action and route sees it. */
export async function readOnlyNow(db: Db, now = new Date()): Promise<TMaintenanceState> {
  const [sw, settings] = await Promise.all([db.maintenanceSwitch.findUnique({ where: { id: 1 }, select: { readOnly: true } }), readSettings(db)]);
  const leadHours = settings.maintenance.leadHours;
  const windows = await liveWindows(db, now, leadHours * 3_600_000);
  return maintenanceState(now, { manual: !!sw?.readOnly, windows, leadHours });
}

/** Only whether writes are refused now (no announcement, so no settings read): the early check's. */
export async function readOnlyState(db: Db, now = new Date()): Promise<TMaintenanceState> {
  const [sw, windows] = await Promise.all([db.maintenanceSwitch.findUnique({ where: { id: 1 }, select: { readOnly: true } }), liveWindows(db, now, 0)]);
  return maintenanceState(now, { manual: !!sw?.readOnly, windows, leadHours: 0 });
}

/**
 * Inside a mutation's transaction: reads the switch FOR SHARE, so a toggle (which takes it FOR
 * UPDATE) waits for this transaction, or this one waits for the toggle and sees its result.
 */
export async function readOnlyInTransaction(tx: Prisma.TransactionClient, now = new Date()): Promise<TMaintenanceState> {
  const [sw] = await tx.$queryRaw<{ readOnly: boolean }[]>`SELECT "readOnly" FROM "MaintenanceSwitch" WHERE id = 1 FOR SHARE`;
  const windows = await liveWindows(tx, now, 0);
  return maintenanceState(now, { manual: !!sw?.readOnly, windows, leadHours: 0 });
}
