import type { TPermission } from "@/lib/domain/permissions";

/**
 * Every exported server action and the access it must enforce on its own. A new action without an
 * entry here fails the matrix test: nobody ships an action whose access was never decided.
 * "public": anyone; "signed-in": any session, even one with a pending step.
 */
export const ACTION_ACCESS: Record<string, TPermission | "public" | "signed-in"> = {
  "app/actions.ts#switchLocaleAction": "public",
  "app/actions.ts#signOutAction": "public",
  "app/(public)/sign-in/actions.ts#signInAction": "public",
  "app/(session)/actions.ts#changePasswordAction": "signed-in",
  "app/(session)/actions.ts#beginEnrolmentAction": "signed-in",
  "app/(session)/actions.ts#verifySecondFactorAction": "signed-in",
  "app/(app)/admin/users/actions.ts#createUserAction": "user:manage",
  "app/(app)/admin/users/actions.ts#changeUserRoleAction": "user:manage",
  "app/(app)/admin/users/actions.ts#setUserDisabledAction": "user:manage",
  "app/(app)/admin/users/actions.ts#resetUserPasswordAction": "user:manage",
  "app/(app)/admin/users/actions.ts#endUserSessionsAction": "user:manage",
  "app/(app)/applications/actions.ts#saveDraftAction": "merchant:draft",
  "app/(app)/applications/actions.ts#deleteDraftAction": "merchant:draft",
  "app/(app)/applications/actions.ts#submitApplicationAction": "change:submit",
  "app/(app)/applications/actions.ts#previewDuplicatesAction": "merchant:draft",
  "app/(app)/admin/reference/actions.ts#updateMccAction": "reference:manage",
  "app/(app)/admin/reference/actions.ts#importCardBinsAction": "reference:manage",
  "app/(app)/audit/actions.ts#verifyAuditTrailAction": "audit:verify",
  "app/(app)/change-requests/actions.ts#verifyChangeRequestAction": "change:verify",
  "app/(app)/change-requests/actions.ts#approveChangeRequestAction": "change:approve",
  "app/(app)/change-requests/actions.ts#rejectChangeRequestAction": "change:approve",
  "app/(app)/change-requests/actions.ts#returnChangeRequestAction": "change:approve",
  "app/(app)/change-requests/actions.ts#bulkApproveAction": "change:approve",
  "app/(app)/change-requests/actions.ts#correctChangeRequestAction": "change:submit",
  "app/(app)/change-requests/actions.ts#cancelChangeRequestAction": "change:submit",
  "app/(app)/merchants/actions.ts#unmaskAccountAction": "account:unmask",
  "app/(app)/confirmations/actions.ts#recordAccountConfirmationAction": "change:confirm",
  "app/(app)/admin/settings/actions.ts#updateSettingsAction": "settings:manage",
  "app/(app)/merchants/actions.ts#submitMerchantChangeAction": "change:submit",
  "app/(app)/merchants/actions.ts#requestStatusChangeAction": "change:submit",
  "app/(app)/cases/actions.ts#triageCaseAction": "case:triage",
  "app/(app)/cases/actions.ts#assignCaseAction": "case:triage",
  "app/(app)/cases/actions.ts#addCaseNoteAction": "case:triage",
  "app/(app)/cases/actions.ts#linkCaseAction": "case:triage",
  "app/(app)/cases/actions.ts#closeCaseAction": "case:triage",
};
