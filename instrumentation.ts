// Runs once per server process before it takes requests: migrate, seed the embedded demo, and
// checkpoint the audit chain head periodically to a file outside the database.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServerProcess } = await import("./lib/server/startup");
  await startServerProcess();
}
