import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { healthReport } from "@/lib/server/health";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("status"))("title") };
}

function Row({ label, tone, verdict, detail }: { label: string; tone: "good" | "warn" | "bad" | "neutral"; verdict: string; detail?: string }) {
  return (
    <div className="grid gap-1 border-b border-slate-100 py-3 last:border-0 sm:grid-cols-[14rem_8rem_1fr] sm:items-baseline">
      <dt className="font-medium text-slate-800">{label}</dt>
      <dd><Badge tone={tone}>{verdict}</Badge></dd>
      <dd className="text-sm text-slate-700">{detail}</dd>
    </div>
  );
}

/** The health probe's answer in plain words, for the admin on call. */
export default async function StatusPage() {
  await requirePageActor("settings:manage");
  const t = await getTranslations("status");
  const format = await getFormatter();
  const report = await healthReport().catch(() => null);
  if (!report) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-red-900">{t("down")}</p>
      </div>
    );
  }
  const { body } = report;
  const when = (iso: string) => format.dateTime(new Date(iso), { month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
  const cp = body.auditChain.lastCheckpoint;
  const minutes = (s: number) => Math.round(s / 60);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("intro", { at: when(body.checkedAt) })}</p>
      </div>
      <dl className="rounded-md border border-slate-200 bg-white px-4" data-testid="status-list">
        <Row label={t("overall")} tone={body.status === "ok" ? "good" : "bad"} verdict={t(`overallStatus.${body.status}`)} />
        <Row label={t("database")} tone={body.database.latencyMs > 200 ? "warn" : "good"} verdict={t("reachable")} detail={t("latency", { ms: body.database.latencyMs, engine: body.database.engine })} />
        <Row
          label={t("migrations")}
          tone={body.migrations.current ? "good" : "bad"}
          verdict={t(body.migrations.current ? "current" : "behind")}
          detail={body.migrations.current ? t("migrationsCurrent") : t("migrationsPending", { count: body.migrations.pendingCount, names: body.migrations.pending.join(", ") })}
        />
        <Row label={t("auditChain")} tone={body.auditChain.ok ? "good" : "bad"} verdict={t(body.auditChain.ok ? "intact" : "broken")} detail={t("auditHead", { seq: body.auditChain.seq })} />
        <Row
          label={t("checkpoint")}
          tone={!cp ? "warn" : cp.stale ? "bad" : "good"}
          verdict={t(!cp ? "none" : cp.stale ? "stale" : "recent")}
          detail={cp ? t("checkpointDetail", { seq: cp.seq, minutes: minutes(cp.ageSeconds ?? 0) }) : t("checkpointNone")}
        />
        <Row
          label={t("maintenance")}
          tone={body.maintenance.readOnly ? "bad" : body.maintenance.nextWindow ? "warn" : "good"}
          verdict={t(body.maintenance.readOnly ? "readOnly" : "writable")}
          detail={[
            body.maintenance.reason === "manual" ? t("maintenanceManual") : body.maintenance.until ? t("maintenanceUntil", { until: when(body.maintenance.until) }) : "",
            body.maintenance.nextWindow ? t("maintenanceNext", { start: when(body.maintenance.nextWindow.startsAt), end: when(body.maintenance.nextWindow.endsAt) }) : "",
          ].filter(Boolean).join(" ") || t("maintenanceNone")}
        />
        <Row
          label={t("jobs")}
          tone={body.jobs.elapsedHolds + body.jobs.dueSchedules === 0 ? "good" : "warn"}
          verdict={t(body.jobs.paused ? "paused" : body.jobs.elapsedHolds + body.jobs.dueSchedules === 0 ? "idle" : "backlog")}
          detail={t("jobsDetail", { holds: body.jobs.elapsedHolds, schedules: body.jobs.dueSchedules })}
        />
      </dl>
      <p className="text-sm text-slate-600">{t("probe")}</p>
    </div>
  );
}
