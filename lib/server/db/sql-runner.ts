import "server-only";

/** The little the migrator, seed checks and tests need from either engine, outside Prisma. */
export type SqlRunner = {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a multi-statement script as one unit (plpgsql `$$` bodies intact). */
  exec(script: string): Promise<void>;
};
