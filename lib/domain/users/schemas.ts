import { z } from "zod";
import { ROLES } from "@/lib/domain/permissions";

// Messages are i18n keys (messages/*.json "validation.*"); forms and API answers translate them.
export const ZUsernameSchema = z
  .string({ error: "validation.required" })
  .trim()
  .toLowerCase()
  .min(3, { error: "validation.username.length" })
  .max(32, { error: "validation.username.length" })
  .regex(/^[a-z0-9][a-z0-9._-]*$/, { error: "validation.username.format" });

export const ZNewPasswordSchema = z
  .string({ error: "validation.required" })
  .min(12, { error: "validation.password.length" })
  .max(128, { error: "validation.password.length" })
  .refine((p) => [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(p)).length >= 3, {
    error: "validation.password.classes",
  });

export const ZSignInSchema = z.object({
  username: z.string().trim().toLowerCase().min(1, { error: "validation.required" }).max(64, { error: "validation.tooLong" }),
  password: z.string().min(1, { error: "validation.required" }).max(256, { error: "validation.tooLong" }),
});
export type TSignIn = z.infer<typeof ZSignInSchema>;

export const ZCreateUserSchema = z.object({
  username: ZUsernameSchema,
  displayName: z.string().trim().min(1, { error: "validation.required" }).max(60, { error: "validation.tooLong" }),
  role: z.enum(ROLES, { error: "validation.role" }),
  initialPassword: ZNewPasswordSchema,
});
export type TCreateUser = z.infer<typeof ZCreateUserSchema>;

const ZUserTarget = { userId: z.string().min(1).max(64), version: z.coerce.number().int().positive() };

export const ZChangeUserRoleSchema = z.object({ ...ZUserTarget, role: z.enum(ROLES, { error: "validation.role" }) });
export type TChangeUserRole = z.infer<typeof ZChangeUserRoleSchema>;

export const ZSetUserDisabledSchema = z.object({ ...ZUserTarget, disabled: z.boolean() });
export type TSetUserDisabled = z.infer<typeof ZSetUserDisabledSchema>;

export const ZResetUserPasswordSchema = z.object({ ...ZUserTarget, newPassword: ZNewPasswordSchema });
export type TResetUserPassword = z.infer<typeof ZResetUserPasswordSchema>;

export const ZEndUserSessionsSchema = z.object({ userId: z.string().min(1).max(64) });

export const ZChangePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, { error: "validation.required" }).max(256),
    newPassword: ZNewPasswordSchema,
    confirmPassword: z.string().min(1, { error: "validation.required" }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], error: "validation.password.mismatch" })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], error: "validation.password.same" });
export type TChangePassword = z.infer<typeof ZChangePasswordSchema>;

export const ZTotpCodeSchema = z.object({
  code: z.string().trim().regex(/^\d{6}$/, { error: "validation.totp.format" }),
});

export const LOCALES = ["zh-CN", "en"] as const;
export type TLocale = (typeof LOCALES)[number];
export const ZLocaleSchema = z.object({ locale: z.enum(LOCALES) });
