// Serves the production build for the end-to-end suite on a database of its own: a fresh
// embedded one under ./data/e2e, or the (fresh) PostgreSQL database in DATABASE_URL, seeded.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";

const port = process.argv[2] ?? "3100";
const next = "node_modules/next/dist/bin/next";
const env = { ...process.env, DATA_DIR: "./data/e2e", REQUIRE_MFA: process.env.REQUIRE_MFA ?? "0", LOG_LEVEL: "debug" };
if (env.DATABASE_URL) {
  // A server database takes its keys from the environment; the suite brings throwaway ones.
  env.DATA_ENCRYPTION_KEYS ??= `e2e:${crypto.randomBytes(32).toString("base64")}`;
  env.BLIND_INDEX_KEY ??= crypto.randomBytes(32).toString("base64");
  env.SECURE_COOKIES ??= "0";
}

fs.rmSync("./data/e2e", { recursive: true, force: true });
if (!fs.existsSync(".next/BUILD_ID") || process.env.E2E_REBUILD !== "0") {
  const build = spawnSync(process.execPath, [next, "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
if (env.DATABASE_URL) {
  const seed = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/seed-demo.ts"], { stdio: "inherit", env });
  if (seed.status !== 0) process.exit(seed.status ?? 1);
}
// The server's output also goes to a file: the exposure suite greps the logs for sensitive numbers.
fs.mkdirSync("./data/e2e", { recursive: true });
const log = fs.createWriteStream("./data/e2e/server.log", { flags: "a" });
const server = spawn(process.execPath, [next, "start", "-p", port, "-H", "127.0.0.1"], { stdio: ["ignore", "pipe", "pipe"], env });
// Everything is logged to the file; the console (the test run's output) gets warnings and worse.
const quiet = (line) => /^\{"level":[123]\d,/.test(line);
let pending = "";
server.stdout.on("data", (chunk) => {
  log.write(chunk);
  const lines = (pending + chunk.toString("utf8")).split("\n");
  pending = lines.pop() ?? "";
  for (const line of lines) if (!quiet(line)) process.stdout.write(line + "\n");
});
server.stderr.on("data", (chunk) => (process.stderr.write(chunk), log.write(chunk)));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
