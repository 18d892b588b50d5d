import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { auditCheckpointStatus } from "@/lib/server/audit/verify-audit-trail";
import { VerifyChainButton } from "./verify-chain-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("verifyTitle") };
}

export default async function VerifyAuditChainPage() {
  const actor = await requirePageActor("audit:verify");
  const { last } = auditCheckpointStatus(actor);
  const t = await getTranslations("audit");
  const format = await getFormatter();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold">{t("verifyTitle")}</h1>
      <p className="text-sm text-slate-700">{t("verifyIntro")}</p>
      <section aria-labelledby="last-checkpoint" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <h2 id="last-checkpoint" className="font-semibold">{t("lastCheckpoint")}</h2>
        {last ? (
          <p className="mt-1" data-testid="last-checkpoint">{t("checkpointLine", { seq: last.seq, at: format.dateTime(new Date(last.at), { dateStyle: "medium", timeStyle: "medium" }) })}</p>
        ) : (
          <p className="mt-1 text-slate-600">{t("noCheckpoint")}</p>
        )}
      </section>
      <VerifyChainButton />
    </div>
  );
}
