import "server-only";
import { logger } from "@/lib/server/logger";
import type { ChangeInstantsAsOf } from "./change-instants";
import { processRun } from "./process-run";

/**
 * The upload request returns as soon as the file is on disk; staging and comparing go on in this
 * process (the run page polls the run row). If the process dies, the run is resumed (decision 019).
 */
export function continueRunInBackground(runId: string, handover = false, instants?: Promise<ChangeInstantsAsOf>) {
  void processRun(runId, { handover, instants }).catch((err) => logger.error({ err, runId }, "reconciliation run stopped; it can be resumed"));
}
