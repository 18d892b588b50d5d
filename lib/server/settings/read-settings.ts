import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { ZSettingsSchema, type TSettings } from "@/lib/domain/settings/settings-schema";

/** Settings rows are top-level keys of TSettings; whatever is absent or invalid falls back to the default. */
export function settingsFrom(stored: Record<string, unknown>): TSettings {
  const parsed = ZSettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : ZSettingsSchema.parse({});
}

export async function readSettings(db: PrismaClient | Prisma.TransactionClient): Promise<TSettings> {
  const rows = await db.setting.findMany();
  return settingsFrom(Object.fromEntries(rows.map((r) => [r.key, r.value])));
}
