import "server-only";
import fs from "node:fs";

function processAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite has no directory lock: two processes on one data directory corrupt it. A lock file with
 * our pid makes a second process fail fast; a lock left by a killed process is taken over.
 */
export function acquirePgliteLock(dir: string) {
  const lockPath = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, "wx");
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      const release = () => {
        try {
          if (fs.readFileSync(lockPath, "utf8") === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {}
      };
      process.once("exit", release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = Number(fs.readFileSync(lockPath, "utf8").trim());
      if (holder === process.pid) return () => {};
      if (Number.isInteger(holder) && holder > 0 && processAlive(holder)) {
        throw new Error(
          `The embedded database at ${dir} is already open in process ${holder}. ` +
            `Stop that process (or set DATA_DIR to another folder, or DATABASE_URL to a PostgreSQL server) and try again.`,
        );
      }
      fs.unlinkSync(lockPath);
    }
  }
  throw new Error(`Could not lock the embedded database at ${dir}; remove ${dir}.lock if no PayeeGuard process is running.`);
}
