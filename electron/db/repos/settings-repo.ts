import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../open-database';
import { appState, settings } from '../schema';

export interface SettingsRepo {
  readSection(section: string): { valueJson: string; version: number } | null;
  writeSection(section: string, valueJson: string, now: string): number;
  readState(key: string): unknown;
  writeState(key: string, value: unknown, now: string): void;
}

export function createSettingsRepo(db: AppDatabase): SettingsRepo {
  return {
    readSection(section) {
      const row = db.select().from(settings).where(eq(settings.section, section)).get();
      return row ? { valueJson: row.valueJson, version: row.version } : null;
    },
    writeSection(section, valueJson, now) {
      const existing = db.select({ version: settings.version }).from(settings).where(eq(settings.section, section)).get();
      const version = (existing?.version ?? 0) + 1;
      db.insert(settings)
        .values({ section, valueJson, version, updatedAt: now })
        .onConflictDoUpdate({ target: settings.section, set: { valueJson, version, updatedAt: now } })
        .run();
      return version;
    },
    readState(key) {
      const row = db.select().from(appState).where(eq(appState.key, key)).get();
      return row ? (JSON.parse(row.valueJson) as unknown) : undefined;
    },
    writeState(key, value, now) {
      const valueJson = JSON.stringify(value);
      db.insert(appState)
        .values({ key, valueJson, updatedAt: now })
        .onConflictDoUpdate({ target: appState.key, set: { valueJson, updatedAt: now } })
        .run();
    },
  };
}
