import "server-only";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { readSettings } from "./read-settings";

/** The settings in force and, per stored row, the version the admin's edit must still find. */
export async function getSettingsForAdmin(actor: Actor | null) {
  authorize(actor, "settings:manage");
  const db = await prisma();
  const settings = await readSettings(db);
  const rows = await db.setting.findMany({ select: { key: true, version: true } });
  return { settings, versions: Object.fromEntries(rows.map((r) => [r.key, r.version])) as Record<string, number> };
}
