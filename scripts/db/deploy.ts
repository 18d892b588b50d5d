// `npm run db:deploy`: applies pending committed migrations to the configured database (the app
// also does this at start). Useful before a rolling deploy of several app instances.
import { database } from "@/lib/server/db";

async function main() {
  const db = await database(); // opening applies pending migrations
  console.log(`migrations applied on ${db.engine}`);
  await db.close();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
