import fs from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

const API_DIR = path.resolve(import.meta.dirname, "../../../app/api/v1");

/** Every route handler under app/api/v1 as "method path", with [id] written as {id}. */
function routeHandlers() {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const route = "/" + path.relative(API_DIR, dir).split(path.sep).map((s) => s.replace(/^\[(.+)\]$/, "{$1}")).join("/");
        for (const [, method] of fs.readFileSync(full, "utf8").matchAll(/export (?:async )?function (GET|POST|PUT|PATCH|DELETE)\b/g)) found.push(`${method!.toLowerCase()} ${route}`);
      }
    }
  };
  walk(API_DIR);
  return found.sort();
}

describe("the OpenAPI document", () => {
  const document = openApiDocument();

  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    // …and the validator does refuse a broken one.
    const broken = await new Validator().validate({ ...structuredClone(document), paths: { "/x": { get: { responses: 5 } } } });
    expect(broken.valid).toBe(false);
  });

  it("lists exactly the route handlers under /api/v1, method by method", () => {
    const documented = Object.entries(document.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`)).sort();
    expect(documented).toEqual(routeHandlers());
  });

  it("resolves every $ref and documents errors as problem+json", () => {
    const text = JSON.stringify(document);
    for (const [, name] of text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)) expect(document.components.schemas, name).toHaveProperty(name!);
    const submit = document.paths["/applications"]!.post as { responses: Record<string, { content: Record<string, unknown> }> };
    expect(Object.keys(submit.responses["422"]!.content)).toEqual(["application/problem+json"]);
  });

  it("carries the application schema's fields and limits from zod", () => {
    const app = document.components.schemas.MerchantApplication as { properties: Record<string, { properties?: Record<string, unknown> }> };
    expect(Object.keys(app.properties)).toEqual(expect.arrayContaining(["merchant", "account", "terminals"]));
    expect(app.properties.account!.properties).toHaveProperty("accountNo");
  });
});
