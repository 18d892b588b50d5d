// `npm start`: builds once if there is no production build yet, then serves it.
// The database (embedded PGlite under ./data unless DATABASE_URL is set) is migrated and, when
// embedded and empty, seeded with demo users by the server itself at start-up.
import { spawnSync, spawn } from "node:child_process";
import fs from "node:fs";

const next = "node_modules/next/dist/bin/next";
if (!fs.existsSync(".next/BUILD_ID") || process.argv.includes("--rebuild")) {
  console.log("Building PayeeGuard (first start only; `npm start -- --rebuild` forces it)…");
  const build = spawnSync(process.execPath, [next, "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const port = process.env.PORT ?? "3000";
const server = spawn(process.execPath, [next, "start", "-p", port, "-H", process.env.HOST ?? "127.0.0.1"], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
