import { DEFAULT_SETTINGS } from "@/lib/domain/settings/settings-schema";

/** The admin's settings form as it arrives, every field at its default unless overridden. */
export const settingsForm = (overrides: Record<string, unknown> = {}) => ({
  versions: {},
  acquirerCode: DEFAULT_SETTINGS.acquirerCode,
  holdDays: String(DEFAULT_SETTINGS.confirmation.holdDays),
  maintenanceLeadHours: String(DEFAULT_SETTINGS.maintenance.leadHours),
  keepStagedDays: String(DEFAULT_SETTINGS.reconciliation.keepStagedDays),
  ...Object.fromEntries(Object.entries(DEFAULT_SETTINGS.risk).map(([k, v]) => [k, String(v)])),
  ...overrides,
});
