import { readFileSync } from "node:fs";
import path from "node:path";

export function fixture(name: string): Buffer {
  return readFileSync(path.resolve(import.meta.dirname, "fixtures/reconciliation", name));
}

/** The bytes as an async stream of chunks of `size` bytes (splits multibyte characters on purpose). */
export async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
