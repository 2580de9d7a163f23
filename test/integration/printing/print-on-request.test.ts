import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startVirtualPrinter, type VirtualPrinter } from '../../../electron/printing/virtual/virtual-printer';
import type { ManagementResult } from '../../../shared/ipc/advanced-schemas';
import type { PrintResultView } from '../../../shared/ipc/channels/printing';
import { requestId, startVendingHarness, value, type VendingHarness } from '../../support/vending-harness';

/**
 * print.sale and print.record: a stored sale or management record printed on request (automatic printing off). The
 * first print is the original, every later one says COPY, the token is the stored one, and each request is audited.
 */
let h: VendingHarness;
let printer: VirtualPrinter;
beforeEach(async () => {
  h = await startVendingHarness({ at: '2026-05-01T08:00:00.000Z' });
  printer = await startVirtualPrinter({ port: 0 });
  const settings = h.core.services.print.settings();
  h.core.services.print.saveSettings({ ...settings, connection: { kind: 'network', host: '127.0.0.1', port: printer.port }, autoPrint: false, copies: 1 }, 'test');
});
afterEach(async () => {
  await printer.stop();
  h.close();
});

const grouped = (digits: string) => digits.replace(/(\d{4})(?=\d)/g, '$1 ');

describe('printing a stored record on request', () => {
  it('prints a sale as the original first and as a COPY after, with the stored token', async () => {
    const { sale, printQueued } = await h.vend({ accountId: h.accountOf('58000000065'), amount: '10' });
    expect(printQueued).toBe(false);
    const first = await value(h.admin.call<PrintResultView>('print.sale', { id: sale.id }));
    expect(first.job.state).toBe('confirmed');
    expect(first.receipt.join('\n')).not.toContain('COPY');
    const second = await value(h.admin.call<PrintResultView>('print.sale', { id: sale.id }));
    expect(second.receipt.join('\n')).toContain('COPY');
    const jobs = await printer.waitForJobs(2);
    expect(jobs[0]?.text.join('\n')).toContain(grouped(sale.tokens[0]!.digits));
    expect(jobs[0]?.text.join('\n')).not.toContain('COPY');
    expect(jobs[1]?.text.join('\n')).toContain('COPY');
    expect(jobs[1]?.text.join('\n')).toContain(grouped(sale.tokens[0]!.digits));
    expect(h.count("SELECT count(*) FROM audit_log WHERE action = 'print.sale' AND target = ?", sale.id)).toBe(2);
    expect(h.count('SELECT count(*) FROM sales')).toBe(1);
  });

  it('prints a management record as a COPY once its original has printed (management receipts print when issued)', async () => {
    const issued = await value(h.admin.call<ManagementResult>('advanced.clearTamper', { accountId: h.accountOf('58000000065'), idempotencyKey: requestId() }));
    expect(issued.printQueued).toBe(true);
    const [original] = await printer.waitForJobs(1);
    expect(original?.text.join('\n')).not.toContain('COPY');
    const again = await value(h.admin.call<PrintResultView>('print.record', { id: issued.record.id }));
    expect(again.receipt.join('\n')).toContain(grouped(issued.record.tokens[0]!));
    expect(again.receipt.join('\n')).toContain('COPY');
    expect(h.count("SELECT count(*) FROM audit_log WHERE action = 'print.record'")).toBe(1);
    expect(h.count('SELECT count(*) FROM management_tokens')).toBe(1);
  });

  it('refuses a record that is not on this terminal', async () => {
    const reply = await h.admin.call('print.sale', { id: 'no-such-sale' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
