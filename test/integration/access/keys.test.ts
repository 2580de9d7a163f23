import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTokenIssuer, createVirtualMeter, type StsMeter } from '../../../electron/sts';
import { SAMPLE_STA_TABLES } from '../../../electron/sts/sta-tables';
import { vendingKeyName } from '../../../electron/services/vending-keys';
import { ADMIN, expectOk, startAccessHarness, type AccessHarness, type Reply } from '../../support/access-harness';
import { APP_ROOT } from '../../support/host-process';

/** Vending keys and STA tables: loaded into the key store, listed by fingerprint, handed to the token engine. */
const harnesses: AccessHarness[] = [];
afterEach(() => {
  for (const h of harnesses.splice(0)) {
    h.close();
    fs.rmSync(h.dataDir, { recursive: true, force: true });
  }
});

async function harness(): Promise<AccessHarness> {
  const h = await startAccessHarness();
  harnesses.push(h);
  return h;
}

const fixture = (name: string) => fs.readFileSync(path.join(APP_ROOT, 'test', 'fixtures', 'sts', name), 'utf8');

type Overview = {
  keyStore: { state: string };
  keys: Array<{ name: string; sgc: string; krn: number; dkga: string; baseYear: number; bits: number; fingerprint: string; testKey: boolean; loadedBy: string }>;
  tables: { status: string; fileName: string } | null;
};

const TEST_KEY = 'ABABABABABABABAB';
/** The STS specification's DKGA02 row (sts-spec.md 8.5): this PAN and key parameters give DK E653341F9D5BF36F. */
const SPEC_METER: StsMeter = {
  scheme: 'STS',
  meterId: 'spec-meter',
  pan: '600727000000000009',
  key: { dkga: 'DKGA02', algorithm: 'EA07', sgc: '123456', krn: 1, keyType: 2, ti: 1, baseYear: 2014 },
};

function keyBytesIn(buffer: Buffer, hex: string): boolean {
  return buffer.includes(Buffer.from(hex, 'hex')) || buffer.toString('latin1').toUpperCase().includes(hex.toUpperCase());
}

describe('vending keys', () => {
  it('loads the published test keys with the demo and lists them by fingerprint, never the key', async () => {
    const h = await harness();
    const admin = await h.admin();
    const reply = await admin.call<Overview>('keys.list');
    const overview = expectOk(reply);
    expect(overview.keyStore.state).toBe('unlocked');
    expect(overview.keys.map((k) => [k.name, k.bits, k.testKey, k.loadedBy])).toEqual([
      ['vk:123456:1:2:DKGA02:2014', 64, true, 'setup'],
      ['vk:123456:1:2:DKGA04:2014', 160, true, 'setup'],
    ]);
    for (const key of overview.keys) expect(key.fingerprint).toMatch(/^[0-9A-F]{16}$/);
    const text = JSON.stringify(reply);
    expect(text.toUpperCase()).not.toContain(TEST_KEY);
    expect(text).not.toContain(Buffer.from(TEST_KEY, 'hex').toString('base64').slice(0, 10));
    expect(overview.tables).toBeNull();
  });

  it('hands the token engine a copy of the key: tokens it issues are accepted by a meter with the derived key', async () => {
    const h = await harness();
    const { vendingKeys } = h.core.services;
    const request = { sgc: '123456', krn: 1, keyType: 2 as const, dkga: 'DKGA02' as const, baseYear: 2014 as const };
    const first = vendingKeys.provider(request);
    expect(first && Buffer.from(first).toString('hex').toUpperCase()).toBe(TEST_KEY);
    first?.fill(0);
    expect(Buffer.from(vendingKeys.provider(request) ?? []).toString('hex').toUpperCase()).toBe(TEST_KEY);
    expect(vendingKeys.provider({ ...request, baseYear: 1993 })).toBeNull();
    expect(vendingKeys.provider({ ...request, dkga: 'DKGA04' })).toHaveLength(20);

    const issuer = createTokenIssuer({ vendingKeyProvider: vendingKeys.provider });
    const token = issuer.credit({ meter: SPEC_METER, subclass: 0, amountTenths: 125, tid: 6_000_000, rnd: 3 });
    if (!token.ok) throw new Error(token.error.message);
    const meter = createVirtualMeter({ decoderKey: Buffer.from('E653341F9D5BF36F', 'hex'), algorithm: 'EA07' });
    if (!meter.ok) throw new Error(meter.error.message);
    expect(meter.value.enter(token.value.tokenNumber)).toMatchObject({ accepted: true, tokenClass: 0 });

    h.core.keyStore.lock();
    expect(vendingKeys.provider(request)).toBeNull();
    const refused = createTokenIssuer({ vendingKeyProvider: vendingKeys.provider }).credit({ meter: SPEC_METER, subclass: 0, amountTenths: 1, tid: 6_000_001, rnd: 1 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'KEY_UNAVAILABLE' } });
  });

  it('loads a key, audits it without the key, replaces it, and never stores it in the clear', async () => {
    const h = await harness();
    const admin = await h.admin();
    const key = '0123456789ABCDEF';
    const loaded = expectOk(await admin.call<{ name: string; fingerprint: string; testKey: boolean }>('keys.load', { sgc: '654321', krn: 2, keyType: 2, dkga: 'DKGA02', baseYear: 2014, keyHex: key.toLowerCase() }));
    expect(loaded).toMatchObject({ name: 'vk:654321:2:2:DKGA02:2014', testKey: false });
    const again = expectOk(await admin.call<{ fingerprint: string }>('keys.load', { sgc: '654321', krn: 2, keyType: 2, dkga: 'DKGA02', baseYear: 2014, keyHex: 'FEDCBA9876543210' }));
    expect(again.fingerprint).not.toBe(loaded.fingerprint);
    const audit = h.core.database.sqlite.prepare("SELECT details_json AS d FROM audit_log WHERE action = 'keys.load' AND target = ?").all(loaded.name) as Array<{ d: string }>;
    expect(audit.map((a) => JSON.parse(a.d) as { fingerprint: string; replacedFingerprint: string | null })).toMatchObject([
      { fingerprint: loaded.fingerprint, replacedFingerprint: null },
      { fingerprint: again.fingerprint, replacedFingerprint: loaded.fingerprint },
    ]);
    h.core.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const file = fs.readFileSync(path.join(h.dataDir, fs.readdirSync(h.dataDir).find((f) => f.endsWith('.sqlite') || f.endsWith('.db')) ?? 'missing'));
    expect(keyBytesIn(file, key)).toBe(false);
    expect(keyBytesIn(file, 'FEDCBA9876543210')).toBe(false);
    expect(Buffer.from(h.core.services.vendingKeys.provider({ sgc: '654321', krn: 2, keyType: 2, dkga: 'DKGA02', baseYear: 2014 }) ?? []).toString('hex')).toBe('fedcba9876543210');
  });

  it('names the field of a wrong key and refuses with the key store locked', async () => {
    const h = await harness();
    const admin = await h.admin();
    const base = { sgc: '654321', krn: 1, keyType: 2, dkga: 'DKGA04', baseYear: 2014 };
    expect(await admin.call('keys.load', { ...base, keyHex: 'ABABABABABABABAB' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/keyHex.*40 hexadecimal digits/) } });
    expect(await admin.call('keys.load', { ...base, keyHex: 'XY'.repeat(20) })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('hexadecimal') } });
    expect(await admin.call('keys.load', { ...base, sgc: '12345', keyHex: 'AB'.repeat(20) })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('SGC') } });
    h.core.keyStore.lock();
    const locked = await admin.call('keys.load', { ...base, keyHex: 'AB'.repeat(20) });
    expect(locked).toMatchObject({ ok: false, error: { code: 'KEY_STORE_LOCKED', message: expect.stringContaining('The key store is locked') } });
    const overview = expectOk(await admin.call<Overview>('keys.list'));
    expect(overview.keyStore.state).toBe('locked');
    expect(overview.keys).toHaveLength(2);
  });
});

describe('STA tables', () => {
  it('stores the sample set with its status, refuses an unknown or broken set, and gives the engine one table object', async () => {
    const h = await harness();
    const admin = await h.admin();
    expect(h.core.services.vendingKeys.staTables()).toBeUndefined();
    const unknown = await admin.call('keys.loadTables', { fileName: 'made-up.json', json: fixture('made-up-sta-tables.json') });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('neither the licensed production set') } });
    const broken = (await admin.call('keys.loadTables', { fileName: 'broken.json', json: fixture('broken-sta-tables.json') })) as Reply;
    expect(broken).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await admin.call('keys.loadTables', { json: '{"s1": [1, 2' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('not valid JSON') } });

    const loaded = expectOk(await admin.call<{ status: string; fingerprints: { s1: string } }>('keys.loadTables', { fileName: 'sample.json', json: fixture('sample-sta-tables.json') }));
    expect(loaded.status).toBe('sample');
    expect(loaded.fingerprints.s1).toMatch(/^[0-9a-f]{64}$/);
    const tables = h.core.services.vendingKeys.staTables();
    expect(tables).toEqual(SAMPLE_STA_TABLES);
    expect(h.core.services.vendingKeys.staTables()).toBe(tables);
    expect(expectOk(await admin.call<Overview>('keys.list')).tables).toMatchObject({ status: 'sample', fileName: 'sample.json' });
    const audit = h.core.database.sqlite.prepare("SELECT actor FROM audit_log WHERE action = 'keys.loadTables'").all();
    expect(audit).toEqual([{ actor: ADMIN.userId }]);
  });

  it('tells the token engine when keys change, so it forgets what it prepared', async () => {
    const h = await harness();
    const admin = await h.admin();
    let forgotten = 0;
    const stop = h.core.services.vendingKeys.onChange(() => {
      forgotten += 1;
    });
    expectOk(await admin.call('keys.load', { sgc: '654321', krn: 1, keyType: 2, dkga: 'DKGA02', baseYear: 2014, keyHex: '0123456789ABCDEF' }));
    expectOk(await admin.call('keys.loadTables', { fileName: 'sample.json', json: fixture('sample-sta-tables.json') }));
    stop();
    expectOk(await admin.call('keys.load', { sgc: '654321', krn: 1, keyType: 2, dkga: 'DKGA02', baseYear: 2014, keyHex: '0123456789ABCDEF' }));
    expect(forgotten).toBe(2);
    expect(vendingKeyName({ sgc: '654321', krn: 1, keyType: 2, dkga: 'DKGA02', baseYear: 2014 })).toBe('vk:654321:1:2:DKGA02:2014');
  });
});
