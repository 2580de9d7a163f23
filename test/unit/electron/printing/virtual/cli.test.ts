import { describe, expect, it } from 'vitest';
import { parseVirtualPrinterArgs } from '../../../../../electron/printing/virtual/cli';

describe('npm run printer:virtual options', () => {
  it('defaults to 127.0.0.1:9100, EPSON, 80 mm, online', () => {
    expect(parseVirtualPrinterArgs([])).toEqual({
      ok: true,
      options: { port: 9100, model: 'EPSON', paperWidth: 80, columns: undefined, state: 'online', closeAfterBytes: 64, saveDir: null, quiet: false },
    });
  });

  it('reads every option', () => {
    const parsed = parseVirtualPrinterArgs(['--port', '0', '--model', 'star', '--width', '80', '--columns', '42', '--state', 'never-answer', '--close-after', '10', '--out', '/tmp/x', '--quiet']);
    expect(parsed).toEqual({ ok: true, options: { port: 0, model: 'STAR', paperWidth: 80, columns: 42, state: 'never-answer', closeAfterBytes: 10, saveDir: '/tmp/x', quiet: true } });
  });

  it.each([
    [['--port', '70000'], /--port takes/],
    [['--model', 'brother'], /EPSON or STAR/],
    [['--state', 'jammed'], /--state takes one of: online/],
    [['--width', '58', '--columns', '42'], /80 mm paper only/],
    [['--out'], /--out needs a value/],
    [['--colour'], /Unknown option --colour/],
  ])('refuses %j', (argv, message) => {
    const parsed = parseVirtualPrinterArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});
