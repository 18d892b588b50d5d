import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { TRunStatus } from "@/lib/domain/reconciliation/schemas";

const TONE = { RECEIVING: "info", STAGING: "info", COMPARING: "info", DONE: "good", REFUSED: "bad", FAILED: "bad" } as const;

export function RunStatusBadge({ status, interrupted = false }: { status: TRunStatus; interrupted?: boolean }) {
  const t = useTranslations("reconRuns");
  if (interrupted) return <Badge tone="warn">{t("interrupted")}</Badge>;
  return <Badge tone={TONE[status]}>{t(`statuses.${status}`)}</Badge>;
}
