/**
 * Clerk-facing text for every check code: what is wrong and what to do about it.
 */
import type { CheckCode } from "./codes";

export type FieldMessage = { "zh-CN": string; en: string };

export const FIELD_MESSAGES: Readonly<Record<CheckCode, FieldMessage>> = {
  EMPTY: { "zh-CN": "此项必填：请按证件或材料填写", en: "Required: enter the value from the document" },
  NOT_TEXT: { "zh-CN": "输入无法识别：请重新以文字形式输入号码", en: "Input not readable: re-enter the number as text" },
  TOO_LONG: { "zh-CN": "内容过长：请只粘贴号码本身，不要带其他文字", en: "Too long: paste only the number itself, without surrounding text" },
  UNKNOWN_FIELD: { "zh-CN": "系统无法校验此字段：请联系管理员", en: "This field cannot be checked: contact an administrator" },
  BAD_LENGTH: { "zh-CN": "位数不对：请对照原件核对是否漏输或多输了字符", en: "Wrong number of characters: compare with the document for a missing or extra character" },
  TOO_SHORT: { "zh-CN": "号码过短：请输入完整号码", en: "Too short: enter the complete number" },
  BAD_CHARSET: {
    "zh-CN": "含有不允许的字符：请逐位核对，注意数字0与字母O、数字1与字母I的区别",
    en: "Contains a character not allowed here: check each character, e.g. digit 0 vs letter O, digit 1 vs letter I",
  },
  NON_DIGIT: { "zh-CN": "只能填数字：请删去字母和符号（空格和“-”会自动去除）", en: "Digits only: remove letters and symbols (spaces and '-' are removed for you)" },
  CHECK_DIGIT: {
    "zh-CN": "校验位不符：请对照营业执照、身份证或银行材料逐位核对，常见原因是输错一位或相邻两位颠倒",
    en: "Check digit does not match: compare each character with the licence, ID card or bank document; usually one character is mistyped or two neighbours are swapped",
  },
  BAD_AUTHORITY: { "zh-CN": "第1位登记管理部门代码无效：请对照营业执照核对", en: "Character 1 (registration authority) is not valid: compare with the business licence" },
  BAD_TYPE: { "zh-CN": "第2位机构类别与登记管理部门不符：请对照营业执照核对", en: "Character 2 (organisation type) does not fit the registration authority: compare with the business licence" },
  BAD_REGION: {
    "zh-CN": "行政区划代码无效（信用代码第3–8位、身份证前6位）：请对照原件核对",
    en: "Unknown administrative division (credit code characters 3–8, ID number first 6 digits): compare with the document",
  },
  ORG_CODE_CHECK: {
    "zh-CN": "信用代码中的组织机构代码（第9–17位）自身校验不通过：早期试点地区代码可能如此，请对照营业执照确认",
    en: "The organisation code inside the credit code (characters 9–17) fails its own check: some early pilot-region codes do; confirm against the business licence",
  },
  BAD_DATE: { "zh-CN": "出生日期无效（身份证第7–14位）：请对照身份证核对", en: "Birth date (ID digits 7–14) is not a real date from 1900 on: compare with the ID card" },
  FUTURE_DATE: { "zh-CN": "出生日期晚于今天：请对照身份证核对第7–14位", en: "Birth date is after today: compare ID digits 7–14 with the ID card" },
  LEGACY15_NOT_ALLOWED: { "zh-CN": "不接受15位旧身份证号：请提供现行18位身份证号", en: "Old 15-digit ID numbers are not accepted: ask for the current 18-digit ID number" },
  BAD_PREFIX: { "zh-CN": "手机号应以13–19开头：请确认填的是手机号而非座机或其他号码", en: "Mobile numbers start with 13–19: check this is a mobile number, not a landline or other number" },
  UNKNOWN_SEGMENT: { "zh-CN": "该号段尚未分配：请向商户核实手机号", en: "This number block is not allocated: confirm the mobile number with the merchant" },
  BAD_AREA_CODE: { "zh-CN": "区号无效：请以区号开头，如010、021、0571（手机号请填在手机栏）", en: "Invalid area code: start with the area code, e.g. 010, 021, 0571 (mobile numbers go in the mobile field)" },
  BAD_LOCAL_PREFIX: { "zh-CN": "区号后的本地号码应以2–8开头：请核对号码", en: "The local number after the area code must start with 2–8: check the number" },
  BAD_FORMAT: { "zh-CN": "格式不对：区号与号码之间最多一个“-”，如0571-88888888，分机号请另填", en: "Wrong format: at most one '-' between area code and number, e.g. 0571-88888888; no extension" },
  BAD_ACQUIRER: { "zh-CN": "商户编号前3位（收单机构代码）应为数字：请对照商户编号核对", en: "Merchant number characters 1–3 (acquirer code) must be digits: compare with the merchant number" },
  BAD_MCC: { "zh-CN": "商户编号第8–11位（MCC）应为4位数字：请对照商户编号核对", en: "Merchant number characters 8–11 (MCC) must be 4 digits: compare with the merchant number" },
  RESIDENCE_PERMIT: { "zh-CN": "这是港澳台居民居住证号码：请核对证件类型后确认", en: "This is a Hong Kong/Macao/Taiwan residence permit number: check the document type, then confirm" },
  LEGACY_15: { "zh-CN": "15位旧身份证号已升级为18位：请向商户索取现行身份证核对", en: "Old 15-digit ID number upgraded to 18 digits: ask for the current ID card and compare" },
  LUHN_CHECK: {
    "zh-CN": "卡号未通过Luhn校验：部分借记卡如此，请对照银行卡或开户材料逐位核对，审核人需确认",
    en: "Card number fails the Luhn check: some debit cards do; compare each digit with the card or bank document; the verifier must acknowledge",
  },
  MVNO_SEGMENT: { "zh-CN": "虚拟运营商号段（风险提示）：请通过其他渠道核实联系人", en: "Virtual-operator number block (risk signal): verify the contact through another channel" },
  SATELLITE_SEGMENT: { "zh-CN": "卫星电话号段：请向商户核实这是常用联系电话", en: "Satellite phone block: confirm with the merchant that this is their usual contact number" },
  SERVICE_400_800: { "zh-CN": "400/800客服热线不是商户直线：请尽量登记商户的固定电话", en: "400/800 service lines are not the merchant's own line: record a direct landline if possible" },
  WHITESPACE: { "zh-CN": "已去除空格", en: "Spaces removed" },
  FULLWIDTH: { "zh-CN": "已将全角字符转为半角", en: "Full-width characters converted to normal width" },
  LOWERCASE: { "zh-CN": "已将小写字母转为大写", en: "Lower-case letters converted to upper case" },
  LOWERCASE_X: { "zh-CN": "已将末位小写x转为大写X", en: "Final lower-case x converted to upper-case X" },
};
