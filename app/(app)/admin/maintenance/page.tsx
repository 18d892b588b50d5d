import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { maintenanceForAdmin } from "@/lib/server/maintenance/maintenance-for-admin";
import { CancelWindowButton } from "./cancel-window-button";
import { ReadOnlySwitch } from "./read-only-switch";
import { ScheduleWindowForm } from "./schedule-window-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("maintenance"))("title") };
}

export default async function MaintenancePage() {
  const actor = await requirePageActor("settings:manage");
  const t = await getTranslations("maintenance");
  const format = await getFormatter();
  const { switch: sw, state, upcoming, past } = await maintenanceForAdmin(actor);
  const when = (d: Date) => format.dateTime(d, { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
  const now = Date.now();
  const statusOf = (w: { startsAt: Date; endsAt: Date; cancelledAt: Date | null }) =>
    w.cancelledAt ? "cancelled" : w.endsAt.getTime() <= now ? "over" : w.startsAt.getTime() <= now ? "inProgress" : "planned";
  const TONE = { cancelled: "neutral", over: "neutral", inProgress: "bad", planned: "warn" } as const;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
      </div>
      <section aria-labelledby="state-heading" className="space-y-3 rounded-md border border-slate-200 bg-white p-4">
        <h2 id="state-heading" className="text-lg font-semibold">{t("state.title")}</h2>
        <p className="text-sm" data-testid="maintenance-state">
          <Badge tone={state.readOnly ? "bad" : "good"}>{t(state.readOnly ? "state.readOnly" : "state.normal")}</Badge>{" "}
          {state.reason === "manual" && t("state.manual")}
          {state.reason === "window" && state.until && t("state.window", { until: when(state.until) })}
        </p>
        <p className="max-w-3xl text-sm text-slate-600">{t("switch.help")}</p>
        <ReadOnlySwitch readOnly={sw.readOnly} version={sw.version} />
      </section>
      <ScheduleWindowForm />
      <section aria-labelledby="windows-heading" className="space-y-2">
        <h2 id="windows-heading" className="text-lg font-semibold">{t("windows.title")}</h2>
        {upcoming.length + past.length === 0 ? (
          <p className="text-sm text-slate-600">{t("windows.none")}</p>
        ) : (
          <Table caption={t("windows.title")}>
            <thead>
              <tr>
                <Th>{t("windows.period")}</Th>
                <Th>{t("windows.message")}</Th>
                <Th>{t("windows.status")}</Th>
                <Th><span className="sr-only">{t("windows.actions")}</span></Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {[...upcoming, ...past].map((w) => {
                const status = statusOf(w);
                const period = `${when(w.startsAt)} – ${when(w.endsAt)}`;
                return (
                  <tr key={w.id}>
                    <Td className="whitespace-nowrap font-mono text-xs">{period}</Td>
                    <Td>
                      <p>{w.messageZh}</p>
                      <p className="text-slate-600" lang="en">{w.messageEn}</p>
                    </Td>
                    <Td><Badge tone={TONE[status]}>{t(`windows.statuses.${status}`)}</Badge></Td>
                    <Td>{(status === "planned" || status === "inProgress") && <CancelWindowButton id={w.id} version={w.version} label={period} />}</Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
      </section>
    </div>
  );
}
