import "server-only";
import { prisma } from "@/lib/server/db";

export type TMccOption = { code: string; nameZh: string; nameEn: string; riskLevel: number };
export type TBankOption = { code: string; nameZh: string; nameEn: string };
export type TApplicationFormOptions = { mccs: TMccOption[]; banks: TBankOption[] };

/** Choices for the application form: active MCCs and the banks a CNAPS code can name, by code. */
export async function formOptions(): Promise<TApplicationFormOptions> {
  const db = await prisma();
  const [mccs, banks] = await Promise.all([
    db.mcc.findMany({ where: { active: true }, orderBy: { code: "asc" }, select: { code: true, nameZh: true, nameEn: true, riskLevel: true } }),
    db.bankCategory.findMany({ orderBy: { code: "asc" }, select: { code: true, nameZh: true, nameEn: true } }),
  ]);
  return { mccs, banks };
}
