import "server-only";
import crypto from "node:crypto";
import { ZAddCaseNoteSchema } from "@/lib/domain/cases/schemas";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { authorize } from "@/lib/server/auth/authorize";
import type { Actor } from "@/lib/server/auth/current-actor";
import { prisma } from "@/lib/server/db";
import { parseInput } from "@/lib/server/errors";
import type { RequestMeta } from "@/lib/server/request-meta";
import { loadCaseFor, updateCase } from "./load-case";

/**
 * Appends a note to an open case. The case's version moves too, so a note written while someone
 * else closed the case is refused rather than landing on a closed case.
 */
export async function addCaseNote({ actor, input, requestMeta }: { actor: Actor | null; input: unknown; requestMeta: RequestMeta }) {
  authorize(actor, "case:triage");
  const data = parseInput(ZAddCaseNoteSchema, input);
  const db = await prisma();
  return db.$transaction(async (tx) => {
    const { found } = await loadCaseFor(tx, data, "note");
    const version = await updateCase(tx, found, {});
    const note = await tx.caseNote.create({ data: { id: crypto.randomUUID(), caseId: found.id, authorId: actor.id, body: data.body, createdAt: new Date() } });
    await recordAuditEvent(tx, { action: "case.note-added", entity: "case", entityId: found.id, after: { noteId: note.id, length: data.body.length } }, actor, requestMeta);
    return { noteId: note.id, version };
  });
}
