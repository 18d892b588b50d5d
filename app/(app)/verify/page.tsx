import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Table, Td, Th } from "@/components/ui/table";
import { Age } from "@/components/workflow/age";
import { requirePageActor } from "@/lib/server/auth/current-actor";
import { listVerificationQueue } from "@/lib/server/workflow/queues";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("verify"))("title") };
}

export default async function VerificationQueuePage() {
  const actor = await requirePageActor("change:verify");
  const t = await getTranslations();
  const { requests, total } = await listVerificationQueue(actor);
  const now = new Date();
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("verify.title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("verify.intro")}</p>
      </div>
      {requests.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-6 text-slate-600">{t("verify.empty")}</p>
      ) : (
        <Table caption={t("verify.title")}>
          <thead>
            <tr>
              <Th>{t("verify.reference")}</Th>
              <Th>{t("verify.kind")}</Th>
              <Th>{t("verify.merchantType")}</Th>
              <Th>{t("verify.age")}</Th>
              <Th><span className="sr-only">{t("common.actions")}</span></Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {requests.map((r) => (
              <tr key={r.id} data-reference={r.reference}>
                <Td className="font-mono">{r.reference}</Td>
                <Td>{t(`changeRequests.kinds.${r.kind}`)}</Td>
                <Td>{t(`changeRequests.merchantTypes.${r.merchantType}`)}</Td>
                <Td><Age since={r.submittedAt} now={now} /></Td>
                <Td className="text-right">
                  <Link href={`/verify/${r.id}`} className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800">
                    {t("verify.open")}<span className="sr-only"> {r.reference}</span>
                  </Link>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <p className="text-sm text-slate-600">{t("verify.total", { total })}</p>
    </div>
  );
}
