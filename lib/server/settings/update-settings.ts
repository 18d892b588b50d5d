import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TSettings } from "@/lib/domain/settings/settings-schema";
import { settingsFromForm, ZUpdateSettingsSchema } from "@/lib/domain/settings/update-settings-schema";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput, UseCaseError } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { readSettings } from "./read-settings";

/**
 * An admin changes settings. Each changed row is written only if it is still at the version the
 * admin saw (a row never stored: version 0), and audited with its before and after values.
 */
export async function updateSettings({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "settings:manage");
  const data = parseInput(ZUpdateSettingsSchema, input);
  const next = settingsFromForm(data);
  const db = await prisma();
  try {
    return await db.$transaction(async (tx) => {
      const current = await readSettings(tx);
      const rows = await tx.setting.findMany();
      const changed = (Object.keys(next) as (keyof TSettings)[]).filter((key) => JSON.stringify(current[key]) !== JSON.stringify(next[key]));
      for (const key of changed) {
        const seen = data.versions[key] ?? 0;
        const row = rows.find((r) => r.key === key);
        const value = next[key] as Prisma.InputJsonValue;
        if (!row) {
          if (seen !== 0) throw new UseCaseError("CONFLICT");
          await tx.setting.create({ data: { key, value } });
        } else {
          const { count } = await tx.setting.updateMany({ where: { key, version: seen }, data: { value, version: { increment: 1 } } });
          if (count !== 1) throw new UseCaseError("CONFLICT");
        }
        await recordAuditEvent(tx, { action: "setting.changed", entity: "setting", entityId: key, before: current[key], after: next[key] }, actor, requestMeta);
      }
      const versions = Object.fromEntries((await tx.setting.findMany({ select: { key: true, version: true } })).map((r) => [r.key, r.version]));
      return { changed, versions };
    });
  } catch (err) {
    // Another admin stored the same row first.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw new UseCaseError("CONFLICT");
    throw err;
  }
}
