import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";

/**
 * A real PayeeGuard server process (`next start` on the production build), for the system suites
 * that kill it, run two of it, or load it over HTTP. Its output is kept for the failure message.
 */
export type AppProcess = { base: string; child: ChildProcess; output: () => string; stop: () => Promise<void>; kill9: () => Promise<void> };

export async function startApp(port: number, env: Record<string, string | undefined>): Promise<AppProcess> {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("no production build: run `npm run build` before the system suites");
  const base = `http://127.0.0.1:${port}`;
  let output = "";
  // An `undefined` value removes the variable (spawn would pass the string "undefined").
  const merged: Record<string, string | undefined> = { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn", REQUIRE_MFA: "0", SECURE_COOKIES: "0", ...env };
  const childEnv = Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => e[1] !== undefined)) as NodeJS.ProcessEnv;
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], { env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
  const keep = (chunk: Buffer) => (output = (output + chunk.toString("utf8")).slice(-20_000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const app: AppProcess = {
    base,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
    kill9: async () => {
      child.kill("SIGKILL");
      await exited;
    },
  };
  const until = Date.now() + 180_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`app on ${base} exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return app;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  await app.stop();
  throw new Error(`app on ${base} did not become healthy:\n${output}`);
}
