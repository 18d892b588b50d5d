import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { getAuditEvent } from "@/lib/server/audit/get-audit-event";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("eventTitle") };
}

const show = (v: unknown) => (v === null || v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));

export default async function AuditEventPage({ params }: { params: Promise<{ seq: string }> }) {
  const actor = await requirePageActor("audit:read");
  const event = await getAuditEvent(actor, (await params).seq);
  if (!event) notFound();
  const t = await getTranslations();
  const format = await getFormatter();
  const facts: [string, string][] = [
    [t("audit.at"), format.dateTime(event.at, { dateStyle: "medium", timeStyle: "medium" })],
    [t("audit.actor"), event.actorName ?? t("audit.system")],
    [t("audit.action"), event.action],
    [t("audit.entity"), `${event.entity}${event.entityId ? ` · ${event.entityId}` : ""}`],
    [t("audit.ip"), event.ip ?? "—"],
    [t("audit.userAgent"), event.userAgent ?? "—"],
    [t("audit.prevHash"), event.prevHash],
    [t("audit.hash"), event.hash],
  ];
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <Link href="/audit" className="text-sm text-brand-700 underline">← {t("audit.back")}</Link>
        <h1 className="mt-2 text-2xl font-semibold">{t("audit.eventHeading", { seq: event.seq })}</h1>
      </div>
      <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm md:grid-cols-[12rem_1fr]">
        {facts.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="font-medium text-slate-600">{k}</dt>
            <dd className="break-all font-mono text-xs text-slate-900">{v}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="changes" className="space-y-2">
        <h2 id="changes" className="text-lg font-semibold">{t("audit.changes")}</h2>
        {event.changes.length === 0 ? (
          <p className="text-sm text-slate-600">{t("audit.noChanges")}</p>
        ) : (
          <Table caption={t("audit.changes")}>
            <thead><tr><Th>{t("audit.field")}</Th><Th>{t("audit.before")}</Th><Th>{t("audit.after")}</Th></tr></thead>
            <tbody className="divide-y divide-slate-100">
              {event.changes.map((c) => (
                <tr key={c.path}><Td className="font-mono text-xs">{c.path}</Td><Td className="break-all">{show(c.before)}</Td><Td className="break-all">{show(c.after)}</Td></tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
      <p className="text-xs text-slate-500">{t("audit.maskedNote")}</p>
    </div>
  );
}
