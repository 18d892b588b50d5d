import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/** A unique index refused the write: P2002 from a model query, P2010 carrying SQLSTATE 23505 from a raw one. */
export function isUniqueViolation(err: unknown): boolean {
  if (!(err instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (err.code === "P2002") return true;
  const cause = (err.meta?.driverAdapterError as { cause?: { kind?: string; originalCode?: string } } | undefined)?.cause;
  return err.code === "P2010" && (cause?.kind === "UniqueConstraintViolation" || cause?.originalCode === "23505");
}
