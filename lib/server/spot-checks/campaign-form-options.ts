import "server-only";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";

/** Who the create form offers: active auditors to assign, and clerks whose records can be the population. */
export async function campaignFormOptions(actor: Actor | null) {
  authorize(actor, "spotcheck:manage");
  const db = await prisma();
  const people = await db.user.findMany({
    where: { role: { in: ["AUDITOR", "CLERK"] }, disabledAt: null },
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
    select: { id: true, username: true, displayName: true, role: true },
  });
  return {
    auditors: people.filter((p) => p.role === "AUDITOR").map(({ role: _r, ...p }) => p),
    clerks: people.filter((p) => p.role === "CLERK").map(({ role: _r, ...p }) => p),
  };
}
