import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { AppDatabase } from '../open-database';
import type { PrintJobState, PrintSourceKind } from '../../../shared/receipt/print-job';
import { printJobs } from '../schema/print-jobs';
export type PrintJobRow = typeof printJobs.$inferSelect;
export type NewPrintJob = Pick<PrintJobRow, 'id' | 'stationId' | 'createdAt' | 'sourceKind' | 'sourceId' | 'layout' | 'recordJson' | 'copies'>;

export interface PrintJobFilter {
  limit: number;
  states?: readonly PrintJobState[];
  sourceKind?: PrintSourceKind;
  sourceId?: string;
}

/** The only code that touches print_jobs. Writes run inside the caller's write transaction. */
export interface PrintJobsRepo {
  insert(job: NewPrintJob): void;
  find(id: string): PrintJobRow | null;
  /** An attempt starts: state "sent", one more attempt, the printer it goes to. */
  markSent(id: string, printer: string, now: string): void;
  finish(id: string, result: { state: 'confirmed' | 'failed' | 'unknown'; bytesSent: number; errorCode: string | null; error: string | null }, now: string): void;
  /** Newest first. */
  list(filter: PrintJobFilter): PrintJobRow[];
  /** Jobs a stopped till left "queued" or "sent". */
  unfinished(): PrintJobRow[];
}

export function createPrintJobsRepo(db: AppDatabase): PrintJobsRepo {
  return {
    insert(job) {
      db.insert(printJobs)
        .values({ ...job, state: 'queued', attempts: 0, bytesSent: 0, updatedAt: job.createdAt })
        .run();
    },
    find(id) {
      return db.select().from(printJobs).where(eq(printJobs.id, id)).get() ?? null;
    },
    markSent(id, printer, now) {
      const row = db.select({ attempts: printJobs.attempts }).from(printJobs).where(eq(printJobs.id, id)).get();
      if (!row) throw new Error(`print job ${id} does not exist`);
      db.update(printJobs)
        .set({ state: 'sent', attempts: row.attempts + 1, printer, bytesSent: 0, lastErrorCode: null, lastError: null, updatedAt: now })
        .where(eq(printJobs.id, id))
        .run();
    },
    finish(id, result, now) {
      db.update(printJobs)
        .set({ state: result.state, bytesSent: result.bytesSent, lastErrorCode: result.errorCode, lastError: result.error, updatedAt: now })
        .where(eq(printJobs.id, id))
        .run();
    },
    list(filter) {
      const conditions: SQL[] = [];
      if (filter.states && filter.states.length > 0) conditions.push(inArray(printJobs.state, [...filter.states]));
      if (filter.sourceKind) conditions.push(eq(printJobs.sourceKind, filter.sourceKind));
      if (filter.sourceId) conditions.push(eq(printJobs.sourceId, filter.sourceId));
      return db
        .select()
        .from(printJobs)
        .where(conditions.length > 0 ? and(...conditions) : undefined)
        .orderBy(desc(printJobs.createdAt), desc(printJobs.id))
        .limit(filter.limit)
        .all();
    },
    unfinished() {
      return db.select().from(printJobs).where(inArray(printJobs.state, ['queued', 'sent'])).all();
    },
  };
}
