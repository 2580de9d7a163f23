import { z } from 'zod';
import { ERROR_CODES } from '../errors/codes';

/** The wire shape of every reply, on both transports. */
export const ErrorEnvelope = z.object({
  ok: z.literal(false),
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }),
});

export function envelopeOf<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value }), ErrorEnvelope]);
}
