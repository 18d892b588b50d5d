import fs from "node:fs";
import path from "node:path";

/**
 * Every exported server action under app/ ("use server" files), keyed "file#export" as
 * ACTION_ACCESS lists them. The matrices and the bad-input suite call them directly, as a forged
 * POST would, with no page in front.
 */
export type ServerAction = { key: string; fn: (input?: unknown) => Promise<unknown> };

function actionFiles(dir = path.resolve("app")): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return actionFiles(full);
    const source = /\.(ts|tsx)$/.test(d.name) ? fs.readFileSync(full, "utf8") : "";
    return /^\s*["']use server["']/.test(source) ? [full] : [];
  });
}

export async function loadServerActions(): Promise<ServerAction[]> {
  const actions: ServerAction[] = [];
  for (const file of actionFiles()) {
    const mod = (await import(file)) as Record<string, unknown>;
    const rel = path.relative(process.cwd(), file);
    for (const [name, fn] of Object.entries(mod)) if (typeof fn === "function") actions.push({ key: `${rel}#${name}`, fn: fn as ServerAction["fn"] });
  }
  return actions;
}

/**
 * Calls an action with `token` as the session cookie in `jar` (the test's next/headers mock):
 * "OK", the refusal code, or "REDIRECT". Anything else thrown is a crash and propagates.
 */
export async function callAction(jar: Map<string, string>, action: ServerAction, token: string | undefined, input: unknown = {}) {
  jar.clear();
  if (token) jar.set("payeeguard_session", token);
  try {
    const result = (await action.fn(input)) as { ok: boolean; code?: string } | undefined;
    return result?.ok === false ? result.code! : "OK";
  } catch (err) {
    if (String((err as { digest?: string }).digest ?? "").startsWith("NEXT_REDIRECT")) return "REDIRECT";
    throw err;
  }
}
