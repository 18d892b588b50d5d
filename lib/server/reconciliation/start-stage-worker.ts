import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { StageWorkerData } from "./stage-worker-messages";

/**
 * In the app the bundler sees `new Worker(new URL(…))` and builds the worker's own chunk. From source
 * (tests, the benchmark and scripts, under vitest or tsx) the entry is TypeScript, loaded through tsx.
 */
export function startStageWorker(data: StageWorkerData): Worker {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    return new Worker(new URL("./stage-worker.ts", import.meta.url), { workerData: data });
  }
  const entry = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), "stage-worker.ts")).href;
  const load = `import("tsx/esm/api").then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`;
  return new Worker(load, { eval: true, workerData: data });
}
