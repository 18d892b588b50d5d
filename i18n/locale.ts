import { LOCALES, type TLocale } from "@/lib/domain/users/schemas";

export const LOCALE_COOKIE = "NEXT_LOCALE";
export const DEFAULT_LOCALE: TLocale = "zh-CN";

export function toLocale(value: string | undefined | null): TLocale {
  return (LOCALES as readonly string[]).includes(value ?? "") ? (value as TLocale) : DEFAULT_LOCALE;
}
