import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { AUDIT_ACTIONS, AUDIT_PRESETS } from "@/lib/server/audit/audit-query";
import { listAuditEvents } from "@/lib/server/audit/list-audit-events";
import { ForwardPager } from "@/components/ui/pagination";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

const GROUPS = [...new Set(AUDIT_ACTIONS.map((a) => `${a.split(".")[0]}.`))];

export default async function AuditTrailPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("audit:read");
  const t = await getTranslations();
  const format = await getFormatter();
  const { events, total, nextBefore, query } = await listAuditEvents(actor, await searchParams);
  const { before: _page, ...filters } = query;
  const keep = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === "string"));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("audit.title")}</h1>
        <span className="flex gap-3 text-sm">
          <a className="text-brand-700 underline" href={`/audit/export?${keep.toString()}`} download>{t("audit.export")}</a>
          <Link className="text-brand-700 underline" href="/audit/verify">{t("audit.verifyLink")}</Link>
        </span>
      </div>
      <nav aria-label={t("audit.presets")} className="flex flex-wrap gap-2 text-sm">
        {AUDIT_PRESETS.map((p) => (
          <Link key={p} href={`/audit?preset=${p}`} aria-current={query.preset === p ? "page" : undefined} className={`rounded-full border px-3 py-1 ${query.preset === p ? "border-brand-700 bg-brand-50 font-medium" : "border-slate-300 bg-white"}`}>
            {t(`audit.preset.${p}`)}
          </Link>
        ))}
      </nav>
      <form method="get" role="search" className="grid gap-3 rounded-md border border-slate-200 bg-white p-3 md:grid-cols-6">
        <div>
          <label htmlFor="actor" className="block text-sm font-medium">{t("audit.actor")}</label>
          <Input id="actor" name="actor" defaultValue={query.actor} autoComplete="off" placeholder={t("audit.actorPlaceholder")} />
        </div>
        <div>
          <label htmlFor="action" className="block text-sm font-medium">{t("audit.action")}</label>
          <Select id="action" name="action" defaultValue={query.action ?? ""}>
            <option value="">{t("common.all")}</option>
            {GROUPS.map((g) => (
              <optgroup key={g} label={g}>
                <option value={g}>{t("audit.wholeGroup", { group: g })}</option>
                {AUDIT_ACTIONS.filter((a) => a.startsWith(g)).map((a) => <option key={a} value={a}>{a}</option>)}
              </optgroup>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="entity" className="block text-sm font-medium">{t("audit.entity")}</label>
          <Input id="entity" name="entity" defaultValue={query.entity} autoComplete="off" placeholder="change-request" />
        </div>
        <div>
          <label htmlFor="entityId" className="block text-sm font-medium">{t("audit.entityId")}</label>
          <Input id="entityId" name="entityId" defaultValue={query.entityId} autoComplete="off" />
        </div>
        <div>
          <label htmlFor="from" className="block text-sm font-medium">{t("audit.from")}</label>
          <Input id="from" name="from" type="date" defaultValue={query.from} />
        </div>
        <div>
          <label htmlFor="to" className="block text-sm font-medium">{t("audit.to")}</label>
          <Input id="to" name="to" type="date" defaultValue={query.to} />
        </div>
        {query.preset && <input type="hidden" name="preset" value={query.preset} />}
        <div className="flex items-center gap-4 md:col-span-6">
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white">{t("common.search")}</button>
          <a href="/audit" className="text-sm text-brand-700 underline">{t("common.reset")}</a>
        </div>
      </form>
      {events.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-6 text-slate-600">{t("common.noResults")}</p>
      ) : (
        <Table caption={t("audit.title")}>
          <thead>
            <tr><Th>{t("audit.seq")}</Th><Th>{t("audit.at")}</Th><Th>{t("audit.actor")}</Th><Th>{t("audit.action")}</Th><Th>{t("audit.entity")}</Th><Th>{t("audit.summary")}</Th><Th>{t("audit.ip")}</Th></tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {events.map((e) => (
              <tr key={e.seq} data-action={e.action}>
                <Td><Link className="font-mono text-brand-700 underline" href={`/audit/${e.seq}`}>#{e.seq}</Link></Td>
                <Td className="whitespace-nowrap">{format.dateTime(e.at, { dateStyle: "short", timeStyle: "medium" })}</Td>
                <Td>{e.actorName ?? t("audit.system")}</Td>
                <Td className="font-mono text-xs">{e.action}</Td>
                <Td className="font-mono text-xs">{e.entity}{e.entityId ? ` · ${e.entityId.slice(0, 12)}` : ""}</Td>
                <Td className="max-w-xs truncate text-xs" title={e.summary}>{e.summary}</Td>
                <Td className="font-mono text-xs">{e.ip ?? ""}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <ForwardPager basePath="/audit" params={filters} cursorParam="before" cursor={query.before} nextCursor={nextBefore} total={total} />
    </div>
  );
}
