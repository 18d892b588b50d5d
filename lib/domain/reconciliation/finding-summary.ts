import type { TFindingKind } from "./schemas";

const KIND_ZH: Record<TFindingKind, string> = {
  UNKNOWN_TERMINAL: "终端未登记",
  TERMINAL_BOUND_TO_OTHER_MERCHANT: "终端绑定的是其他商户",
  PAYEE_DIFFERS: "收款方名称与核准名称不符",
  ACCOUNT_DIFFERS: "结算账户与生效账户不符",
  OUTSIDE_BINDING_PERIOD: "终端在绑定期之外使用",
};

/** A case summary for a finding, written like the system's other case summaries (zh-CN, the records' language). */
export function findingSummary(f: { kind: TFindingKind; terminalId: string; merchantNo: string; rowCount: number; amountFen: number; runReference: string }): string {
  const yuan = (Math.abs(f.amountFen) / 100).toFixed(2);
  return `对账发现（${f.runReference}）：终端 ${f.terminalId}、商户号 ${f.merchantNo}：${KIND_ZH[f.kind]}，${f.rowCount} 笔，合计 ${f.amountFen < 0 ? "-" : ""}${yuan} 元。`;
}
