import "server-only";
import * as OTPAuth from "otpauth";

const ISSUER = "PayeeGuard";

export function newTotpSecret() {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

export function totpFor(username: string, secretBase32: string) {
  return new OTPAuth.TOTP({ issuer: ISSUER, label: username, algorithm: "SHA1", digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secretBase32) });
}

/** Accepts the previous, current and next 30-second step to allow for clock drift. */
export function verifyTotp(username: string, secretBase32: string, code: string) {
  return totpFor(username, secretBase32).validate({ token: code, window: 1 }) !== null;
}
