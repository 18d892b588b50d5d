import crypto from "node:crypto";
import { cnapsCheckDigit, residentIdCheckChar, usccCheckChar } from "@/lib/domain/validation";
import type { TMerchantApplicationInput } from "@/lib/domain/merchant/application-schema";
import { prisma } from "@/lib/server/db";

const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

function digits(n: number) {
  return Array.from({ length: n }, () => crypto.randomInt(10)).join("");
}

/** A fresh, valid enterprise credit code (91 + Fuzhou division + random organisation code). */
export function uniqueUscc(prefix = "91") {
  const body = `${prefix}350102${Array.from({ length: 9 }, () => USCC_CHARS[crypto.randomInt(USCC_CHARS.length)]).join("")}`;
  return body + usccCheckChar(body);
}

export function uniqueTerminalId() {
  return digits(8);
}

export function luhnCard(prefix = "622202") {
  const body = prefix + digits(9);
  let sum = 0;
  [...body].reverse().forEach((c, i) => {
    let d = Number(c);
    if (i % 2 === 0) d *= 2;
    if (d > 9) d -= 9;
    sum += d;
  });
  return body + ((10 - (sum % 10)) % 10);
}

/** Random birth date and sequence: two calls practically never give the same person. */
export function validResidentId() {
  const year = 1960 + crypto.randomInt(40);
  const month = String(1 + crypto.randomInt(12)).padStart(2, "0");
  const day = String(1 + crypto.randomInt(28)).padStart(2, "0");
  const body = `110101${year}${month}${day}${digits(3)}`;
  return body + residentIdCheckChar(body);
}

/** Area 3910 (Fuzhou), matching the applications' Fuzhou address: no bank-area flag. */
export function validCnaps(bank = "102", area = "3910") {
  const body = `${bank}${area}${digits(4)}`;
  return body + cnapsCheckDigit(body);
}

/** Reference rows the applications below rely on (the real seed fills many more). */
export async function ensureReferenceRows() {
  const db = await prisma();
  await db.mcc.upsert({ where: { code: "5411" }, update: {}, create: { code: "5411", nameZh: "超市", nameEn: "Grocery stores, supermarkets" } });
  await db.bankCategory.upsert({ where: { code: "102" }, update: {}, create: { code: "102", nameZh: "中国工商银行", nameEn: "ICBC" } });
  await db.cardBin.upsert({ where: { prefix: "622202" }, update: {}, create: { prefix: "622202", bankName: "工商银行", cardType: "DEBIT" } });
  await db.cardBin.upsert({ where: { prefix: "625911" }, update: {}, create: { prefix: "625911", bankName: "某银行信用卡", cardType: "CREDIT" } });
}

export function enterpriseApplication(overrides: { creditCode?: string; accountNo?: string; terminalId?: string } = {}): TMerchantApplicationInput {
  const legalName = `测试贸易有限公司${crypto.randomBytes(3).toString("hex")}`;
  return {
    merchant: {
      type: "ENTERPRISE", legalName, receiptName: "测试贸易", creditCode: overrides.creditCode ?? uniqueUscc(),
      legalRepName: "林测试", legalRepId: validResidentId(), phone: `139${digits(8)}`, mcc: "5411", divisionCode: "350102", street: "五四路 1 号",
    },
    account: { accountType: "CORPORATE", accountName: legalName, accountNo: overrides.accountNo ?? digits(16), bankCode: "102", branchName: "工行福州分行", cnaps: validCnaps(), thirdPartyAuthRef: "", thirdPartyAuthDate: "" },
    terminals: [{ terminalId: overrides.terminalId ?? uniqueTerminalId(), serialNo: `SN${digits(10)}`, installAddress: "五四路 1 号收银台" }],
  };
}

/** A micro-merchant: no business licence (no credit code), paid to the owner's own debit card. */
export function microApplication(): TMerchantApplicationInput {
  const legalRepName = "陈小微";
  return {
    merchant: {
      type: "MICRO", legalName: `陈小微水果摊${crypto.randomBytes(3).toString("hex")}`, receiptName: "小微水果", creditCode: "",
      legalRepName, legalRepId: validResidentId(), phone: `138${digits(8)}`, mcc: "5411", divisionCode: "350102", street: "南街 2 号",
    },
    account: { accountType: "PERSONAL", accountName: legalRepName, accountNo: luhnCard(), bankCode: "102", branchName: "工行福州分行", cnaps: validCnaps(), thirdPartyAuthRef: "", thirdPartyAuthDate: "" },
    terminals: [{ terminalId: uniqueTerminalId(), serialNo: `SN${digits(10)}`, installAddress: "南街 2 号" }],
  };
}
