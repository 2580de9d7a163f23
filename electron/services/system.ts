import { randomBytes } from 'node:crypto';
import type { Clock } from '../../shared/ports/clock';
import type { IdGenerator } from '../../shared/ports/id-generator';

export const systemClock: Clock = { now: () => new Date() };

/**
 * UUIDv7 (RFC 9562): 48-bit Unix milliseconds, version 7, 74 random bits. Within one millisecond a counter in the
 * random part keeps ids from one generator increasing, so rows born together sort in birth order.
 */
export function createUuidV7Generator(clock: Clock = systemClock): IdGenerator {
  let lastMs = -1;
  let sequence = 0;
  return {
    newId() {
      const ms = Math.max(clock.now().getTime(), lastMs);
      if (ms === lastMs) sequence = (sequence + 1) & 0xfff;
      else sequence = randomBytes(2).readUInt16BE(0) & 0x7ff;
      lastMs = ms;
      const bytes = randomBytes(16);
      bytes.writeUIntBE(ms, 0, 6);
      bytes[6] = 0x70 | (sequence >> 8);
      bytes[7] = sequence & 0xff;
      bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
      const hex = bytes.toString('hex');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    },
  };
}
