import { z } from "zod";
import { API_SCOPES } from "./scopes";

export const TOKEN_LIFETIMES = ["30", "90", "365", "never"] as const;

export const ZCreateApiTokenSchema = z.strictObject({
  name: z.string().trim().min(3, { error: "validation.apiToken.nameLength" }).max(80, { error: "validation.apiToken.nameLength" }),
  scopes: z.array(z.enum(API_SCOPES, { error: "validation.apiToken.scopes" })).min(1, { error: "validation.apiToken.scopes" }).max(API_SCOPES.length),
  actingUserId: z.string({ error: "validation.apiToken.actingUser" }).min(1, { error: "validation.apiToken.actingUser" }).max(64),
  lifetime: z.enum(TOKEN_LIFETIMES, { error: "validation.apiToken.lifetime" }),
});
export type TCreateApiToken = z.infer<typeof ZCreateApiTokenSchema>;

export const ZRevokeApiTokenSchema = z.strictObject({ id: z.string().min(1).max(64), version: z.number().int().positive() });

/** `pg_live_<lookup id>_<secret>`: the prefix makes a leaked token recognisable to secret scanners. */
export const TOKEN_PATTERN = /^pg_live_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export function expiryFor(lifetime: (typeof TOKEN_LIFETIMES)[number], now: Date): Date | null {
  return lifetime === "never" ? null : new Date(now.getTime() + Number(lifetime) * 86_400_000);
}
