import { describe, expect, it } from "vitest";
import { UseCaseError } from "@/lib/server/errors";
import { readJsonText } from "./json-route";

const encoder = new TextEncoder();

/** A request whose body is served chunk by chunk, counting how many chunks were pulled. */
function streamedRequest(chunks: Uint8Array[], headers: Record<string, string> = {}) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[pulled++];
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
  }, { highWaterMark: 0 });
  const request = new Request("http://localhost/api/v1/applications", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
    duplex: "half",
  } as RequestInit);
  return { request, pulled: () => pulled };
}

const refusalOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (err: unknown) => (err instanceof UseCaseError ? err.fieldErrors : err),
  );

describe("readJsonText", () => {
  it("refuses a body whose Content-Length is over the cap before reading a byte", async () => {
    const { request, pulled } = streamedRequest([encoder.encode("{}")], { "content-length": String(5_000_000) });
    expect(await refusalOf(readJsonText(request))).toEqual({ _body: ["validation.http.tooLarge"] });
    expect(pulled()).toBe(0);
  });

  it("stops reading a chunked body as soon as it passes the cap", async () => {
    const chunk = encoder.encode("x".repeat(64 * 1024));
    const { request, pulled } = streamedRequest(Array.from({ length: 100 }, () => chunk));
    expect(await refusalOf(readJsonText(request))).toEqual({ _body: ["validation.http.tooLarge"] });
    expect(pulled()).toBeLessThan(20);
  });

  it("reads a body within the cap, with a character split across chunks intact", async () => {
    const bytes = encoder.encode(JSON.stringify({ legalName: "福州示例超市有限公司" }));
    const { request } = streamedRequest([bytes.slice(0, 16), bytes.slice(16)]);
    const { text, json } = await readJsonText(request);
    expect(json).toEqual({ legalName: "福州示例超市有限公司" });
    expect(text).toBe(JSON.stringify({ legalName: "福州示例超市有限公司" }));
  });

  it("still refuses malformed JSON and a wrong content type", async () => {
    expect(await refusalOf(readJsonText(streamedRequest([encoder.encode('{"a":')]).request))).toEqual({ _body: ["validation.http.malformedJson"] });
    const form = new Request("http://localhost/x", { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" });
    expect(await refusalOf(readJsonText(form))).toEqual({ _body: ["validation.http.contentType"] });
  });
});
