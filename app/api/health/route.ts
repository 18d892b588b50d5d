import { checkHealth } from "@/lib/server/health";

export const dynamic = "force-dynamic";

/** Public by design: load balancers probe it; it reveals no business data. */
export async function GET() {
  const { ok, body } = await checkHealth();
  return Response.json(body, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
