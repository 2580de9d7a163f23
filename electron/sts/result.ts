// The engine's own result type. electron/sts may not import shared/, so it defines this small shape itself; the
// services map `error.field` and `error.message` onto the app-wide envelope (code VALIDATION).

/** What went wrong with one input: the input's name and a sentence a person can act on. */
export type StsFieldError = Readonly<{ field: string; message: string }>;

/** Returned by every function that parses outside input (token digits, decimals, meter numbers, hex, table files). */
export type StsResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: StsFieldError };

export function ok<T>(value: T): StsResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(field: string, message: string): StsResult<T> {
  return { ok: false, error: { field, message } };
}

/**
 * Thrown by builders and other functions that take already-typed values (numbers, byte arrays) when a value is out of
 * range, e.g. a TID above 2^24-1 or an RND above 15. Parse outside input with the `parse*` functions first; those
 * return {@link StsResult} instead of throwing.
 */
export class StsInputError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'StsInputError';
    this.field = field;
  }
}

/** Unwraps a result inside code whose inputs were typed by the caller: a failure becomes an {@link StsInputError}. */
export function unwrapOrThrow<T>(result: StsResult<T>): T {
  if (!result.ok) throw new StsInputError(result.error.field, result.error.message);
  return result.value;
}

/** Throws {@link StsInputError} unless `value` is an integer in [min, max]. */
export function requireIntInRange(field: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new StsInputError(field, `must be a whole number from ${min} to ${max}, got ${String(value)}.`);
  }
}
