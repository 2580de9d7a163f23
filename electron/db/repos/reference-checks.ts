import type Database from 'better-sqlite3';

/**
 * "What points at this row?" for the libraries whose rows are deactivated rather than deleted while something uses
 * them. Each check is a statement taking the row's id that returns a row when the reason holds, with the reason as a
 * phrase ("accounts use it"). Later issues register their own (V1: sales; A1: management tokens).
 */
export interface ReferenceChecks {
  register(reason: string, sql: string): void;
  /** The reasons that hold for this id, in registration order (empty: nothing points at it). */
  reasons(id: string): string[];
}

export function createReferenceChecks(sqlite: Database.Database, initial: ReadonlyArray<{ reason: string; sql: string }> = []): ReferenceChecks {
  const checks: Array<{ reason: string; statement: Database.Statement }> = [];
  const register = (reason: string, sql: string) => {
    checks.push({ reason, statement: sqlite.prepare(sql) });
  };
  for (const check of initial) register(check.reason, check.sql);
  return {
    register,
    reasons: (id) => checks.filter((check) => check.statement.get(id) !== undefined).map((check) => check.reason),
  };
}
