import { openApiDocument } from "@/lib/domain/api/openapi";

export const dynamic = "force-static";

/** The OpenAPI 3.1 document, generated from the same zod schemas the handlers parse with. */
export function GET() {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
