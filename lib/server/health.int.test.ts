import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { checkHealth } from "./health";

describe("health", () => {
  it("reports latency, migrations, the audit head and checkpoint, maintenance and the job backlog; maintenance keeps it healthy", async () => {
    const healthy = await checkHealth();
    expect(healthy.ok).toBe(true);
    expect(healthy.body).toMatchObject({
      status: "ok",
      database: { ok: true },
      migrations: { current: true, pendingCount: 0 },
      auditChain: { ok: true, lastCheckpoint: null },
      maintenance: { readOnly: false, reason: null },
      jobs: { elapsedHolds: 0, dueSchedules: 0, paused: false },
    });
    const db = await prisma();
    const startsAt = new Date(Date.now() + 3_600_000);
    await db.maintenanceWindow.create({ data: { id: "w1", startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000), messageZh: "升级", messageEn: "Upgrade", createdById: "x" } });
    await db.maintenanceSwitch.update({ where: { id: 1 }, data: { readOnly: true } });
    const during = await checkHealth();
    expect(during.ok).toBe(true);
    expect(during.body).toMatchObject({ maintenance: { readOnly: true, reason: "manual", nextWindow: { startsAt: startsAt.toISOString() } }, jobs: { paused: true } });
    // No business data: the messages an admin typed are not in the public probe.
    expect(JSON.stringify(during.body)).not.toContain("Upgrade");
  });
});
