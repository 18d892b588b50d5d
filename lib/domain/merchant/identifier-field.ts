import { z } from "zod";
import { checkField, normalizeName, type FieldKind } from "@/lib/domain/validation";

/**
 * A zod string that goes through `checkField` — the one implementation behind forms, server,
 * API and import — and outputs the normalised value. Messages are `field.<CODE>` keys, resolved
 * through FIELD_MESSAGES.
 */
export function identifier(kind: FieldKind) {
  return z.string({ error: "validation.required" }).transform((raw, ctx) => {
    const result = checkField(kind, raw);
    if (!result.ok) {
      ctx.addIssue({ code: "custom", message: `field.${result.code ?? "BAD_FORMAT"}` });
      return z.NEVER;
    }
    return result.normalized ?? raw;
  });
}

/** Names are compared after normalisation: trim, collapse spaces, fold full-width ASCII and brackets. */
export function nameField(max: number) {
  return z
    .string({ error: "validation.required" })
    .max(max * 4, { error: "validation.tooLong" })
    .transform(normalizeName)
    .pipe(z.string().min(1, { error: "validation.required" }).max(max, { error: "validation.tooLong" }));
}

/** A contact number: a mobile number, else a fixed line; the error names whichever it looked like. */
export function phoneField() {
  return z.string({ error: "validation.required" }).transform((raw, ctx) => {
    const mobile = checkField("mobile", raw);
    if (mobile.ok) return mobile.normalized!;
    const fixed = checkField("fixedLine", raw);
    if (fixed.ok) return fixed.normalized!;
    ctx.addIssue({ code: "custom", message: `field.${/^\s*[+０0]?[0０]?8?6?\s*1/.test(raw) ? mobile.code : fixed.code}` });
    return z.NEVER;
  });
}
