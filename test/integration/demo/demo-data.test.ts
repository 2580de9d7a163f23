import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore } from '../../../electron/services/core';
import { DEMO_CASHIER, DEMO_CURRENCY_DISPLAY, DEMO_CUSTOMERS, DEMO_METERS } from '../../../electron/services/demo/demo-seeder';
import { isLuhnValid, parseDrn } from '../../../electron/sts';
import { cliInitDataDir } from '../../support/cli-init';
import { APP_ROOT, testEnv } from '../../support/host-process';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the seed manual's demo data, made valid", () => {
  it('every demo meter number is an 11-digit DRN that passes the Luhn check', () => {
    expect(DEMO_METERS).toHaveLength(10);
    for (const meter of DEMO_METERS) {
      expect(meter.meterNo, meter.meterNo).toMatch(/^\d{11}$/);
      expect(isLuhnValid(meter.meterNo), meter.meterNo).toBe(true);
      expect(parseDrn(meter.meterNo)).toMatchObject({ ok: true, value: { digits: meter.meterNo, length: 11 } });
    }
    expect(new Set(DEMO_METERS.map((meter) => meter.meterNo)).size).toBe(DEMO_METERS.length);
  });

  it("the seed's own 10-digit misprints would be refused (the check is not vacuous)", () => {
    expect(parseDrn('5800000065').ok).toBe(false);
    expect(isLuhnValid('58000000064')).toBe(false);
  });

  it('every demo meter belongs to a demo customer, and each customer number is unique', () => {
    const customers = new Set<string>(DEMO_CUSTOMERS.map((customer) => customer.customerNo));
    expect(customers.size).toBe(DEMO_CUSTOMERS.length);
    for (const meter of DEMO_METERS) expect(customers.has(meter.customerNo), meter.meterNo).toBe(true);
  });

  it('a demo setup has the cashier who can sign in, and shows CNY as RMB like the seed', async () => {
    const dir = cliInitDataDir({ demo: true });
    dirs.push(dir);
    const started = await startCore({ dataDir: dir, appRoot: APP_ROOT, program: 'test', env: testEnv(dir) });
    if (!started.ok) throw new Error(started.problem.message);
    try {
      let token: string | null = null;
      const caller = { transport: 'test' as const, get sessionToken() { return token; }, setSessionToken: (next: string | null) => { token = next; } };
      const login = await started.core.dispatch('session.login', { username: DEMO_CASHIER.loginId, password: DEMO_CASHIER.password }, caller);
      expect(login).toMatchObject({ ok: true, value: { roleId: 'OnlyVending', permissions: ['records.view', 'reprint', 'vend'] } });
      const settings = await started.core.dispatch('settings.get', {}, caller);
      expect(settings).toMatchObject({ ok: true, value: { company: { currencyDisplay: DEMO_CURRENCY_DISPLAY } } });
    } finally {
      started.core.close();
    }
  });
});
