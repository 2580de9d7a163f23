import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { RecordsSearchResult, VendConfirmResult, VendQuote } from '../../../shared/ipc/vending-schemas';
import { SETUP_INPUT } from '../../support/core-harness';
import { makeDataDir, rpcClient, startHost, type HostProcess } from '../../support/host-process';
import { virtualMeterFor } from '../../support/vending-harness';

/**
 * The demo vends end to end the way the Top-up screen will: the browser-mode host as a process (key store unlocked
 * with its passphrase), the demo's cashier signed in over HTTP, the account found in the Top-up grid, quoted,
 * confirmed with the vend password, found again in the records; the token is accepted by a virtual meter. (The demo
 * station prints to 127.0.0.1:9100 after the commit; whether anything listens there, the sale does not depend on it.)
 */
let host: HostProcess | null = null;
let dataDir: string | null = null;
afterEach(async () => {
  await host?.stop('SIGKILL');
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  host = null;
  dataDir = null;
});

describe('the demo vends end to end through the browser-mode host', () => {
  it('cashier: Top-up grid -> quote -> confirm -> record; the meter accepts the token', async () => {
    dataDir = makeDataDir('tokentill-vend-host-');
    host = await startHost({ dataDir, env: { TOKENTILL_PRINTER_POLL_MS: '0' } });
    const call = rpcClient(host.url);
    expect((await call('setup.init', SETUP_INPUT)).body.ok).toBe(true);
    expect((await call('session.login', { username: 'cashier', password: 'Cashier#2026' })).body.ok).toBe(true);

    const grid = await call<{ rows: Array<{ accountId: string; meterNo: string; customerNo: string }> }>('accounts.forTopUp', { search: '58000000099' });
    if (!grid.body.ok) throw new Error(grid.body.error.message);
    const row = grid.body.value.rows.find((r) => r.meterNo === '58000000099');
    if (!row) throw new Error('the demo account of meter 58000000099 is not in the Top-up grid');

    const quote = await call<VendQuote>('vend.quote', { accountId: row.accountId, by: 'money', amount: '20' });
    if (!quote.body.ok) throw new Error(quote.body.error.message);
    expect(quote.body.value).toMatchObject({ paidMinor: 2000, unitsTenths: 174, unit: 'kWh', customerNo: '0002', customerName: 'Bule', meterNo: '58000000099' });

    const confirm = await call<VendConfirmResult>('vend.confirm', {
      accountId: row.accountId, by: 'money', amount: '20', priceVersion: quote.body.value.priceVersion, paymentType: 'Cash',
      vendPassword: 'Vend#2026!', idempotencyKey: randomUUID(),
    });
    if (!confirm.body.ok) throw new Error(confirm.body.error.message);
    const { sale } = confirm.body.value;
    expect(sale).toMatchObject({ operatorLoginId: 'cashier', unitsTenths: 174, receiptNo: 'ST01-000001' });

    const found = await call<RecordsSearchResult>('records.search', { meterNo: '58000000099' });
    expect(found.body).toMatchObject({ ok: true, value: { total: 1, rows: [{ id: sale.id, tokens: sale.tokens }] } });

    const meter = virtualMeterFor('58000000099', { sgc: '123456', ti: 1, krn: 1, keyType: 2, algorithm: 'EA07', baseYear: 2014, dkga: 'DKGA02' });
    expect(meter.enter(sale.tokens[0]?.digits ?? '')).toMatchObject({ accepted: true, effect: { kind: 'credit', amountTenths: 174, tid: sale.tid } });
  });
});
