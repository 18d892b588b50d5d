import { FIELD_MESSAGES } from "@/lib/domain/validation/messages";

type Translator = { (key: string, params?: Record<string, string | number>): string; has(key: string): boolean };

/**
 * A stored refusal in the reader's language: "field.<CODE>" from the validators' bilingual table,
 * anything else from the message files; a key neither knows is shown as is rather than hidden.
 */
export function importMessageText(t: Translator, locale: string, key: string, params?: Record<string, string | number>) {
  const code = key.startsWith("field.") ? (key.slice(6) as keyof typeof FIELD_MESSAGES) : undefined;
  if (code && FIELD_MESSAGES[code]) return FIELD_MESSAGES[code][locale === "en" ? "en" : "zh-CN"];
  return t.has(key) ? t(key, params) : key;
}
