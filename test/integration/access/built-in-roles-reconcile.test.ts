import { afterEach, expect, it } from 'vitest';
import { BUILT_IN_ROLES } from '../../../shared/auth/permissions';
import { removeDir, SETUP_INPUT, startCoreHarness, type CoreHarness } from '../../support/core-harness';

/**
 * S1: the built-in roles are "written out" per version. An installation set up by an older version lacks the
 * permissions a newer one adds (and may hold one taken away): the next start gives each built-in role exactly this
 * version's set, audited and synced once; a start with nothing to do writes nothing.
 */
let h: CoreHarness | null = null;
let dataDir = '';
afterEach(() => {
  h?.close();
  h = null;
  if (dataDir !== '') removeDir(dataDir);
  dataDir = '';
});

const permissionsOf = (harness: CoreHarness, code: string) =>
  harness.core.services.sqlite
    .prepare('SELECT p.permission FROM role_permissions p JOIN roles r ON r.id = p.role_id WHERE r.code = ? ORDER BY p.permission')
    .pluck()
    .all(code) as string[];
const count = (harness: CoreHarness, sql: string) => harness.core.services.sqlite.prepare(sql).pluck().get() as number;

it('a start gives Admin a permission an older version lacked and takes an extra one from OnlyVending, once, audited and synced', async () => {
  h = await startCoreHarness();
  dataDir = h.dataDir;
  const admin = h.caller();
  await admin.call('setup.init', { ...SETUP_INPUT, loadDemo: false });
  const sqlite = h.core.services.sqlite;
  // what an older version wrote: Admin without 'import' rights, OnlyVending with one it should not have
  sqlite.prepare("DELETE FROM role_permissions WHERE permission = 'meters.import' AND role_id = (SELECT id FROM roles WHERE code = 'Admin')").run();
  sqlite.prepare("INSERT INTO role_permissions (role_id, permission) SELECT id, 'meters.export' FROM roles WHERE code = 'OnlyVending'").run();
  const adminVersion = count(h, "SELECT version FROM roles WHERE code = 'Admin'");
  h.close();

  h = await startCoreHarness({ dataDir });
  const wanted = (code: string) => [...(BUILT_IN_ROLES.find((r) => r.id === code)?.permissions ?? [])].sort();
  expect(permissionsOf(h, 'Admin')).toEqual(wanted('Admin'));
  expect(permissionsOf(h, 'OnlyVending')).toEqual(wanted('OnlyVending'));
  expect(permissionsOf(h, 'Supervisor')).toEqual(wanted('Supervisor'));
  expect(count(h, "SELECT version FROM roles WHERE code = 'Admin'")).toBe(adminVersion + 1);
  const audit = h.core.services.sqlite.prepare("SELECT target, actor, details_json FROM audit_log WHERE action = 'roles.reconcile' ORDER BY target").all() as Array<{ target: string; actor: string; details_json: string }>;
  expect(audit.map((a) => [a.target, a.actor, JSON.parse(a.details_json) as unknown])).toEqual([
    ['Admin', 'system', { code: 'Admin', added: ['meters.import'], removed: [] }],
    ['OnlyVending', 'system', { code: 'OnlyVending', added: [], removed: ['meters.export'] }],
  ]);
  const adminId = h.core.services.sqlite.prepare("SELECT id FROM roles WHERE code = 'Admin'").pluck().get() as string;
  const synced = h.core.services.sqlite.prepare('SELECT payload_json FROM outbox WHERE idempotency_key = ?').pluck().get(`roles:${adminId}:${adminVersion + 1}`) as string | undefined;
  expect(synced).toContain('meters.import');
  // the admin signs in and holds the permission again
  const again = h.caller();
  expect((await again.call('session.login', { username: '0000', password: SETUP_INPUT.adminPassword })).ok).toBe(true);
  expect((await again.call('meters.import', { fileBase64: Buffer.from('x').toString('base64'), fileName: 'x.xlsx' })).ok).toBe(false);
  const denied = count(h, "SELECT count(*) FROM audit_log WHERE action = 'access.denied' AND target = 'meters.import'");
  expect(denied).toBe(0);

  const before = { audit: count(h, 'SELECT count(*) FROM audit_log'), outbox: count(h, 'SELECT count(*) FROM outbox') };
  h.close();
  h = await startCoreHarness({ dataDir });
  expect({ audit: count(h, 'SELECT count(*) FROM audit_log'), outbox: count(h, 'SELECT count(*) FROM outbox') }).toEqual(before);
});
