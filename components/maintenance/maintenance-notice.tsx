import { prisma } from "@/lib/server/db";
import { readOnlyNow } from "@/lib/server/maintenance/read-only-now";
import { MaintenanceBanner, type BannerWindow } from "./maintenance-banner";

const plain = (w: { startsAt: Date; endsAt: Date; messageZh: string; messageEn: string } | null): BannerWindow | null =>
  w ? { startsAt: w.startsAt.toISOString(), endsAt: w.endsAt.toISOString(), messageZh: w.messageZh, messageEn: w.messageEn } : null;

/** The app shell's maintenance banner, from the same state the mutation guard uses. */
export async function MaintenanceNotice() {
  const state = await readOnlyNow(await prisma());
  if (!state.readOnly && !state.announced) return null;
  return <MaintenanceBanner readOnly={state.readOnly} reason={state.reason} until={state.until?.toISOString() ?? null} announced={plain(state.announced)} current={plain(state.window)} />;
}
