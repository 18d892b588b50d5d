// `npm run seed:demo`: demo users on whichever database the environment names. The embedded
// database seeds itself at start; a PostgreSQL server only ever gets demo users through this.
import { database } from "@/lib/server/db";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/server/demo/demo-users";
import { seedDemoCases } from "@/lib/server/demo/seed-demo-cases";
import { seedDemoMerchants } from "@/lib/server/demo/seed-demo-merchants";
import { seedDemoUsers } from "@/lib/server/demo/seed-demo-users";
import { seedReferenceData } from "@/lib/server/reference/seed-reference-data";

async function main() {
  const db = await database();
  await seedReferenceData(db.prisma);
  const seeded = await seedDemoUsers(db.prisma);
  const merchants = await seedDemoMerchants();
  const cases = await seedDemoCases();
  if (cases) console.log(`Seeded ${cases} demo cases (a spot-check correction case and a cardholder report).`);
  if (merchants) console.log(`Seeded ${merchants} approved demo merchants and a few requests in the queues.`);
  console.log(seeded ? `Seeded demo users ${DEMO_USERS.map((u) => u.username).join(", ")} (password ${DEMO_PASSWORD}).` : "Users exist already; nothing seeded.");
  await db.close();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
