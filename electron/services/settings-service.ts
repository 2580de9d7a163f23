import { AllSettings, SETTINGS_SECTIONS, type SaveSettingsInput, type SettingsSectionName } from '../../shared/config/settings';
import type { Clock } from '../../shared/ports/clock';
import type Database from 'better-sqlite3';
import { writeTransaction } from '../db/open-database';
import type { SettingsRepo } from '../db/repos/settings-repo';
import type { AuditLog } from './audit-log';

/**
 * Typed settings sections with defaults. A stored section that no longer parses (written by another version, or
 * edited by hand) falls back to its defaults field by field rather than stopping the till; saving writes the whole
 * section, bumps its version and audits the change in one transaction.
 */
export interface SettingsService {
  getAll(): AllSettings;
  section<K extends SettingsSectionName>(name: K): AllSettings[K];
  save(input: SaveSettingsInput, actor: string): AllSettings;
  /** For setup and other services: write a section inside the caller's transaction (audited by the caller). */
  writeInTransaction(input: SaveSettingsInput): void;
}

export function createSettingsService(deps: {
  sqlite: Database.Database;
  repo: SettingsRepo;
  audit: AuditLog;
  clock: Clock;
}): SettingsService {
  const readSection = <K extends SettingsSectionName>(name: K): AllSettings[K] => {
    const schema = SETTINGS_SECTIONS[name];
    const row = deps.repo.readSection(name);
    const stored: unknown = row ? JSON.parse(row.valueJson) : {};
    const parsed = schema.safeParse(stored);
    if (parsed.success) return parsed.data as AllSettings[K];
    const fallback = schema.parse({}) as Record<string, unknown>;
    const storedObject = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
    for (const key of Object.keys(fallback)) {
      const candidate = schema.safeParse({ ...fallback, [key]: storedObject[key] });
      if (candidate.success) fallback[key] = storedObject[key] ?? fallback[key];
    }
    return schema.parse(fallback) as AllSettings[K];
  };
  const getAll = (): AllSettings =>
    AllSettings.parse({ general: readSection('general'), company: readSection('company'), security: readSection('security'), printer: readSection('printer') });
  const writeInTransaction = (input: SaveSettingsInput) => {
    deps.repo.writeSection(input.section, JSON.stringify(input.value), deps.clock.now().toISOString());
  };
  return {
    getAll,
    section: readSection,
    writeInTransaction,
    save(input, actor) {
      writeTransaction(deps.sqlite, () => {
        writeInTransaction(input);
        deps.audit.append({ actor, action: 'settings.save', target: input.section, details: { value: input.value } });
      });
      return getAll();
    },
  };
}
