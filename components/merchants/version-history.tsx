import Link from "@/components/ui/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Table, Td, Th } from "@/components/ui/table";
import { fieldLabel, fieldOrder, fieldValue, isCodeField } from "./format";

type Version = {
  version: number;
  approvedAt: Date;
  approvedBy: string;
  changeRequestId: string;
  restoresVersion: number | null;
  changes: { path: string; before: unknown; after: unknown }[];
};

function Value({ value }: { value: string | string[] }) {
  if (!Array.isArray(value)) return <>{value}</>;
  return (
    <ul className="space-y-0.5">
      {value.map((line) => <li key={line}>{line}</li>)}
    </ul>
  );
}

/** Newest version first; each with who approved it and what it changed, field by field. */
export async function VersionHistory({ history, requestReferences, micro }: { history: Version[]; requestReferences: Map<string, string>; micro: boolean }) {
  const t = await getTranslations("merchants");
  const format = await getFormatter();
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  if (history.length === 0) return <p className="text-sm text-slate-600">{t("history.none")}</p>;
  return (
    <ol className="space-y-4">
      {history.map((v) => {
        const changes = [...v.changes].sort((a, b) => fieldOrder(a.path) - fieldOrder(b.path));
        const reference = requestReferences.get(v.changeRequestId);
        const title = t("history.versionN", { version: v.version });
        return (
          <li key={v.version} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" data-version={v.version}>
            <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
              <h3 className="font-semibold text-slate-900">
                {title}
                {v.version === 1 && <span className="ml-2 text-sm font-normal text-slate-600">{t("history.initial")}</span>}
                {v.restoresVersion !== null && <span className="ml-2 text-sm font-normal text-amber-900">{t("history.restored", { version: v.restoresVersion })}</span>}
              </h3>
              <p className="text-sm text-slate-700">
                {t("history.approved", { at: format.dateTime(v.approvedAt, { dateStyle: "medium", timeStyle: "short" }), by: v.approvedBy || "—" })}
                {reference && (
                  <>
                    {" · "}
                    <Link href={`/change-requests/${v.changeRequestId}`} className="font-mono text-brand-700 underline underline-offset-2">{reference}</Link>
                  </>
                )}
              </p>
            </div>
            {changes.length === 0 ? (
              <p className="text-sm text-slate-600">{t("history.noChanges")}</p>
            ) : (
              <Table caption={t("history.diffCaption", { version: v.version })}>
                <thead>
                  <tr>
                    <Th className="w-48">{t("history.field")}</Th>
                    <Th>{t("history.before")}</Th>
                    <Th>{t("history.after")}</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {changes.map((c) => (
                    <tr key={c.path}>
                      <th scope="row" className="px-3 py-2 text-left font-medium text-slate-700">{fieldLabel(c.path, t, micro)}</th>
                      <Td className={`text-slate-600 ${isCodeField(c.path) ? "font-mono" : ""}`}><Value value={fieldValue(c.path, c.before, t, locale)} /></Td>
                      <Td className={isCodeField(c.path) ? "font-mono" : ""}><Value value={fieldValue(c.path, c.after, t, locale)} /></Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </li>
        );
      })}
    </ol>
  );
}
