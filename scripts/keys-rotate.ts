// `npm run keys:rotate`: re-encrypts every sealed value under DATA_ENCRYPTION_ACTIVE_KEY, in small
// batches while the app keeps running (docs/decisions/028). Exit 0 when nothing is left under
// another key, 1 when something is (run it again), 2 on error.
import { database } from "@/lib/server/db";
import { UseCaseError } from "@/lib/server/errors";
import { rotateSealedValues } from "@/lib/server/crypto/rotate-sealed-values";

async function main() {
  const db = await database();
  let last = "";
  try {
    const result = await rotateSealedValues({
      onProgress: (p) => {
        const line = `pass ${p.pass} ${p.location}: ${p.rotated} re-encrypted`;
        if (line !== last) console.log(line);
        last = line;
      },
    });
    console.log(`active key ${result.activeKeyId}: ${result.rotated} values re-encrypted in ${result.passes} pass(es); ${result.remaining} left under other keys`);
    for (const row of result.unreadableRows ?? []) console.error(`unreadable: ${row}`);
    if (result.stoppedBy === "maintenance") console.error("stopped: maintenance read-only began; run again after maintenance");
    if (result.outcome !== "complete") {
      console.error("not complete: keep the old keys configured and run again");
      process.exitCode = 1;
    } else console.log("complete: no value is sealed under another key id; the old keys may now be removed from DATA_ENCRYPTION_KEYS");
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  if (err instanceof UseCaseError && err.code === "MAINTENANCE") console.error("refused: maintenance read-only is on (docs/decisions/028); run after maintenance");
  else console.error(err instanceof Error ? err.message : err);
  process.exit(2);
});
