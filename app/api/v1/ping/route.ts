export const dynamic = "force-dynamic";

/** A bare JSON route: the benchmark's baseline for what Next.js itself costs per request. */
export async function POST(request: Request) {
  const body = (await request.json().catch(() => null)) as unknown;
  return Response.json({ ok: true, received: typeof body }, { headers: { "Cache-Control": "no-store" } });
}
