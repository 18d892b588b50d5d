import "server-only";
import type { TRole } from "@/lib/domain/permissions";

export const DEMO_PASSWORD = "PayeeGuard-demo-1";

export const DEMO_USERS: { username: string; displayName: string; role: TRole }[] = [
  { username: "clerk", displayName: "王录入", role: "CLERK" },
  { username: "clerk2", displayName: "李录入", role: "CLERK" },
  { username: "supervisor", displayName: "张主管", role: "SUPERVISOR" },
  { username: "supervisor2", displayName: "赵主管", role: "SUPERVISOR" },
  { username: "auditor", displayName: "陈稽核", role: "AUDITOR" },
  { username: "admin", displayName: "刘管理", role: "ADMIN" },
];
