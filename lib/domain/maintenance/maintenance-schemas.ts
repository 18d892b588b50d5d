import { z } from "zod";

const MAX_MESSAGE = 500;

/** A date-time as typed in a datetime-local field (browser: local time) or sent as ISO 8601 (server). */
const dateTime = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .min(1, { error: message })
    .refine((s) => s === "" || !Number.isNaN(Date.parse(s)), { error: message });

const message = (key: string) => z.string({ error: key }).trim().min(1, { error: key }).max(MAX_MESSAGE, { error: "validation.maintenance.messageTooLong" });

export const ZScheduleMaintenanceWindowSchema = z
  .strictObject({
    startsAt: dateTime("validation.maintenance.startsAt"),
    endsAt: dateTime("validation.maintenance.endsAt"),
    messageZh: message("validation.maintenance.messageZh"),
    messageEn: message("validation.maintenance.messageEn"),
  })
  .refine((v) => Number.isNaN(Date.parse(v.startsAt)) || Number.isNaN(Date.parse(v.endsAt)) || Date.parse(v.startsAt) < Date.parse(v.endsAt), {
    path: ["endsAt"],
    error: "validation.maintenance.endBeforeStart",
  });
export type TScheduleMaintenanceWindow = z.input<typeof ZScheduleMaintenanceWindowSchema>;

/** The longest window an admin may schedule: longer outages are not "maintenance". */
export const MAX_WINDOW_HOURS = 72;

export const ZCancelMaintenanceWindowSchema = z.strictObject({ id: z.string().min(1).max(64), version: z.number().int().min(1) });
export type TCancelMaintenanceWindow = z.input<typeof ZCancelMaintenanceWindowSchema>;

export const ZSetReadOnlySchema = z.strictObject({ readOnly: z.boolean(), version: z.number().int().min(1) });
export type TSetReadOnly = z.input<typeof ZSetReadOnlySchema>;
