import { describe, expect, it } from 'vitest';
import { PRINTER_DEVICE_STATES } from '../../../../shared/ports/receipt-printer';
import { interpretStatus, STATUS_QUERY, statusAnswer, statusSentence } from '../../../../electron/printing/printer-status';

describe('DLE EOT status', () => {
  it('asks n = 1, 2 and 4', () => {
    expect([...STATUS_QUERY]).toEqual([0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x04]);
  });

  // Answers as the ESC/POS reference documents them (fixed bits 1 and 4 set: 0x12 is "all clear").
  it.each([
    ['online', [0x12, 0x12, 0x12]],
    ['paper-near-end', [0x12, 0x12, 0x1e]],
    ['paper-out', [0x1a, 0x32, 0x7e]],
    ['paper-out', [0x1a, 0x12, 0x72]],
    ['cover-open', [0x1a, 0x16, 0x12]],
    ['offline', [0x1a, 0x12, 0x12]],
    ['offline', [0x12, 0x52, 0x12]],
    ['unknown', [0x12, 0x12, null]],
    ['unknown', [0x12, 0x12]],
    ['unknown', [0x00, 0x12, 0x12]],
    ['unknown', [0x12, 0xff, 0x12]],
  ] as const)('%s from %j', (state, answers) => {
    expect(interpretStatus(answers)).toBe(state);
  });

  it('the answers the virtual printer gives read back as its state', () => {
    for (const state of PRINTER_DEVICE_STATES.filter((s) => s !== 'unknown')) {
      expect(interpretStatus([1, 2, 4].map((n) => statusAnswer(state, n)))).toBe(state);
    }
  });

  it('has a sentence naming the printer for every state', () => {
    for (const state of PRINTER_DEVICE_STATES) {
      const sentence = statusSentence(state, '10.0.0.5:9100');
      expect(sentence).toContain('10.0.0.5:9100');
      expect(sentence).toMatch(/\.$/);
    }
  });
});
