/** A window as the state computation needs it (cancelled windows are never passed in). */
export type TWindowTimes = { id: string; startsAt: Date; endsAt: Date; messageZh: string; messageEn: string; version: number };

export type TMaintenanceState = {
  readOnly: boolean;
  /** Why the app is read-only: the admin's switch wins over a window (it has no planned end). */
  reason: "manual" | "window" | null;
  /** When read-only is expected to end; null when unknown (manual switch). */
  until: Date | null;
  /** For HTTP Retry-After: the seconds until `until`, or a short default when unknown. */
  retryAfterSeconds: number;
  /** The window in force now, if any. */
  window: TWindowTimes | null;
  /** The next window inside the announcement lead time (not yet started), if any. */
  announced: TWindowTimes | null;
};

const UNKNOWN_RETRY_SECONDS = 300;

/** Pure: the read-only state at `now` from the manual switch, the uncancelled windows and the lead time. */
export function maintenanceState(now: Date, input: { manual: boolean; windows: TWindowTimes[]; leadHours: number }): TMaintenanceState {
  const t = now.getTime();
  const sorted = [...input.windows].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const window = sorted.find((w) => w.startsAt.getTime() <= t && t < w.endsAt.getTime()) ?? null;
  const leadMs = input.leadHours * 3_600_000;
  const announced = sorted.find((w) => w.startsAt.getTime() > t && w.startsAt.getTime() - t <= leadMs) ?? null;
  const reason = input.manual ? "manual" : window ? "window" : null;
  const until = reason === "window" && window ? window.endsAt : null;
  const retryAfterSeconds = until ? Math.max(1, Math.ceil((until.getTime() - t) / 1000)) : UNKNOWN_RETRY_SECONDS;
  return { readOnly: reason !== null, reason, until, retryAfterSeconds, window, announced };
}

/**
 * Audit actions that may still be written while read-only: signing in and out (reads need a session),
 * the steps that clear a pending sign-in requirement, the own locale, the audit trail's own
 * housekeeping, audited reads (unmasking, report exports), reference rows seeded at startup (an
 * instance deployed during maintenance must still start) and the maintenance switch itself.
 */
export const READ_ONLY_SAFE_AUDIT_ACTIONS: readonly RegExp[] = [
  /^auth\./,
  /^audit\./,
  /^maintenance\./,
  /^user\.locale-changed$/,
  /^sensitive\.unmasked$/,
  /^spotcheck\.report-exported$/,
  /^merchant\.exported$/,
  /^reconciliation\.findings-exported$/,
  /^reference\.seeded$/,
  // The record of a key rotation run, written even when maintenance stopped it midway: the batches
  // already committed must not go unaudited. The batches themselves are refused (decision 028).
  /^keys\.rotated$/,
];

export function allowedWhileReadOnly(auditAction: string) {
  return READ_ONLY_SAFE_AUDIT_ACTIONS.some((r) => r.test(auditAction));
}
