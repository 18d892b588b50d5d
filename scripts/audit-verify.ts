// `npm run audit:verify`: walks the whole audit chain, compares it with the last checkpoint kept
// outside the database, and writes a new checkpoint. Exit 0 when intact, 1 when broken.
import { verifyAndCheckpoint } from "@/lib/server/audit/checkpoint";
import { database } from "@/lib/server/db";

async function main() {
  const db = await database();
  const verdict = await verifyAndCheckpoint(db.prisma);
  await db.close();
  if (verdict.ok) {
    console.log(`intact through ${verdict.through}`);
    console.log(`checkpoint written: seq ${verdict.written.seq} hash ${verdict.written.hash} at ${verdict.written.at}`);
    if (verdict.previous) console.log(`previous checkpoint (seq ${verdict.previous.seq}, ${verdict.previous.at}) still matches`);
    return;
  }
  console.error(`BROKEN at ${verdict.brokenAt}: ${verdict.reason}`);
  process.exitCode = 1;
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(2);
});
