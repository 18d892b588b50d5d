"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { reassignItemAction } from "@/app/(app)/spot-checks/actions";
import { useActionCall } from "@/components/forms/use-action-call";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";

/** Hands a pending item to another auditor; the use case refuses anyone who made, verified or approved the version, and that refusal shows here. */
export function ReassignControl({ itemId, version, assigneeId, merchantName, auditors }: {
  itemId: string;
  version: number;
  assigneeId: string | null;
  merchantName: string;
  auditors: { id: string; displayName: string }[];
}) {
  const t = useTranslations();
  const router = useRouter();
  const toast = useToast();
  const id = useId();
  const others = auditors.filter((a) => a.id !== assigneeId);
  const [choice, setChoice] = useState(others[0]?.id ?? "");
  const { call, error, pending } = useActionCall();
  if (others.length === 0) return <span className="text-xs text-slate-600">{t("spotChecks.report.noOtherAuditor")}</span>;
  const submit = () =>
    call(
      () => reassignItemAction({ itemId, version, assigneeId: choice }),
      () => {
        toast("good", t("spotChecks.report.reassigned", { name: others.find((a) => a.id === choice)?.displayName ?? "" }));
        router.refresh();
      },
    );
  return (
    <div className="space-y-1">
      <div className="flex items-center gap-2">
        <label htmlFor={id} className="sr-only">{t("spotChecks.report.reassignTo", { merchant: merchantName })}</label>
        <Select id={id} value={choice} onChange={(e) => setChoice(e.target.value)} className="w-36 py-1" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
          {others.map((a) => <option key={a.id} value={a.id}>{a.displayName}</option>)}
        </Select>
        <Button variant="secondary" className="px-3 py-1" disabled={pending} onClick={submit}>{t("spotChecks.report.reassign")}</Button>
      </div>
      {error && <p id={`${id}-error`} role="alert" className="max-w-xs text-xs font-medium text-red-700">{error}</p>}
    </div>
  );
}
