import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/server/env";
import { verifyAuditChain } from "./verify-chain";

export type Checkpoint = { seq: string; hash: string; at: string; restoredFrom?: string };
export type CheckpointVerdict =
  | { ok: true; through: bigint; previous: Checkpoint | null; written: Checkpoint }
  | { ok: false; brokenAt: bigint; reason: string; previous: Checkpoint | null };

export function checkpointFile() {
  return path.join(env().checkpointDir, "audit-checkpoints.jsonl");
}

export function readCheckpoints(file = checkpointFile()): Checkpoint[] {
  if (!fs.existsSync(/*turbopackIgnore: true*/ file)) return [];
  const lines = fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8").trim().split("\n").filter(Boolean);
  return lines.map((line) => JSON.parse(line) as Checkpoint);
}

export function lastCheckpoint(file = checkpointFile()): Checkpoint | null {
  return readCheckpoints(file).at(-1) ?? null;
}

export function appendCheckpoint(checkpoint: Checkpoint, file = checkpointFile()) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.appendFileSync(file, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
}

/**
 * Verifies the chain, then checks it still holds the last checkpointed head (a file outside the
 * database, so a superuser who deletes the newest events and rewinds the head is still caught),
 * then appends a new checkpoint.
 */
export async function verifyAndCheckpoint(prisma: PrismaClient, file = checkpointFile()): Promise<CheckpointVerdict> {
  const previous = lastCheckpoint(file);
  const chain = await verifyAuditChain(prisma);
  if (!chain.intact) return { ok: false, brokenAt: chain.brokenAt, reason: chain.reason, previous };
  if (previous) {
    const seq = BigInt(previous.seq);
    if (seq > chain.through) {
      return {
        ok: false,
        brokenAt: chain.through + 1n,
        previous,
        reason: `checkpoint of ${previous.at} recorded events through ${seq}, but the chain now ends at ${chain.through}: the newest events were deleted`,
      };
    }
    if (seq > 0n) {
      const event = await prisma.auditEvent.findUnique({ where: { seq } });
      if (event?.hash !== previous.hash) {
        return { ok: false, brokenAt: seq, previous, reason: `event ${seq} no longer matches the checkpoint of ${previous.at}: the chain was rewritten` };
      }
    }
  }
  const written: Checkpoint = { seq: chain.through.toString(), hash: chain.headHash, at: new Date().toISOString() };
  appendCheckpoint(written, file);
  return { ok: true, through: chain.through, previous, written };
}
