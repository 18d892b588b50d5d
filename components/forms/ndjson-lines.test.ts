import { describe, expect, it } from "vitest";
import { ndjsonMessages } from "./ndjson-lines";

const streamOf = (chunks: string[]) =>
  new ReadableStream<Uint8Array<ArrayBuffer>>({
    start(controller) {
      for (const c of chunks) controller.enqueue(new TextEncoder().encode(c));
      controller.close();
    },
  });

const all = async (chunks: string[]) => {
  const out: unknown[] = [];
  for await (const m of ndjsonMessages(streamOf(chunks))) out.push(m);
  return out;
};

describe("ndjsonMessages", () => {
  it("joins a line split across chunks and skips blank lines", async () => {
    expect(await all(['{"type":"progress","n":1}\n{"ty', 'pe":"progress","n":2}\n\n', '{"type":"done"}\n'])).toEqual([
      { type: "progress", n: 1 },
      { type: "progress", n: 2 },
      { type: "done" },
    ]);
  });

  it("keeps a last message without its line end, and a character split between chunks", async () => {
    const bytes = new TextEncoder().encode('{"name":"商户"}');
    const stream = new ReadableStream<Uint8Array<ArrayBuffer>>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 11));
        controller.enqueue(bytes.slice(11));
        controller.close();
      },
    });
    const out: unknown[] = [];
    for await (const m of ndjsonMessages(stream)) out.push(m);
    expect(out).toEqual([{ name: "商户" }]);
  });
});
