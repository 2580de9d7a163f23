import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { openMemoryDatabase } from '../../electron/db/open-database';
import { migrationsFolder } from '../../electron/db/paths';
import { createOutboxRepo } from '../../electron/db/repos/outbox-repo';
import { createAuditLog } from '../../electron/services/audit-log';
import { createAesGcmWrapper, createKeyStore, type KeyStore } from '../../electron/services/key-store';
import { createLibrary, type Library } from '../../electron/services/library/library';
import { createUuidV7Generator } from '../../electron/services/system';
import { APP_ROOT } from './host-process';

/** The Library Center on an in-memory database with every migration, an unlocked key store and a settable clock. */
export interface LibraryHarness extends Library {
  sqlite: Database.Database;
  keyStore: KeyStore;
  clock: { now(): Date; set(iso: string): void };
  count(table: string, where?: string, ...params: unknown[]): number;
}

export function openLibraryHarness(): LibraryHarness {
  const { sqlite, db } = openMemoryDatabase(migrationsFolder(APP_ROOT));
  let now = new Date('2026-05-01T08:00:00.000Z');
  const clock = { now: () => new Date(now), set: (iso: string) => void (now = new Date(iso)) };
  const ids = createUuidV7Generator(clock);
  const audit = createAuditLog(sqlite, { clock, ids, stationId: () => 'station-test' });
  const keyStore = createKeyStore(sqlite, { clock });
  keyStore.unlockWith(createAesGcmWrapper(randomBytes(32)));
  const library = createLibrary({ sqlite, audit, outbox: createOutboxRepo(db), keyStore, clock, ids, stationId: () => 'station-test' });
  return {
    ...library,
    sqlite,
    keyStore,
    clock,
    count: (table, where = '1', ...params) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get(...params) as { n: number }).n,
  };
}
