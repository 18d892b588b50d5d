"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useLocale, useTranslations } from "next-intl";

export type BannerWindow = { startsAt: string; endsAt: string; messageZh: string; messageEn: string };

/** "2 小时 05 分 09 秒" / "2 h 05 min 09 s": the time left, to the second. */
function useCountdown(target: string) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = Math.max(0, Math.floor((new Date(target).getTime() - now) / 1000));
  return { left, hours: Math.floor(left / 3600), minutes: Math.floor((left % 3600) / 60), seconds: left % 60 };
}

/**
 * Shown to every signed-in user: an announced window with a live countdown to its start, or the
 * read-only notice while maintenance is on. When the countdown runs out the page reloads its state.
 */
export function MaintenanceBanner({ readOnly, reason, until, announced, current }: { readOnly: boolean; reason: "manual" | "window" | null; until: string | null; announced: BannerWindow | null; current: BannerWindow | null }) {
  const t = useTranslations("maintenance.banner");
  const format = useFormatter();
  const locale = useLocale();
  const router = useRouter();
  const target = readOnly ? until : announced?.startsAt;
  const countdown = useCountdown(target ?? new Date().toISOString());
  const expired = !!target && countdown.left === 0;
  useEffect(() => {
    if (expired) router.refresh();
  }, [expired, router]);
  const message = (w: BannerWindow | null) => (w ? (locale === "en" ? w.messageEn : w.messageZh) : null);
  const time = (iso: string) => format.dateTime(new Date(iso), { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" });
  const mmss = { minutes: String(countdown.minutes).padStart(2, "0"), seconds: String(countdown.seconds).padStart(2, "0") };
  const left = countdown.hours > 0 ? t("left", { hours: countdown.hours, ...mmss }) : t("leftShort", mmss);

  if (readOnly) {
    return (
      <div role="status" data-testid="maintenance-banner" className="border-b-2 border-red-700 bg-red-50">
        <div className="mx-auto max-w-7xl px-4 py-2 text-sm text-red-950">
          <p className="font-semibold">{reason === "window" && until ? t("readOnlyUntil", { until: time(until), left }) : t("readOnly")}</p>
          <p>{[message(current), t("readOnlyHelp")].filter(Boolean).join(" ")}</p>
        </div>
      </div>
    );
  }
  if (!announced) return null;
  return (
    <div role="status" data-testid="maintenance-banner" className="border-b-2 border-amber-600 bg-amber-50">
      <div className="mx-auto max-w-7xl px-4 py-2 text-sm text-amber-950">
        <p className="font-semibold">
          {t("announced", { start: time(announced.startsAt), end: time(announced.endsAt) })}{" "}
          <span className="font-mono tabular-nums" aria-label={t("countdownLabel", { left })}>{t("startsIn", { left })}</span>
        </p>
        <p>{[message(announced), t("announcedHelp")].filter(Boolean).join(" ")}</p>
      </div>
    </div>
  );
}
