import "server-only";
import { headers } from "next/headers";

export type RequestMeta = { ip: string | null; userAgent: string | null };

export const SYSTEM_META: RequestMeta = { ip: null, userAgent: "payeeguard-system" };

/**
 * The source address for audit and throttling. Behind a load balancer the first X-Forwarded-For
 * hop is the client; deployments without a trusted proxy must strip the header at the edge.
 */
export async function currentRequestMeta(): Promise<RequestMeta> {
  const h = await headers();
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return {
    ip: forwarded || h.get("x-real-ip") || "127.0.0.1",
    userAgent: h.get("user-agent")?.slice(0, 400) ?? null,
  };
}
