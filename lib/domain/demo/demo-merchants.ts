import type { TAccountType, TMerchantApplicationInput, TMerchantType } from "../merchant/application-schema";
import { cnapsCheckDigit, luhnValid, orgCodeCheckChar, residentIdCheckChar, usccCheckChar } from "../validation";

/**
 * The demo merchants, as a clerk would type them. Every identifier is synthetic but valid (check
 * digits computed by the domain's own functions). Pure, so that the end-to-end suite can know the
 * full numbers it must never find on a screen, in an export or in a log.
 */

/** How far each demo application goes through the workflow. */
type Stage = "approved" | "verified" | "submitted";

export type DemoMerchant = {
  stage: Stage;
  type: TMerchantType;
  legalName: string;
  receiptName: string;
  /** 8 digits of organisation code (the check character is computed); none for micro-merchants. */
  org?: string;
  legalRepName: string;
  /** Division (6) + birth date (8) + sequence (3); the check character is computed. */
  legalRepId: string;
  phone: string;
  mcc: string;
  divisionCode: string;
  street: string;
  accountType: TAccountType;
  /** Corporate account number, or a card number without its Luhn digit. */
  accountNo: string;
  bankCode: string;
  branchName: string;
  /** Area (4) + branch sequence (4) of the CNAPS code. */
  cnapsArea: string;
  terminals: string[];
};

export const DEMO_MERCHANTS: DemoMerchant[] = [
  { stage: "approved", type: "ENTERPRISE", legalName: "福州鼓楼示例超市有限公司", receiptName: "鼓楼示例超市", org: "58120101", legalRepName: "林建华", legalRepId: "35010219780512031", phone: "13905910101", mcc: "5411", divisionCode: "350102", street: "五四路 88 号", accountType: "CORPORATE", accountNo: "1402023309000088123", bankCode: "102", branchName: "中国工商银行福州鼓楼支行", cnapsArea: "39100023", terminals: ["35A10001", "35A10002"] },
  { stage: "approved", type: "ENTERPRISE", legalName: "厦门思明示例餐饮管理有限公司", receiptName: "思明示例餐厅", org: "61230202", legalRepName: "黄志明", legalRepId: "35020319820923045", phone: "13806020202", mcc: "5812", divisionCode: "350203", street: "中山路 166 号", accountType: "CORPORATE", accountNo: "35150198010000166", bankCode: "105", branchName: "中国建设银行厦门中山路支行", cnapsArea: "39300041", terminals: ["35B20001"] },
  { stage: "approved", type: "ENTERPRISE", legalName: "福州晋安示例药房有限公司", receiptName: "晋安示例药房", org: "70560303", legalRepName: "郑丽芳", legalRepId: "35011119750306062", phone: "15959130303", mcc: "5912", divisionCode: "350111", street: "福新中路 21 号", accountType: "CORPORATE", accountNo: "591902345610303", bankCode: "308", branchName: "招商银行福州晋安支行", cnapsArea: "39100057", terminals: ["35C30001"] },
  { stage: "approved", type: "INDIVIDUAL_BUSINESS", legalName: "福州台江示例便利店", receiptName: "台江示例便利店", org: "83410404", legalRepName: "陈美玲", legalRepId: "35010319880714028", phone: "18650140404", mcc: "5499", divisionCode: "350103", street: "达江路 9 号", accountType: "PERSONAL", accountNo: "621226140200404", bankCode: "102", branchName: "中国工商银行福州台江支行", cnapsArea: "39100031", terminals: ["35D40001"] },
  { stage: "approved", type: "INDIVIDUAL_BUSINESS", legalName: "泉州丰泽示例美发店", receiptName: "丰泽示例美发", org: "92030505", legalRepName: "吴俊杰", legalRepId: "35050319900218013", phone: "13599250505", mcc: "7230", divisionCode: "350503", street: "丰泽街 318 号", accountType: "CORPORATE", accountNo: "135040100100050505", bankCode: "309", branchName: "兴业银行泉州丰泽支行", cnapsArea: "39700012", terminals: ["35E50001"] },
  { stage: "approved", type: "MICRO", legalName: "仓山张记小吃", receiptName: "张记小吃", legalRepName: "张德明", legalRepId: "35010419700101053", phone: "18759160606", mcc: "5814", divisionCode: "350104", street: "上渡路 12 号", accountType: "PERSONAL", accountNo: "622848139000060", bankCode: "103", branchName: "中国农业银行福州仓山支行", cnapsArea: "39100066", terminals: ["35F60001"] },
  { stage: "verified", type: "ENTERPRISE", legalName: "莆田城厢示例家电有限公司", receiptName: "城厢示例家电", org: "45670707", legalRepName: "方国庆", legalRepId: "35030219800808075", phone: "13859010707", mcc: "5722", divisionCode: "350302", street: "文献西路 77 号", accountType: "CORPORATE", accountNo: "13590101040007077", bankCode: "104", branchName: "中国银行莆田城厢支行", cnapsArea: "39400018", terminals: ["35G70001"] },
  { stage: "submitted", type: "ENTERPRISE", legalName: "福州仓山示例书店有限公司", receiptName: "仓山示例书店", org: "33080808", legalRepName: "刘文静", legalRepId: "35010419851120087", phone: "13960880808", mcc: "5942", divisionCode: "350104", street: "对湖路 5 号", accountType: "CORPORATE", accountNo: "1402021109000080808", bankCode: "102", branchName: "中国工商银行福州仓山支行", cnapsArea: "39100044", terminals: ["35H80001"] },
  { stage: "submitted", type: "MICRO", legalName: "马尾李记水果店", receiptName: "李记水果", legalRepName: "李秀英", legalRepId: "35010519721203096", phone: "15880190909", mcc: "5499", divisionCode: "350105", street: "罗星东路 3 号", accountType: "PERSONAL", accountNo: "621799391000090", bankCode: "403", branchName: "中国邮政储蓄银行福州马尾支行", cnapsArea: "39100072", terminals: ["35J90001"] },
];

const withLuhn = (body: string) => body + ([..."0123456789"].find((d) => luhnValid(body + d)) ?? "0");
const cnaps = (bank: string, area: string) => `${bank}${area}` + cnapsCheckDigit(`${bank}${area}`);
function uscc(type: TMerchantType, division: string, org?: string) {
  if (type === "MICRO" || !org) return "";
  const body = `${type === "ENTERPRISE" ? "91" : "92"}${division}${org}${orgCodeCheckChar(org)}`;
  return body + usccCheckChar(body);
}

/** The application exactly as a clerk would type it. */
export function demoApplication(d: DemoMerchant): TMerchantApplicationInput {
  return {
    merchant: {
      type: d.type, legalName: d.legalName, receiptName: d.receiptName, creditCode: uscc(d.type, d.divisionCode, d.org), legalRepName: d.legalRepName,
      legalRepId: d.legalRepId + residentIdCheckChar(d.legalRepId), phone: d.phone, mcc: d.mcc, divisionCode: d.divisionCode, street: d.street,
    },
    account: {
      accountType: d.accountType, accountName: d.accountType === "CORPORATE" ? d.legalName : d.legalRepName,
      accountNo: d.accountType === "PERSONAL" ? withLuhn(d.accountNo) : d.accountNo, bankCode: d.bankCode, branchName: d.branchName,
      cnaps: cnaps(d.bankCode, d.cnapsArea), thirdPartyAuthRef: "", thirdPartyAuthDate: "",
    },
    terminals: d.terminals.map((terminalId, i) => ({ terminalId, serialNo: `PAX-A920-${terminalId}`, installAddress: `${d.street}收银台 ${i + 1}` })),
  };
}

/** Every full account number and resident ID of the demo merchants: what no screen may show. */
export function demoSensitiveNumbers(): { accountNumbers: string[]; residentIds: string[] } {
  const applications = DEMO_MERCHANTS.map(demoApplication);
  return { accountNumbers: applications.map((a) => a.account.accountNo), residentIds: applications.map((a) => a.merchant.legalRepId) };
}

/** A demo merchant's documents as the blind re-key needs them, found by legal name. */
export function demoDocuments(legalName: string) {
  const demo = DEMO_MERCHANTS.find((d) => d.legalName === legalName);
  if (!demo) throw new Error(`no demo merchant named ${legalName}`);
  const { merchant, account } = demoApplication(demo);
  return { legalName, creditCode: merchant.creditCode ?? "", accountNo: account.accountNo, cnaps: account.cnaps, terminalIds: demo.terminals };
}
