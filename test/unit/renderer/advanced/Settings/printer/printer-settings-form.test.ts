import { describe, expect, it } from 'vitest';
import { defaultSection } from '../../../../../../shared/config/settings';
import { checkPrinterForm, linesOf, printerFormOf } from '../../../../../../renderer/advanced/Settings/printer/printer-settings-form';

const base = printerFormOf(defaultSection('printer'));

describe('the Printer settings form', () => {
  it('round-trips the stored settings', () => {
    const stored = { ...defaultSection('printer'), connection: { kind: 'network' as const, host: '10.0.0.7', port: 9101 }, paperWidth: 58 as const, headerLines: ['A', 'B'], copies: 2 };
    expect(checkPrinterForm(printerFormOf(stored))).toEqual({ ok: true, value: stored });
  });

  it('reads header and footer rows, dropping trailing blanks but keeping blank rows inside', () => {
    expect(linesOf('Tel 1  \n\nOpen 8-18\n\n')).toEqual(['Tel 1', '', 'Open 8-18']);
    const checked = checkPrinterForm({ ...base, headerLines: 'Tel 1\r\nOpen 8-18\n' });
    expect(checked.ok && checked.value.headerLines).toEqual(['Tel 1', 'Open 8-18']);
  });

  it.each([
    [{ connection: 'network' as const, host: '' }, 'host', /IP address/],
    [{ connection: 'network' as const, host: '192.168.1.50:9100' }, 'host', /without http:\/\/ or a port/],
    [{ connection: 'network' as const, host: '192.168.1.50', port: '0' }, 'port', /1 to 65535/],
    [{ model: 'STAR' as const, characterSet: 'PC850_MULTILINGUAL' as const }, 'characterSet', /PC858/],
    [{ headerLines: '1\n2\n3\n4\n5\n6\n7' }, 'headerLines', /at most 6 header lines/],
    [{ footerLines: `ok\n${'x'.repeat(49)}` }, 'footerLines', /Line 2 is longer than 48 characters/],
  ])('refuses %j, naming the field', (change, field, message) => {
    const checked = checkPrinterForm({ ...base, ...change });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors[field as keyof typeof checked.errors]).toMatch(message);
    expect(checked.summary).toMatch(message);
  });

  it('ignores the address while no printer is chosen', () => {
    expect(checkPrinterForm({ ...base, connection: 'none', host: 'not checked' })).toMatchObject({ ok: true, value: { connection: { kind: 'none' } } });
  });
});
