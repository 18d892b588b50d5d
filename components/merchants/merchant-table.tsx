import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Table, Td, Th } from "@/components/ui/table";
import { divisionLabel, masked, mccLabel } from "./format";
import { MerchantStatusBadge } from "./merchant-status-badge";

type Row = {
  id: string;
  merchantNo: string | null;
  legalName: string | null;
  type: string | null;
  status: string;
  mcc: string | null;
  divisionCode: string | null;
  accountLast4: string | null;
  openRequest: { id: string; reference: string; status: string } | null;
};

export async function MerchantTable({ merchants, caption }: { merchants: Row[]; caption: string }) {
  const t = await getTranslations("merchants");
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>{t("columns.merchantNo")}</Th>
          <Th>{t("columns.name")}</Th>
          <Th>{t("columns.type")}</Th>
          <Th>{t("columns.mcc")}</Th>
          <Th>{t("columns.division")}</Th>
          <Th>{t("columns.account")}</Th>
          <Th>{t("columns.status")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {merchants.map((m) => {
          return (
            <tr key={m.id} data-merchant-no={m.merchantNo ?? ""}>
              <Td className="font-mono whitespace-nowrap">{m.merchantNo}</Td>
              <Td>
                <Link href={`/merchants/${m.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">{m.legalName}</Link>
              </Td>
              <Td className="whitespace-nowrap">{m.type ? t(`types.${m.type}`) : ""}</Td>
              <Td>{mccLabel(m.mcc, locale)}</Td>
              <Td className="whitespace-nowrap">{divisionLabel(m.divisionCode)}</Td>
              <Td className="font-mono whitespace-nowrap">{masked(m.accountLast4)}</Td>
              <Td>
                <span className="flex flex-wrap items-center gap-1.5">
                  <MerchantStatusBadge status={m.status} />
                  {m.openRequest && (
                    <Link
                      href={`/change-requests/${m.openRequest.id}`}
                      className="inline-flex items-center rounded bg-amber-100 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-amber-900 underline underline-offset-2 hover:bg-amber-200"
                      aria-label={t("openRequestLink", { reference: m.openRequest.reference })}
                    >
                      {t("openRequest")}
                    </Link>
                  )}
                </span>
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
