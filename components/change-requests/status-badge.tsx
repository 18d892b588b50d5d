import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";

const TONE: Record<string, "neutral" | "good" | "warn" | "bad" | "info"> = {
  AWAITING_VERIFICATION: "info",
  AWAITING_APPROVAL: "info",
  AWAITING_SECOND_APPROVAL: "warn",
  RETURNED: "warn",
  REJECTED: "bad",
  CANCELLED: "neutral",
  PENDING_CONFIRMATION: "warn",
  EFFECTIVE: "good",
};

export async function StatusBadge({ status }: { status: string }) {
  const t = await getTranslations("changeRequests.statuses");
  return <Badge tone={TONE[status] ?? "neutral"}>{t(status)}</Badge>;
}
