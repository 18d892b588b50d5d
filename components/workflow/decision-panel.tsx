"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/server/errors";
import { ReasonDialog, type TReasonMode } from "./reason-dialog";
import { RiskFlags, type TRiskFlagView } from "./risk-flags";

type Action = (input: unknown) => Promise<ActionResult<unknown>>;
type Failure = Extract<ActionResult<unknown>, { ok: false }>;

/**
 * Approve (after ticking every risk flag), reject or return. The server decides; a request that
 * moved on meanwhile answers CONFLICT, shown with a way to reload the latest state.
 */
export function DecisionPanel({ changeRequestId, version, flags, actions }: {
  changeRequestId: string;
  version: number;
  flags: TRiskFlagView[];
  /** No return for a suspension or reactivation: there is nothing for the maker to correct. */
  actions: { approve: Action; reject: Action; return: Action | null };
}) {
  const t = useTranslations();
  const router = useRouter();
  const [acknowledged, setAcknowledged] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<"reject" | "return" | null>(null);
  const [failure, setFailure] = useState<Failure>();
  const [dialogError, setDialogError] = useState<string>();
  const [pending, start] = useTransition();
  const missing = flags.filter((f) => !acknowledged.has(f.code)).length;
  const target = { changeRequestId, version };

  const explain = (f: Failure) => [t(`errors.${f.code}`, f.params), ...Object.values(f.fieldErrors).flat().filter((k) => t.has(k)).map((k) => t(k, f.params))].join(" ");
  const run = (action: Action, input: object, done: string, inDialog: boolean) =>
    start(async () => {
      setFailure(undefined);
      setDialogError(undefined);
      const result = await action({ ...target, ...input });
      if (result.ok) {
        setDialog(null);
        router.replace(`/change-requests/${changeRequestId}?done=${done}`);
        return;
      }
      if (inDialog && result.code === "VALIDATION") return setDialogError(explain(result));
      setDialog(null);
      setFailure(result);
    });

  const modes: Record<"reject" | "return", TReasonMode> = {
    reject: { title: t("review.rejectTitle"), label: t("review.reason"), hint: t("review.reasonHint"), confirm: t("review.confirmReject"), minMessageKey: "validation.decision.reason", danger: true },
    return: { title: t("review.returnTitle"), label: t("review.comment"), hint: t("review.commentHint"), confirm: t("review.confirmReturn"), minMessageKey: "validation.decision.comment", danger: false },
  };

  return (
    <div className="space-y-4">
      <RiskFlags flags={flags} acknowledged={acknowledged} onToggle={(code, on) => setAcknowledged((s) => { const next = new Set(s); if (on) next.add(code); else next.delete(code); return next; })} />
      {failure && (
        <div role="alert" className="space-y-2 rounded-md border-2 border-red-700 bg-red-50 p-4 text-sm text-red-900">
          <p>{explain(failure)}</p>
          {failure.code === "CONFLICT" && <Button variant="secondary" onClick={() => { setFailure(undefined); router.refresh(); }}>{t("review.refresh")}</Button>}
        </div>
      )}
      <div className="flex flex-wrap items-center gap-3 rounded-md border border-slate-200 bg-white p-4">
        <Button disabled={pending || missing > 0} aria-describedby={missing > 0 ? "approve-blocked" : undefined} onClick={() => run(actions.approve, { acknowledgedFlags: [...acknowledged] }, "approved", false)}>
          {t("review.approve")}
        </Button>
        {actions.return && <Button variant="secondary" disabled={pending} onClick={() => setDialog("return")}>{t("review.return")}</Button>}
        <Button variant="danger" disabled={pending} onClick={() => setDialog("reject")}>{t("review.reject")}</Button>
        {missing > 0 && <p id="approve-blocked" className="text-sm text-amber-900">{t("review.approveBlocked", { count: missing })}</p>}
      </div>
      <ReasonDialog
        mode={dialog ? modes[dialog] : null}
        pending={pending}
        serverError={dialogError}
        onClose={() => { setDialog(null); setDialogError(undefined); }}
        onSubmit={(text) => (dialog === "reject" ? run(actions.reject, { reason: text }, "rejected", true) : actions.return && run(actions.return, { comment: text }, "returned", true))}
      />
    </div>
  );
}
