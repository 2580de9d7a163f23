import type Database from 'better-sqlite3';
import type { CategoryInfo, ProfileInfo } from '../../../shared/ipc/library-schemas';
import { BUILT_IN_CATEGORIES } from '../../../shared/library/categories';
import { BUILT_IN_PROFILES, BUILT_IN_PROFILES_REVISION } from '../../../shared/library/meter-profiles';
import type { Clock } from '../../../shared/ports/clock';
import { writeTransaction } from '../../db/open-database';
import type { LibraryReferenceRepo, ProfileRecord } from '../../db/repos/library-reference-repo';

/**
 * The built-in reference rows of the Library Center: meter model profiles and customer categories (shared/library).
 * `ensureBuiltIns` runs at every start: it writes a row that is missing, or whose shipped definition is newer, and
 * leaves the rest alone. These rows are the app's own (the same ids at every station), not changes an operator made,
 * so they write no audit or outbox rows.
 */
export interface LibraryReference {
  ensureBuiltIns(): { profilesWritten: number; categoriesWritten: number };
  profiles(): ProfileRecord[];
  profile(id: string): ProfileRecord | null;
  profileInfos(): ProfileInfo[];
  categories(): CategoryInfo[];
  categoryIds(): string[];
}

export function createLibraryReference(deps: { sqlite: Database.Database; repo: LibraryReferenceRepo; clock: Clock }): LibraryReference {
  let cached: ProfileRecord[] | null = null;
  const profiles = () => (cached ??= deps.repo.profiles());
  return {
    ensureBuiltIns() {
      const now = deps.clock.now().toISOString();
      const written = writeTransaction(deps.sqlite, () => ({
        profilesWritten: BUILT_IN_PROFILES.filter((p) => deps.repo.upsertBuiltInProfile(p, BUILT_IN_PROFILES_REVISION, now)).length,
        categoriesWritten: BUILT_IN_CATEGORIES.filter((c, i) => deps.repo.upsertBuiltInCategory(c, i + 1, now)).length,
      }));
      cached = null;
      return written;
    },
    profiles,
    profile: (id) => profiles().find((p) => p.id === id) ?? null,
    profileInfos: () =>
      profiles().map((p) => ({
        id: p.id,
        name: p.name,
        manufacturerCode: p.manufacturerCode,
        kind: p.kind,
        scheme: p.scheme,
        serialPrefix: p.serialPrefix,
        defaultKeys: p.defaultKeys,
        managementTokens: p.managementTokens,
        encodings: p.encodings,
        testOnly: p.testOnly,
        active: p.active,
      })),
    categories: () => deps.repo.categories().filter((c) => c.active).map((c) => ({ id: c.id, name: c.name })),
    categoryIds: () => deps.repo.categories().filter((c) => c.active).map((c) => c.id),
  };
}
