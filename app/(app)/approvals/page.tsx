import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/change-requests/status-badge";
import { Age } from "@/components/workflow/age";
import { ApprovalQueue, type TApprovalRow } from "@/components/workflow/approval-queue";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { listApprovalQueue } from "@/lib/server/workflow/queues";
import { bulkApproveAction } from "../change-requests/actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("approvals"))("title") };
}

export default async function ApprovalQueuePage() {
  const actor = await requirePageActor("change:approve");
  const t = await getTranslations();
  const { requests, total } = await listApprovalQueue(actor);
  const now = new Date();
  const rows: TApprovalRow[] = requests.map((r) => ({
    id: r.id,
    version: r.version,
    reference: r.reference,
    legalName: r.legalName,
    kind: t(`changeRequests.kinds.${r.kind}`),
    account: `•••• ${r.accountLast4}`,
    status: <StatusBadge status={r.status} />,
    secondApproval: r.status === "AWAITING_SECOND_APPROVAL",
    highRisk: r.highRisk,
    flagCount: r.flagCount,
    mayDecide: r.mayDecide,
    statusChange: r.statusChange,
    age: <Age since={r.submittedAt} now={now} />,
  }));
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("approvals.title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("approvals.intro")}</p>
      </div>
      <ApprovalQueue rows={rows} action={bulkApproveAction} />
      <p className="text-sm text-slate-600">{t("approvals.total", { total })}</p>
    </div>
  );
}
