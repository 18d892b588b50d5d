"use server";

import { submitCardholderReport } from "@/lib/server/cases/submit-cardholder-report";
import { asActionResult } from "@/lib/server/errors";
import { currentRequestMeta } from "@/lib/server/request-meta";

/** Public: cardholders have no account. Throttled per address inside the use case. */
export async function submitCardholderReportAction(input: unknown) {
  return asActionResult(async () => submitCardholderReport({ input, requestMeta: await currentRequestMeta() }));
}
