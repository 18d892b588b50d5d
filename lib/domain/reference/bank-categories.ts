/**
 * CNAPS bank category codes 行别代码 — the first three digits of a 12-digit CNAPS bank code
 * (DOMAIN.md §2) — with the bank's name. Seeded into `BankCategory`.
 *
 * Source: PBOC's published bank-code tables as reproduced in acquirer integration data (each code
 * was cross-checked against real 12-digit codes of that bank). Group codes (313 city commercial
 * banks, 314 rural commercial banks, 320 village banks, 323 private banks, 402 rural credit
 * cooperatives) name a kind of bank, not one bank: their members are told apart only by the full
 * code. Foreign banks (5xx–7xx) are listed only where the code is certain; admins can add more.
 */
export type TBankCategorySeed = { code: string; nameZh: string; nameEn: string };

export const BANK_CATEGORIES: readonly TBankCategorySeed[] = [
  { code: "001", nameZh: "中国人民银行", nameEn: "People's Bank of China" },
  { code: "102", nameZh: "中国工商银行", nameEn: "Industrial and Commercial Bank of China (ICBC)" },
  { code: "103", nameZh: "中国农业银行", nameEn: "Agricultural Bank of China (ABC)" },
  { code: "104", nameZh: "中国银行", nameEn: "Bank of China (BOC)" },
  { code: "105", nameZh: "中国建设银行", nameEn: "China Construction Bank (CCB)" },
  { code: "201", nameZh: "国家开发银行", nameEn: "China Development Bank" },
  { code: "202", nameZh: "中国进出口银行", nameEn: "Export-Import Bank of China" },
  { code: "203", nameZh: "中国农业发展银行", nameEn: "Agricultural Development Bank of China" },
  { code: "301", nameZh: "交通银行", nameEn: "Bank of Communications" },
  { code: "302", nameZh: "中信银行", nameEn: "China CITIC Bank" },
  { code: "303", nameZh: "中国光大银行", nameEn: "China Everbright Bank" },
  { code: "304", nameZh: "华夏银行", nameEn: "Hua Xia Bank" },
  { code: "305", nameZh: "中国民生银行", nameEn: "China Minsheng Bank" },
  { code: "306", nameZh: "广发银行", nameEn: "China Guangfa Bank" },
  { code: "307", nameZh: "平安银行", nameEn: "Ping An Bank" },
  { code: "308", nameZh: "招商银行", nameEn: "China Merchants Bank" },
  { code: "309", nameZh: "兴业银行", nameEn: "Industrial Bank" },
  { code: "310", nameZh: "上海浦东发展银行", nameEn: "Shanghai Pudong Development Bank" },
  { code: "313", nameZh: "城市商业银行", nameEn: "City commercial banks" },
  { code: "314", nameZh: "农村商业银行", nameEn: "Rural commercial banks" },
  { code: "315", nameZh: "恒丰银行", nameEn: "Hengfeng Bank" },
  { code: "316", nameZh: "浙商银行", nameEn: "China Zheshang Bank" },
  { code: "317", nameZh: "农村合作银行", nameEn: "Rural cooperative banks" },
  { code: "318", nameZh: "渤海银行", nameEn: "China Bohai Bank" },
  { code: "319", nameZh: "徽商银行", nameEn: "Huishang Bank" },
  { code: "320", nameZh: "村镇银行", nameEn: "Village and township banks" },
  { code: "321", nameZh: "重庆三峡银行", nameEn: "Chongqing Three Gorges Bank" },
  { code: "322", nameZh: "上海农村商业银行", nameEn: "Shanghai Rural Commercial Bank" },
  { code: "323", nameZh: "民营银行", nameEn: "Private banks" },
  { code: "325", nameZh: "上海银行", nameEn: "Bank of Shanghai" },
  { code: "401", nameZh: "城市信用合作社", nameEn: "Urban credit cooperatives" },
  { code: "402", nameZh: "农村信用合作社", nameEn: "Rural credit cooperatives" },
  { code: "403", nameZh: "中国邮政储蓄银行", nameEn: "Postal Savings Bank of China" },
  { code: "501", nameZh: "汇丰银行", nameEn: "HSBC" },
  { code: "502", nameZh: "东亚银行", nameEn: "Bank of East Asia" },
  { code: "531", nameZh: "花旗银行", nameEn: "Citibank" },
  { code: "671", nameZh: "渣打银行", nameEn: "Standard Chartered Bank" },
  { code: "781", nameZh: "厦门国际银行", nameEn: "Xiamen International Bank" },
];

const BY_CODE = new Map(BANK_CATEGORIES.map((b) => [b.code, b]));

/** The seeded entry for a 3-digit category code (e.g. from `cnapsBankCategory`), or undefined. */
export function bankCategoryOf(code: string | null | undefined): TBankCategorySeed | undefined {
  return code ? BY_CODE.get(code) : undefined;
}
