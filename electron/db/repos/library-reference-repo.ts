import type Database from 'better-sqlite3';
import type { KeyDefaults } from '../../../shared/library/key-params';
import type { ManagementToken, ManufacturerEncoding, MeterProfile, ProfileKind } from '../../../shared/library/meter-profiles';
import type { TokenScheme } from '../../../shared/money/carriable';

/** Meter model profiles and customer categories: small reference tables the Library Center reads. */
export interface ProfileRecord {
  id: string;
  name: string;
  manufacturerCode: string | null;
  kind: ProfileKind;
  scheme: TokenScheme;
  serialPrefix: string | null;
  defaultKeys: KeyDefaults | null;
  managementTokens: ManagementToken[];
  encodings: { setMaxOverdraft: ManufacturerEncoding };
  testOnly: boolean;
  active: boolean;
  revision: number;
}

export interface CategoryRecord {
  id: string;
  name: string;
  sortOrder: number;
  active: boolean;
}

export interface LibraryReferenceRepo {
  profiles(): ProfileRecord[];
  /** Writes a built-in profile when it is missing or older than `revision`; true when it wrote. */
  upsertBuiltInProfile(profile: MeterProfile, revision: number, now: string): boolean;
  categories(): CategoryRecord[];
  /** Writes a built-in category when it is missing or named differently; true when it wrote. */
  upsertBuiltInCategory(category: { id: string; name: string }, sortOrder: number, now: string): boolean;
}

interface ProfileSqlRow {
  id: string;
  name: string;
  manufacturerCode: string | null;
  kind: string;
  scheme: string;
  serialPrefix: string | null;
  defaultKeysJson: string | null;
  managementTokensJson: string;
  encodingsJson: string;
  testOnly: number;
  active: number;
  revision: number;
}

export function createLibraryReferenceRepo(sqlite: Database.Database): LibraryReferenceRepo {
  const selectProfiles = sqlite.prepare(
    `SELECT id, name, manufacturer_code AS manufacturerCode, kind, scheme, serial_prefix AS serialPrefix,
            default_keys_json AS defaultKeysJson, management_tokens_json AS managementTokensJson,
            encodings_json AS encodingsJson, test_only AS testOnly, active, revision
       FROM meter_profiles ORDER BY test_only, name`,
  );
  const profileRevision = sqlite.prepare('SELECT revision FROM meter_profiles WHERE id = ?');
  const upsertProfile = sqlite.prepare(
    `INSERT INTO meter_profiles (id, name, manufacturer_code, kind, scheme, serial_prefix, default_keys_json,
       management_tokens_json, encodings_json, test_only, built_in, revision, active, updated_at)
     VALUES (@id, @name, @manufacturerCode, @kind, @scheme, @serialPrefix, @defaultKeysJson, @managementTokensJson,
       @encodingsJson, @testOnly, 1, @revision, 1, @now)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, manufacturer_code = excluded.manufacturer_code,
       kind = excluded.kind, scheme = excluded.scheme, serial_prefix = excluded.serial_prefix,
       default_keys_json = excluded.default_keys_json, management_tokens_json = excluded.management_tokens_json,
       encodings_json = excluded.encodings_json, test_only = excluded.test_only, revision = excluded.revision,
       updated_at = excluded.updated_at`,
  );
  const selectCategories = sqlite.prepare(
    'SELECT id, name, sort_order AS sortOrder, active FROM customer_categories ORDER BY sort_order, name',
  );
  const categoryName = sqlite.prepare('SELECT name, sort_order AS sortOrder FROM customer_categories WHERE id = ?');
  const upsertCategory = sqlite.prepare(
    `INSERT INTO customer_categories (id, name, sort_order, built_in, active, updated_at) VALUES (?, ?, ?, 1, 1, ?)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, sort_order = excluded.sort_order, updated_at = excluded.updated_at`,
  );

  return {
    profiles: () =>
      (selectProfiles.all() as ProfileSqlRow[]).map((row) => ({
        id: row.id,
        name: row.name,
        manufacturerCode: row.manufacturerCode,
        kind: row.kind as ProfileKind,
        scheme: row.scheme as TokenScheme,
        serialPrefix: row.serialPrefix,
        defaultKeys: row.defaultKeysJson === null ? null : (JSON.parse(row.defaultKeysJson) as KeyDefaults),
        managementTokens: JSON.parse(row.managementTokensJson) as ManagementToken[],
        encodings: JSON.parse(row.encodingsJson) as { setMaxOverdraft: ManufacturerEncoding },
        testOnly: row.testOnly === 1,
        active: row.active === 1,
        revision: row.revision,
      })),
    upsertBuiltInProfile(profile, revision, now) {
      const current = profileRevision.get(profile.id) as { revision: number } | undefined;
      if (current && current.revision >= revision) return false;
      upsertProfile.run({
        id: profile.id,
        name: profile.name,
        manufacturerCode: profile.manufacturerCode,
        kind: profile.kind,
        scheme: profile.scheme,
        serialPrefix: profile.serialPrefix,
        defaultKeysJson: profile.defaultKeys === null ? null : JSON.stringify(profile.defaultKeys),
        managementTokensJson: JSON.stringify(profile.managementTokens),
        encodingsJson: JSON.stringify(profile.encodings),
        testOnly: profile.testOnly ? 1 : 0,
        revision,
        now,
      });
      return true;
    },
    categories: () =>
      (selectCategories.all() as Array<{ id: string; name: string; sortOrder: number; active: number }>).map((row) => ({
        ...row,
        active: row.active === 1,
      })),
    upsertBuiltInCategory(category, sortOrder, now) {
      const current = categoryName.get(category.id) as { name: string; sortOrder: number } | undefined;
      if (current && current.name === category.name && current.sortOrder === sortOrder) return false;
      upsertCategory.run(category.id, category.name, sortOrder, now);
      return true;
    },
  };
}
