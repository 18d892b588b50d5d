import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";

const TONE: Record<string, "neutral" | "good" | "warn" | "bad" | "info"> = { ONBOARDING: "info", ACTIVE: "good", SUSPENDED: "warn", CLOSED: "neutral" };

export async function MerchantStatusBadge({ status }: { status: string }) {
  const t = await getTranslations("merchants.statuses");
  return <Badge tone={TONE[status] ?? "neutral"}>{t(status)}</Badge>;
}
