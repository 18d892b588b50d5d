import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/change-requests/status-badge";
import { CaseStatusBadge } from "@/components/cases/case-status-badge";
import { Facts, Section } from "@/components/merchants/section";
import { Badge } from "@/components/ui/badge";
import { isCaseOpen } from "@/lib/domain/cases/case-lifecycle";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { caseWorkers, getCase } from "@/lib/server/cases/get-case";
import { CaseActions } from "./case-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cases"))("detail.title") };
}

const linkClass = "text-brand-700 underline underline-offset-2";

/** A case's facts hold masked values only; shown as label/value, nested values one level deep. */
function factValue(value: unknown, words: { yes: string; no: string; label: (key: string) => string }): string {
  if (typeof value === "boolean") return value ? words.yes : words.no;
  if (Array.isArray(value)) return value.length ? value.join("、") : "—";
  if (value && typeof value === "object") return Object.entries(value).map(([k, v]) => `${words.label(k)}：${factValue(v, words)}`).join("；");
  return value === null || value === undefined || value === "" ? "—" : String(value);
}

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("case:triage");
  const found = await getCase(actor, (await params).id);
  if (!found) notFound();
  const workers = await caseWorkers(actor);
  const t = await getTranslations();
  const format = await getFormatter();
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : "—");
  const details = found.details && typeof found.details === "object" && !Array.isArray(found.details) ? Object.entries(found.details) : [];
  // Message keys cannot hold the dot of "case.opened": the history keys are the part after it.
  const historyLabel = (action: string) => {
    const key = `cases.history.${action.replace(/^case\./, "")}`;
    return t.has(key) ? t(key) : action;
  };
  const label = (key: string) => (t.has(`cases.facts.${key}`) ? t(`cases.facts.${key}`) : key);
  return (
    <div className="mx-auto max-w-5xl space-y-8">
      <div>
        <Link href="/cases" className="text-sm text-brand-700 underline">← {t("cases.detail.back")}</Link>
        <h1 className="mt-2 flex flex-wrap items-center gap-3 text-2xl font-semibold">
          <span className="font-mono">{found.reference}</span>
          <CaseStatusBadge status={found.status} />
          <Badge tone={found.priority === "HIGH" ? "bad" : "neutral"}>{t("cases.priorityLabel", { priority: t(`cases.priorities.${found.priority}`) })}</Badge>
        </h1>
        <p className="mt-1 text-slate-700">{t(`cases.kinds.${found.kind}`)}</p>
      </div>

      <Section id="facts" title={t("cases.detail.facts")}>
        <div className="space-y-4 rounded-md border border-slate-200 bg-white p-4">
          <p className="whitespace-pre-wrap text-slate-900" data-testid="case-summary">{found.summary}</p>
          <Facts
            rows={[
              [t("cases.openedAt"), `${when(found.createdAt)} · ${found.createdByName ?? t("cases.system")}`],
              [t("cases.assignee"), found.assigneeName ?? t("cases.unassigned")],
              ...details.map(([key, value]): [string, string] => [label(key), factValue(value, { yes: t("common.yes"), no: t("common.no"), label })]),
              ...(found.status === "CLOSED"
                ? ([
                    [t("cases.outcome"), found.outcome ? t(`cases.outcomes.${found.outcome}`) : "—"],
                    [t("cases.outcomeNote"), found.closedById ? (found.outcomeNote ?? "—") : t("cases.detail.closedBySystem", { reference: found.outcomeNote ?? "" })],
                    [t("cases.detail.closedAt"), `${when(found.closedAt)} · ${found.closedByName ?? t("cases.system")}`],
                  ] as [string, string][])
                : []),
            ]}
          />
        </div>
      </Section>

      <Section id="links" title={t("cases.detail.linked")}>
        <div className="rounded-md border border-slate-200 bg-white p-4">
          <Facts
            rows={[
              [t("cases.detail.merchantLink"), found.merchant ? <Link key="m" href={`/merchants/${found.merchant.id}`} className={linkClass}>{found.merchant.legalName}{found.merchant.merchantNo ? ` · ${found.merchant.merchantNo}` : ""}</Link> : "—"],
              [t("cases.terminal"), found.terminalId ? <span key="t" className="font-mono">{found.terminalId}</span> : "—"],
              [t("cases.detail.requestLink"), found.changeRequest ? <span key="r" className="inline-flex items-center gap-2"><Link href={`/change-requests/${found.changeRequest.id}`} className={`${linkClass} font-mono`}>{found.changeRequest.reference}</Link><StatusBadge status={found.changeRequest.status} /></span> : "—"],
              [t("cases.detail.spotCheck"), found.spotCheckItem ? <span key="s">{found.spotCheckItem.campaign.name} · <span className="font-mono">{found.spotCheckItem.campaign.reference}</span></span> : "—"],
              [
                t("cases.detail.corrections"),
                found.correctingRequests.length ? (
                  <ul key="c" className="space-y-1">
                    {found.correctingRequests.map((r) => (
                      <li key={r.id} className="flex items-center gap-2"><Link href={`/change-requests/${r.id}`} className={`${linkClass} font-mono`}>{r.reference}</Link><StatusBadge status={r.status} /></li>
                    ))}
                  </ul>
                ) : "—",
              ],
            ]}
          />
        </div>
      </Section>

      {isCaseOpen(found.status) && (
        <Section id="work" title={t("cases.detail.work")}>
          <CaseActions key={found.version} target={{ id: found.id, version: found.version, status: found.status, priority: found.priority, assigneeId: found.assigneeId }} workers={workers} selfId={actor.id} />
        </Section>
      )}

      <Section id="notes" title={t("cases.detail.notes")}>
        {found.notes.length === 0 ? (
          <p className="text-slate-600">{t("cases.detail.noNotes")}</p>
        ) : (
          <ol className="space-y-3" data-testid="case-notes">
            {found.notes.map((n) => (
              <li key={n.id} className="rounded-md border border-slate-200 bg-white p-3">
                <p className="text-xs text-slate-600">{when(n.createdAt)} · {n.authorName ?? "—"}</p>
                <p className="mt-1 whitespace-pre-wrap">{n.body}</p>
              </li>
            ))}
          </ol>
        )}
      </Section>

      <Section id="history" title={t("cases.detail.history")}>
        <ol className="space-y-2 border-l-2 border-slate-200 pl-4" data-testid="case-history">
          {found.history.map((h) => (
            <li key={h.seq} className="text-sm">
              <span className="font-medium">{historyLabel(h.action)}</span>
              <span className="text-slate-600"> · {when(h.at)} · {h.actorName ?? t("cases.system")}</span>
              <Link href={`/audit/${h.seq}`} className="ml-2 text-xs text-brand-700 underline">{t("cases.detail.auditEvent", { seq: h.seq })}</Link>
            </li>
          ))}
        </ol>
      </Section>
    </div>
  );
}
