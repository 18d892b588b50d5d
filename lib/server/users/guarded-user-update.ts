import "server-only";
import type { Prisma, User } from "@/lib/generated/prisma/client";
import { UseCaseError } from "@/lib/server/errors";

/** Loads the target inside the transaction and applies a change only if nobody changed it since the form was opened. */
export async function guardedUserUpdate(
  tx: Prisma.TransactionClient,
  target: { userId: string; version: number },
  data: Prisma.UserUpdateManyMutationInput,
): Promise<{ before: User; after: User }> {
  const before = await tx.user.findUnique({ where: { id: target.userId } });
  if (!before) throw new UseCaseError("NOT_FOUND");
  const { count } = await tx.user.updateMany({
    where: { id: target.userId, version: target.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count !== 1) throw new UseCaseError("CONFLICT");
  const after = await tx.user.findUniqueOrThrow({ where: { id: target.userId } });
  return { before, after };
}

/** The last enabled admin can neither be disabled nor given another role: someone must run the system. */
export async function assertAnotherActiveAdmin(tx: Prisma.TransactionClient, userId: string) {
  const others = await tx.user.count({ where: { role: "ADMIN", disabledAt: null, id: { not: userId } } });
  if (others === 0) throw new UseCaseError("CONFLICT", { _form: ["validation.user.lastAdmin"] });
}
