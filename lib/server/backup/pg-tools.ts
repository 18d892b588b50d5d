import "server-only";
import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { BackupRefused } from "./manifest";

export type PgTool = "pg_dump" | "pg_restore";

function versionedDebianDirs() {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => path.join(root, v, "bin"));
}

/** PG_BIN_DIR first, then Debian's versioned folders (newest first), then PATH. */
function candidates(tool: PgTool) {
  const dirs = [process.env.PG_BIN_DIR, ...versionedDebianDirs(), ...(process.env.PATH ?? "").split(path.delimiter)].filter((d): d is string => !!d);
  return [...new Set(dirs.map((d) => path.join(d, tool)))].filter((p) => {
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

async function majorVersion(bin: string) {
  const { stdout } = await promisify(execFile)(bin, ["--version"]);
  return Number(/(\d+)(?:\.\d+)?/.exec(stdout)?.[1] ?? 0);
}

/**
 * A pg_dump / pg_restore at least as new as the server (an older one refuses a newer server's
 * dump), or a message that says what to install.
 */
export async function findPgTool(tool: PgTool, serverMajor: number): Promise<string> {
  const found: string[] = [];
  for (const bin of candidates(tool)) {
    const major = await majorVersion(bin).catch(() => 0);
    if (major >= serverMajor) return bin;
    found.push(`${bin} (${major || "unknown version"})`);
  }
  throw new BackupRefused(
    found.length
      ? `${tool} ${serverMajor} or newer is needed for this PostgreSQL ${serverMajor} server; found only ${found.join(", ")}. Install postgresql-client-${serverMajor} or set PG_BIN_DIR to its bin folder.`
      : `${tool} was not found (looked in PG_BIN_DIR, /usr/lib/postgresql/*/bin and PATH). Install the PostgreSQL client tools (Debian/Ubuntu: apt-get install postgresql-client) or set PG_BIN_DIR.`,
  );
}

/** Connection settings as libpq environment variables: the password never appears in a process listing. */
export function libpqEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  const sslmode = u.searchParams.get("sslmode");
  return {
    ...process.env,
    PGHOST: decodeURIComponent(u.hostname.replace(/^\[|\]$/g, "")),
    PGPORT: u.port || "5432",
    PGDATABASE: decodeURIComponent(u.pathname.replace(/^\//, "")),
    ...(u.username ? { PGUSER: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { PGPASSWORD: decodeURIComponent(u.password) } : {}),
    ...(sslmode ? { PGSSLMODE: sslmode } : {}),
  };
}

export function runPgTool(bin: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += String(d)));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(bin)} failed (exit ${code}): ${stderr.trim()}`))));
  });
}
