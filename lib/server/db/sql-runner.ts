import "server-only";

/** Planner settings a statement may run with (PostgreSQL server only; PGlite runs it as is). */
export type QuerySettings = { jit?: "on" | "off"; work_mem?: string };

/** The little the migrator, seed checks and tests need from either engine, outside Prisma. */
export type SqlRunner = {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a multi-statement script as one unit (plpgsql `$$` bodies intact). */
  exec(script: string): Promise<void>;
  /** One statement in its own transaction with `settings` applied locally to it (SET LOCAL). */
  queryWith<T = Record<string, unknown>>(settings: QuerySettings, sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * PostgreSQL server only: `COPY … FROM STDIN` (text format) fed from `source`, pulled only as fast
   * as the connection takes it. An error thrown by the source aborts the COPY (nothing of it stays).
   */
  copyFrom?(statement: string, source: AsyncIterable<string>): Promise<number>;
};
