import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";

type Terminal = { id: string; terminalId: string; serialNo: string; installAddress: string; boundFrom: Date; boundTo: Date | null };

/** Bound terminals first, then those unbound, each with the period it belonged to this merchant. */
export async function TerminalTable({ terminals }: { terminals: Terminal[] }) {
  const t = await getTranslations("merchants");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  if (terminals.length === 0) return <p className="text-sm text-slate-600">{t("terminals.none")}</p>;
  const sorted = [...terminals].sort((a, b) => Number(!!a.boundTo) - Number(!!b.boundTo) || b.boundFrom.getTime() - a.boundFrom.getTime());
  return (
    <Table caption={t("sections.terminals")}>
      <thead>
        <tr>
          <Th>{t("fields.terminalId")}</Th>
          <Th>{t("fields.serialNo")}</Th>
          <Th>{t("fields.installAddress")}</Th>
          <Th>{t("terminals.period")}</Th>
          <Th>{t("columns.status")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {sorted.map((x) => (
          <tr key={x.id}>
            <Td className="font-mono">{x.terminalId}</Td>
            <Td className="font-mono">{x.serialNo}</Td>
            <Td>{x.installAddress}</Td>
            <Td className="whitespace-nowrap">{t("accounts.period", { from: when(x.boundFrom), to: x.boundTo ? when(x.boundTo) : t("accounts.untilNow") })}</Td>
            <Td>{x.boundTo ? <Badge>{t("terminals.unbound")}</Badge> : <Badge tone="good">{t("terminals.bound")}</Badge>}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
