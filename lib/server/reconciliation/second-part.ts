import type { Worker } from "node:worker_threads";
import { FileRefusedError } from "@/lib/domain/reconciliation/decode";
import type { StageWorkerMessage } from "./stage-worker-messages";

export type Piece = Extract<StageWorkerMessage, { kind: "piece" }>;

/**
 * The app's thread's side of the staging worker: pieces queue here until the COPY takes them, and
 * each piece taken gives the worker one credit back, so the queue never holds more than its credits.
 */
export class SecondPart {
  readonly firstLine: Promise<number>;
  private queue: Piece[] = [];
  private end: { done: true } | { refused: FileRefusedError } | { failed: Error } | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly worker: Worker) {
    let started: (line: number) => void;
    let failedToStart: (err: Error) => void;
    this.firstLine = new Promise<number>((resolve, reject) => {
      started = resolve;
      failedToStart = reject;
    });
    this.firstLine.catch(() => {});
    worker.on("message", (m: StageWorkerMessage) => {
      if (m.kind === "start") started(m.firstLine);
      else if (m.kind === "piece") this.queue.push(m);
      else if (m.kind === "done") this.end = { done: true };
      else this.end = { refused: new FileRefusedError(m.key, m.lineNumber, m.detail) };
      this.notify();
    });
    worker.on("error", (err) => {
      this.end ??= { failed: err };
      failedToStart(err);
      this.notify();
    });
    worker.on("exit", (code) => {
      const err = new Error(`the staging worker stopped (exit code ${code})`);
      this.end ??= { failed: err };
      failedToStart(err);
      this.notify();
    });
  }

  /** The pieces already here, without waiting. */
  take(): Piece[] {
    const pieces = this.queue;
    this.queue = [];
    for (let i = 0; i < pieces.length; i++) this.worker.postMessage(null);
    return pieces;
  }

  /** Every piece to the end of the part; throws the part's refusal or the worker's failure. */
  async *rest(): AsyncGenerator<Piece> {
    for (;;) {
      yield* this.take();
      const end = this.end;
      if (end !== undefined && this.queue.length === 0) {
        if ("refused" in end) throw end.refused;
        if ("failed" in end) throw end.failed;
        return;
      }
      if (this.queue.length === 0) await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  async stop() {
    this.end ??= { done: true };
    await this.worker.terminate();
  }

  private notify() {
    this.wake?.();
    this.wake = undefined;
  }
}
