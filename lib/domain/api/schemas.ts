import { z } from "zod";
import { API_SCOPES } from "../api-tokens/scopes";
import { ZMerchantApplicationSchema } from "../merchant/application-schema";

/** Request and response shapes of /api/v1: the handlers' use cases parse with the same schemas, the OpenAPI document is generated from them. */
export const ZApiApplicationRequest = z.strictObject({ data: ZMerchantApplicationSchema });

export const ZApiMerchantChangeRequest = z
  .strictObject({
    merchantVersion: z.number().int().positive().meta({ description: "The merchant version the change was made against; a newer one means 409." }),
    data: ZMerchantApplicationSchema,
  });

export const ZApiMerchantQuery = z.strictObject({
  merchantNo: z.string().trim().max(32).optional().meta({ description: "Exact merchant number." }),
  name: z.string().trim().min(1).max(64).optional().meta({ description: "Prefix of the legal or receipt name." }),
  status: z.enum(["ACTIVE", "SUSPENDED", "CLOSED"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional().meta({ description: "nextCursor of the previous page." }),
});

const ZFinding = z.object({ code: z.string(), field: z.string().optional() }).loose();

export const ZSubmissionResult = z
  .object({ changeRequestId: z.string(), reference: z.string(), findings: z.array(ZFinding), changesAccount: z.boolean().optional() });

export const ZValidationResult = z.object({ valid: z.literal(true), findings: z.array(ZFinding) });

const ZReceivingAccount = z.object({
  accountType: z.enum(["CORPORATE", "PERSONAL"]),
  accountName: z.string(),
  accountLast4: z.string().meta({ description: "Only the last four digits: the API never returns a full account number." }),
  bankCode: z.string(),
  branchName: z.string(),
  cnaps: z.string(),
  effectiveFrom: z.iso.datetime().nullable(),
});

export const ZMerchantSummary = z
  .object({
    id: z.string(), merchantNo: z.string().nullable(), legalName: z.string().nullable(), receiptName: z.string().nullable(),
    type: z.string().nullable(), status: z.string(), mcc: z.string().nullable(), divisionCode: z.string().nullable(), version: z.number().int(),
    updatedAt: z.iso.datetime(), receivingAccount: ZReceivingAccount.nullable(),
  });

export const ZMerchantPage = z.object({ items: z.array(ZMerchantSummary), nextCursor: z.string().nullable() });

export const ZMerchantDetail = ZMerchantSummary.extend({
  legalRepName: z.string().nullable(),
  legalRepIdLast4: z.string().nullable(),
  terminals: z.array(z.object({ terminalId: z.string(), serialNo: z.string(), installAddress: z.string(), boundFrom: z.iso.datetime() })),
});

export const ZChangeRequestStatus = z
  .object({
    id: z.string(), reference: z.string(), kind: z.enum(["ONBOARD", "UPDATE", "SUSPEND", "REACTIVATE"]),
    status: z.enum(["AWAITING_VERIFICATION", "AWAITING_APPROVAL", "AWAITING_SECOND_APPROVAL", "RETURNED", "REJECTED", "CANCELLED", "PENDING_CONFIRMATION", "EFFECTIVE"]),
    merchantId: z.string(), merchantNo: z.string().nullable(), submittedAt: z.iso.datetime(), decidedAt: z.iso.datetime().nullable(),
    holdUntil: z.iso.datetime().nullable(), decisionNote: z.string().nullable(), mismatchedFields: z.array(z.string()),
  });

export const ZProblem = z
  .object({
    type: z.string(), title: z.string(), status: z.number().int(), code: z.string(), detail: z.string().optional(),
    errors: z.array(z.object({ pointer: z.string(), field: z.string(), messages: z.array(z.string()) })),
    fieldErrors: z.record(z.string(), z.array(z.string())),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
  })
  .meta({ description: "RFC 9457 problem details; messages are i18n keys (messages/en.json)." });

export { API_SCOPES };
