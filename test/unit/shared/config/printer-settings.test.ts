import { describe, expect, it } from 'vitest';
import { AllSettings, defaultSection, PrinterSettings, SaveSettingsInput } from '../../../../shared/config/settings';
import { characterSetsFor, makePrinterProfile } from '../../../../shared/receipt/printer-profile';

describe('the printer settings section', () => {
  it('defaults to no printer (not configured), 80 mm EPSON, PC858, one copy, automatic printing', () => {
    expect(defaultSection('printer')).toMatchObject({ connection: { kind: 'none' }, paperWidth: 80, columns80: 48, model: 'EPSON', characterSet: 'PC858_EURO', copies: 1, autoPrint: true, qrCode: false });
    expect(AllSettings.parse({ general: {}, company: {}, security: {}, printer: {} }).printer.connection.kind).toBe('none');
  });

  it('takes a network printer with a default port of 9100', () => {
    expect(PrinterSettings.parse({ connection: { kind: 'network', host: '192.168.1.50' } }).connection).toEqual({ kind: 'network', host: '192.168.1.50', port: 9100 });
    expect(SaveSettingsInput.safeParse({ section: 'printer', value: { connection: { kind: 'network', host: 'printer-1.shop', port: 9101 } } }).success).toBe(true);
  });

  it.each([
    [{ connection: { kind: 'network', host: '' } }, ['connection', 'host']],
    [{ connection: { kind: 'network', host: 'http://x' } }, ['connection', 'host']],
    [{ connection: { kind: 'network', host: '10.0.0.1', port: 70000 } }, ['connection', 'port']],
    [{ copies: 4 }, ['copies']],
    [{ paperWidth: 76 }, ['paperWidth']],
    [{ headerLines: ['a\tb'] }, ['headerLines', 0]],
    [{ footerLines: ['x'.repeat(49)] }, ['footerLines', 0]],
    [{ model: 'STAR', characterSet: 'PC850_MULTILINGUAL' }, ['characterSet']],
  ])('refuses %j, naming the field', (value, path) => {
    const parsed = PrinterSettings.safeParse(value);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(path);
    expect(parsed.error?.issues[0]?.message.length).toBeGreaterThan(10);
  });

  it('gives 32 characters on 58 mm and the chosen 48 or 42 on 80 mm, with the paper width in dots', () => {
    expect(makePrinterProfile({ model: 'EPSON', paperWidth: 58, columns80: 42, characterSet: 'PC437_USA' })).toMatchObject({ columns: 32, dotWidth: 384 });
    expect(makePrinterProfile({ model: 'STAR', paperWidth: 80, columns80: 42, characterSet: 'PC437_USA' })).toMatchObject({ columns: 42, dotWidth: 576 });
    expect(characterSetsFor('STAR')).not.toContain('PC850_MULTILINGUAL');
  });
});
