"use server";

import QRCode from "qrcode";
import { changeOwnPassword } from "@/lib/server/auth/change-own-password";
import { requireSignedIn } from "@/lib/server/auth/current-actor";
import { beginTotpEnrolment, verifySecondFactor } from "@/lib/server/auth/mfa";
import { asActionResult } from "@/lib/server/errors";
import { currentRequestMeta } from "@/lib/server/request-meta";

export async function changePasswordAction(input: unknown) {
  return asActionResult(async () => changeOwnPassword(await requireSignedIn(), input, await currentRequestMeta()), "read-only-safe");
}

export async function beginEnrolmentAction() {
  return asActionResult(async () => {
    const { secret, uri } = await beginTotpEnrolment(await requireSignedIn());
    return { secret, qr: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
  }, "read-only-safe");
}

export async function verifySecondFactorAction(input: unknown) {
  return asActionResult(async () => verifySecondFactor(await requireSignedIn(), input, await currentRequestMeta()), "read-only-safe");
}
