import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/change-requests/status-badge";
import { Table, Td, Th } from "@/components/ui/table";

type Request = { id: string; reference: string; kind: string; status: string; submittedAt: Date };

/** Every change request ever made for the merchant, newest first, each linking to its page. */
export async function RequestTable({ requests }: { requests: Request[] }) {
  const t = await getTranslations();
  const format = await getFormatter();
  if (requests.length === 0) return <p className="text-sm text-slate-600">{t("merchants.requests.none")}</p>;
  return (
    <Table caption={t("merchants.sections.requests")}>
      <thead>
        <tr>
          <Th>{t("changeRequests.reference")}</Th>
          <Th>{t("changeRequests.kind")}</Th>
          <Th>{t("changeRequests.status")}</Th>
          <Th>{t("changeRequests.submittedAt")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {requests.map((r) => (
          <tr key={r.id}>
            <Td><Link href={`/change-requests/${r.id}`} className="font-mono text-brand-700 underline underline-offset-2">{r.reference}</Link></Td>
            <Td>{t(`changeRequests.kinds.${r.kind}`)}</Td>
            <Td><StatusBadge status={r.status} /></Td>
            <Td className="whitespace-nowrap">{format.dateTime(r.submittedAt, { dateStyle: "medium", timeStyle: "short" })}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
