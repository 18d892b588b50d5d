/**
 * The JSON messages of a streamed `application/x-ndjson` body, one per line, as they arrive; a line
 * split across chunks is joined before it is parsed.
 */
export async function* ndjsonMessages<T>(body: ReadableStream<Uint8Array<ArrayBuffer>>): AsyncGenerator<T> {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += value;
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) if (line) yield JSON.parse(line) as T;
  }
  if (buffered.trim()) yield JSON.parse(buffered) as T;
}
