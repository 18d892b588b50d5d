import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";

const TONE = { OPEN: "warn", TRIAGED: "info", IN_PROGRESS: "info", CLOSED: "neutral" } as const;

export async function CaseStatusBadge({ status }: { status: keyof typeof TONE }) {
  const t = await getTranslations("cases.statuses");
  return <Badge tone={TONE[status]}>{t(status)}</Badge>;
}
