"use client";

import { useState, useTransition, type ReactNode } from "react";
import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Table, Td, Th } from "@/components/ui/table";
import type { ActionResult } from "@/lib/server/errors";
import { BulkOutcome, type TBulkResult } from "./bulk-outcome";

export type TApprovalRow = {
  id: string;
  version: number;
  reference: string;
  legalName: string;
  kind: string;
  account: string;
  status: ReactNode;
  secondApproval: boolean;
  highRisk: boolean;
  flagCount: number;
  mayDecide: boolean;
  /** Suspensions and reactivations are decided one by one, on their reason. */
  statusChange: boolean;
  age: ReactNode;
};

type BulkAction = (input: unknown) => Promise<ActionResult<TBulkResult>>;

/** Bulk approval is for the plain cases only; everything flagged is opened and decided one by one. */
const bulkable = (r: TApprovalRow) => r.mayDecide && !r.highRisk && r.flagCount === 0 && !r.statusChange;

export function ApprovalQueue({ rows, action }: { rows: TApprovalRow[]; action: BulkAction }) {
  const t = useTranslations("approvals");
  const tc = useTranslations("common");
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [pending, start] = useTransition();
  const [outcome, setOutcome] = useState<{ result: ActionResult<TBulkResult>; references: Record<string, string> }>();
  const eligible = rows.filter(bulkable);
  const chosen = eligible.filter((r) => selected.has(r.id));
  const toggle = (id: string, on: boolean) => setSelected((s) => { const next = new Set(s); if (on) next.add(id); else next.delete(id); return next; });

  const approve = () => start(async () => {
    const references = Object.fromEntries(chosen.map((r) => [r.id, r.reference]));
    const result = await action({ items: chosen.map((r) => ({ changeRequestId: r.id, version: r.version })) });
    setConfirming(false);
    setSelected(new Set());
    setOutcome({ result, references });
    router.refresh();
  });

  if (rows.length === 0) {
    return (
      <div className="space-y-3">
        {outcome && <BulkOutcome {...outcome} />}
        <p className="rounded-md border border-slate-200 bg-white p-6 text-slate-600">{t("empty")}</p>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      {outcome && <BulkOutcome {...outcome} />}
      <div className="flex flex-wrap items-center gap-3 rounded-md border border-slate-200 bg-white p-3">
        <Button disabled={chosen.length === 0 || pending} onClick={() => setConfirming(true)}>{t("bulkApprove", { count: chosen.length })}</Button>
        <p className="flex-1 text-sm text-slate-600">{t("bulkHint")}</p>
      </div>
      <Table caption={t("title")}>
        <thead>
          <tr>
            <Th className="w-10">
              <input type="checkbox" aria-label={t("selectAll")} className="h-4 w-4" disabled={eligible.length === 0}
                checked={eligible.length > 0 && chosen.length === eligible.length}
                onChange={(e) => setSelected(e.target.checked ? new Set(eligible.map((r) => r.id)) : new Set())} />
            </Th>
            <Th>{t("reference")}</Th>
            <Th>{t("merchant")}</Th>
            <Th>{t("kind")}</Th>
            <Th>{t("account")}</Th>
            <Th>{t("status")}</Th>
            <Th>{t("risk")}</Th>
            <Th>{t("age")}</Th>
            <Th><span className="sr-only">{tc("actions")}</span></Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id} data-reference={r.reference} className={r.highRisk ? "bg-red-50/40" : undefined}>
              <Td>
                <input type="checkbox" className="h-4 w-4" disabled={!bulkable(r)} checked={selected.has(r.id)} onChange={(e) => toggle(r.id, e.target.checked)}
                  aria-label={bulkable(r) ? t("selectRow", { reference: r.reference }) : t("notBulk", { reference: r.reference })} />
              </Td>
              <Td className="font-mono whitespace-nowrap"><Link href={`/change-requests/${r.id}`} className="text-brand-700 underline">{r.reference}</Link></Td>
              <Td>{r.legalName}</Td>
              <Td className="whitespace-nowrap">{r.kind}</Td>
              <Td className="font-mono whitespace-nowrap">{r.account}</Td>
              <Td className="whitespace-nowrap">{r.status}</Td>
              <Td className="whitespace-nowrap">
                <span className="flex flex-wrap gap-1">
                  {r.highRisk && <Badge tone="bad">{t("highRisk")}</Badge>}
                  {r.flagCount > 0 ? <Badge tone={r.highRisk ? "bad" : "warn"}>{t("flags", { count: r.flagCount })}</Badge> : <Badge tone="good">{t("noFlags")}</Badge>}
                </span>
              </Td>
              <Td className="whitespace-nowrap">{r.age}</Td>
              <Td>
                {r.mayDecide ? (
                  <Link href={`/change-requests/${r.id}`} className="rounded-md border border-brand-700 px-3 py-1 text-sm font-medium whitespace-nowrap text-brand-700 hover:bg-brand-50">
                    {t("review")}<span className="sr-only"> {r.reference}</span>
                  </Link>
                ) : (
                  <span className="text-xs font-medium text-slate-700">{r.secondApproval ? t("notYoursSecond") : t("notYours")}</span>
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Dialog open={confirming} onClose={() => setConfirming(false)} title={t("bulkConfirmTitle")}>
        <p className="text-sm">{t("bulkConfirm", { count: chosen.length })}</p>
        <ul className="max-h-40 list-disc overflow-auto pl-5 font-mono text-sm">{chosen.map((r) => <li key={r.id}>{r.reference}</li>)}</ul>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirming(false)}>{tc("cancel")}</Button>
          <Button disabled={pending || chosen.length === 0} onClick={approve}>{pending ? tc("loading") : t("bulkApprove", { count: chosen.length })}</Button>
        </div>
      </Dialog>
    </div>
  );
}
