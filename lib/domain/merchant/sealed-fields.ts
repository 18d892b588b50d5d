/**
 * The two numbers a stored proposal or master record keeps sealed (encrypted, indexed, last 4).
 * A form that edits stored data never receives them: it shows the last 4 on file, and a field
 * left blank keeps the sealed value, which the server fills in itself.
 */
export const SEALED_FIELDS = ["legalRepId", "accountNo"] as const;
export type TSealedField = (typeof SEALED_FIELDS)[number];

/** Where each sealed number sits in the application form. */
export const SEALED_FIELD_PATH: Record<TSealedField, "merchant.legalRepId" | "account.accountNo"> = {
  legalRepId: "merchant.legalRepId",
  accountNo: "account.accountNo",
};

/** Blank means "keep what is on file"; spaces alone are blank too. */
export function isKeptBlank(value: unknown): boolean {
  return typeof value === "string" && value.trim() === "";
}

/** Of the fields a checker found different, the sealed ones: keeping them blank would keep the disputed value. */
export function sealedFieldsToRetype(mismatchedFields: readonly string[]): TSealedField[] {
  return SEALED_FIELDS.filter((field) => mismatchedFields.includes(field));
}
