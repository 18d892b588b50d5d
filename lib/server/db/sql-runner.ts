import "server-only";

/** Planner settings a statement may run with (PostgreSQL server only; PGlite runs it as is). */
export type QuerySettings = { jit?: "on" | "off"; work_mem?: string; enable_sort?: "on" | "off"; max_parallel_workers_per_gather?: string };

/** Statements on the COPY's own connection, in its transaction. */
export type CopyAround = {
  before?: (query: <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>) => Promise<void>;
  after?: (query: <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>, rows: number) => Promise<void>;
};

/** The little the migrator, seed checks and tests need from either engine, outside Prisma. */
export type SqlRunner = {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a multi-statement script as one unit (plpgsql `$$` bodies intact). */
  exec(script: string): Promise<void>;
  /** One statement in its own transaction with `settings` applied locally to it (SET LOCAL). */
  queryWith<T = Record<string, unknown>>(settings: QuerySettings, sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * PostgreSQL server only: `COPY … FROM STDIN` fed from `source`, pulled only as fast as the
   * connection takes it. An error thrown by the source aborts the COPY (nothing of it stays). With
   * `around`, the COPY runs in a transaction on one connection, after `before` and before `after`
   * (given the rows copied); an error in either rolls it all back.
   */
  copyFrom?(statement: string, source: AsyncIterable<string | Uint8Array>, around?: CopyAround): Promise<number>;
};
