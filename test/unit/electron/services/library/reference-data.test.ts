import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILT_IN_CATEGORIES } from '../../../../../shared/library/categories';
import { BUILT_IN_PROFILES } from '../../../../../shared/library/meter-profiles';
import { openLibraryHarness, type LibraryHarness } from '../../../../support/library-harness';

let h: LibraryHarness;
beforeEach(() => {
  h = openLibraryHarness();
});
afterEach(() => h.sqlite.close());

describe('the built-in reference rows', () => {
  it('are written at start, once: every profile and category, and nothing on the next start', () => {
    expect(h.count('meter_profiles')).toBe(BUILT_IN_PROFILES.length);
    expect(h.reference.categories()).toEqual(BUILT_IN_CATEGORIES.map((c) => ({ id: c.id, name: c.name })));
    expect(h.reference.ensureBuiltIns()).toEqual({ profilesWritten: 0, categoriesWritten: 0 });
    expect(h.count('audit_log')).toBe(0);
    expect(h.count('outbox')).toBe(0);
  });

  it('rewrite a profile whose stored revision is older than the shipped one', () => {
    h.sqlite.prepare("UPDATE meter_profiles SET revision = 0, name = 'stale' WHERE id = 'tokentill-test-meter'").run();
    expect(h.reference.ensureBuiltIns().profilesWritten).toBe(1);
    expect(h.reference.profile('tokentill-test-meter')?.name).toBe('TokenTill test meter');
  });

  it('read back as the profile list the Meter Library offers, encodings included', () => {
    const infos = h.reference.profileInfos();
    const test = infos.find((p) => p.id === 'tokentill-test-meter');
    expect(test).toMatchObject({ manufacturerCode: '00', scheme: 'STS', testOnly: true, defaultKeys: { sgc: '123456', baseYear: 2014 } });
    expect(test?.encodings.setMaxOverdraft.status).toBe('test-only');
    expect(infos.find((p) => p.id === 'm58-integrated-gas')?.encodings.setMaxOverdraft.status).toBe('not-published');
    expect(infos.filter((p) => p.testOnly).map((p) => p.id)).toEqual(['tokentill-test-meter']);
  });
});
