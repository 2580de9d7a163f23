import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { validationError } from '../../../../shared/errors/validation';

describe('validationError', () => {
  const schema = z.object({ stationCode: z.string().regex(/^[A-Z0-9]{1,12}$/, 'use 1 to 12 letters or numbers'), count: z.number() });

  it('names a missing field', () => {
    const result = schema.safeParse({ count: 1 });
    expect(validationError(result.error!).error).toEqual({ code: 'VALIDATION', message: 'The field "stationCode" is required.' });
  });

  it('names the field and the rule it broke', () => {
    const result = schema.safeParse({ stationCode: 'no spaces!', count: 1 });
    expect(validationError(result.error!).error.message).toBe('The field "stationCode" is not valid: use 1 to 12 letters or numbers.');
  });
});
