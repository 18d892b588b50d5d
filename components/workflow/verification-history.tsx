import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { VERIFIED_FIELDS } from "@/lib/domain/workflow/schemas";

type Verification = { at: Date; matched: boolean; fields: Record<string, boolean> };

/** Every blind re-key of this request, newest first, field by field (match or not, never a value). */
export async function VerificationHistory({ verifications, needsCreditCode }: { verifications: Verification[]; needsCreditCode: boolean }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const fields = VERIFIED_FIELDS.filter((f) => f !== "creditCode" || needsCreditCode);
  const verdict = (ok: boolean | undefined) => (ok === undefined ? "—" : <Badge tone={ok ? "good" : "bad"}>{ok ? `✓ ${t("review.matched")}` : `✗ ${t("review.mismatched")}`}</Badge>);
  return (
    <section aria-labelledby="verifications-title" className="space-y-2">
      <h2 id="verifications-title" className="text-lg font-semibold">{t("review.verificationsTitle")}</h2>
      {verifications.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-4 text-slate-600">{t("review.noVerifications")}</p>
      ) : (
        <Table caption={t("review.verificationsTitle")}>
          <thead>
            <tr>
              <Th>{t("review.verifiedAt")}</Th>
              <Th>{t("review.result")}</Th>
              {fields.map((f) => <Th key={f}>{t(`verify.fields.${f}`)}</Th>)}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {verifications.map((v) => (
              <tr key={v.at.toISOString()}>
                <Td className="whitespace-nowrap">{format.dateTime(v.at, { dateStyle: "medium", timeStyle: "short" })}</Td>
                <Td>{verdict(v.matched)}</Td>
                {fields.map((f) => <Td key={f}>{verdict(v.fields[f])}</Td>)}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
