import Link from "@/components/ui/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { bankLabel, masked } from "./format";
import { Facts } from "./section";
import { UnmaskButton } from "./unmask-button";

type Account = {
  id: string;
  status: string;
  accountType: string;
  accountName: string;
  accountLast4: string;
  bankCode: string;
  branchName: string;
  cnaps: string;
  thirdPartyAuthRef: string | null;
  thirdPartyAuthDate: Date | null;
  effectiveFrom: Date | null;
  effectiveTo: Date | null;
  merchantVersion: number;
  changeRequestId: string;
};

/** The change request a pending account waits on, with the instant it takes effect unless someone objects. */
type PendingChange = { changeRequestId: string; holdUntil: Date | null };

const RANK: Record<string, number> = { IN_FORCE: 0, PENDING_CONFIRMATION: 1, SUPERSEDED: 2, WITHDRAWN: 3 };
const TONE: Record<string, "good" | "warn" | "neutral"> = { IN_FORCE: "good", PENDING_CONFIRMATION: "warn" };

/** The account in force first, then one awaiting confirmation, then the history of replaced ones. */
export async function AccountList({ accounts, canUnmask, pendingChange, canConfirm }: { accounts: Account[]; canUnmask: boolean; pendingChange: PendingChange | null; canConfirm: boolean }) {
  const t = await getTranslations("merchants");
  const format = await getFormatter();
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const period = (a: Account) => {
    if (!a.effectiveFrom) return a.status === "PENDING_CONFIRMATION" ? t("accounts.notYetEffective") : t("accounts.neverInForce");
    return t("accounts.period", { from: when(a.effectiveFrom), to: a.effectiveTo ? when(a.effectiveTo) : t("accounts.untilNow") });
  };
  const sorted = [...accounts].sort((a, b) => (RANK[a.status] ?? 9) - (RANK[b.status] ?? 9) || (b.effectiveFrom?.getTime() ?? 0) - (a.effectiveFrom?.getTime() ?? 0));
  if (sorted.length === 0) return <p className="text-sm text-slate-600">{t("accounts.none")}</p>;
  return (
    <ul className="space-y-3">
      {sorted.map((a) => (
        <li key={a.id} data-account-status={a.status} className={`rounded-lg border bg-white p-4 ${a.status === "IN_FORCE" ? "border-green-300" : a.status === "PENDING_CONFIRMATION" ? "border-amber-300" : "border-slate-200"}`}>
          <div className="mb-3 flex flex-wrap items-center gap-3">
            <Badge tone={TONE[a.status] ?? "neutral"}>{t(`accounts.statuses.${a.status}`)}</Badge>
            <span className="font-mono text-base font-semibold text-slate-900">{masked(a.accountLast4)}</span>
            {canUnmask && <span className="ml-auto"><UnmaskButton accountId={a.id} last4={a.accountLast4} /></span>}
          </div>
          {a.status === "PENDING_CONFIRMATION" && <PendingNote pending={pendingChange?.changeRequestId === a.changeRequestId ? pendingChange : null} canConfirm={canConfirm} />}
          <Facts
            rows={[
              [t("fields.accountName"), a.accountName],
              [t("fields.accountType"), t(`accountTypes.${a.accountType}`)],
              [t("fields.bank"), bankLabel(a.bankCode, locale)],
              [t("fields.branchName"), a.branchName],
              [t("fields.cnaps"), <span key="c" className="font-mono">{a.cnaps}</span>],
              [t("accounts.effectivePeriod"), period(a)],
              ...(a.thirdPartyAuthRef
                ? [[t("fields.thirdPartyAuthRef"), `${a.thirdPartyAuthRef}${a.thirdPartyAuthDate ? `（${format.dateTime(a.thirdPartyAuthDate, { dateStyle: "medium" })}）` : ""}`] as [string, string]]
                : []),
              [t("accounts.version"), t("history.versionN", { version: a.merchantVersion })],
            ]}
          />
        </li>
      ))}
    </ul>
  );
}

async function PendingNote({ pending, canConfirm }: { pending: PendingChange | null; canConfirm: boolean }) {
  const t = await getTranslations("merchants");
  const format = await getFormatter();
  return (
    <div className="mb-3 space-y-1 text-sm text-amber-900" data-testid="pending-account-note">
      {pending?.holdUntil && <p className="font-medium">{t("accounts.pendingUntil", { until: format.dateTime(pending.holdUntil, { dateStyle: "medium", timeStyle: "short" }) })}</p>}
      <p>{t("accounts.pendingNote")}</p>
      {pending && canConfirm && (
        <p><Link href={`/confirmations/${pending.changeRequestId}`} className="font-medium text-brand-800 underline underline-offset-2">{t("accounts.recordCall")}</Link></p>
      )}
    </div>
  );
}
