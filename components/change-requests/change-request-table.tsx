import { getFormatter, getTranslations } from "next-intl/server";
import { Table, Td, Th } from "@/components/ui/table";
import { StatusBadge } from "./status-badge";

type Row = { id: string; reference: string; kind: string; status: string; legalName: string; merchantType: string; accountLast4: string; submittedAt: Date };

export async function ChangeRequestTable({ requests, caption }: { requests: Row[]; caption: string }) {
  const t = await getTranslations("changeRequests");
  const format = await getFormatter();
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>{t("reference")}</Th>
          <Th>{t("merchant")}</Th>
          <Th>{t("kind")}</Th>
          <Th>{t("type")}</Th>
          <Th>{t("account")}</Th>
          <Th>{t("status")}</Th>
          <Th>{t("submittedAt")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {requests.map((r) => (
          <tr key={r.id} data-reference={r.reference}>
            <Td className="font-mono">{r.reference}</Td>
            <Td>{r.legalName}</Td>
            <Td>{t(`kinds.${r.kind}`)}</Td>
            <Td>{t(`merchantTypes.${r.merchantType}`)}</Td>
            <Td className="font-mono">•••• {r.accountLast4}</Td>
            <Td><StatusBadge status={r.status} /></Td>
            <Td>{format.dateTime(r.submittedAt, { dateStyle: "medium", timeStyle: "short" })}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
