// Option parsing for the `sts` command: `--name value` or `--name=value` pairs after the command word. Every parser
// returns an StsResult whose field is the option as typed (e.g. "--amount"), so the one stderr line names it.
// Commands declare which options they accept; anything else is refused before a command runs.
import {
  BASE_YEARS, fail, isBaseYear, ok, parseHexBytes, parseWholeNumber, type BaseYear, type EncryptionAlgorithm,
  type StsResult,
} from '../sts';

export type ParsedArgs = Readonly<{ command: string; options: ReadonlyMap<string, string> }>;

/**
 * Splits argv into the command word and its options. Refuses positional words, repeats and missing values.
 * A variadic option (e.g. `--enter TOKEN...`) takes every following word up to the next option; its words are kept
 * joined by newlines (see {@link variadicValues}).
 */
export function splitArgs(argv: readonly string[], variadic: readonly string[] = []): StsResult<ParsedArgs> {
  const [command, ...rest] = argv;
  if (command === undefined || command.startsWith('-')) {
    return fail('command', 'is missing; the first word must be a command (run "sts help" for the list).');
  }
  const options = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i] ?? '';
    if (!word.startsWith('--') || word.length < 3) {
      return fail(word, 'is not an option; options are written --name value.');
    }
    const eq = word.indexOf('=');
    const name = eq === -1 ? word : word.slice(0, eq);
    let value: string | undefined;
    if (eq !== -1) {
      value = word.slice(eq + 1);
    } else if (variadic.includes(name)) {
      const words: string[] = [];
      while (i + 1 < rest.length && !isOptionWord(rest[i + 1] ?? '')) words.push(rest[++i] ?? '');
      if (words.length === 0) return fail(name, 'needs at least one value.');
      value = words.join('\n');
    } else {
      value = rest[i + 1];
      if (value === undefined || (value.startsWith('--') && value.length > 2)) return fail(name, 'needs a value.');
      i++;
    }
    if (options.has(name)) return fail(name, 'is given twice; give it once.');
    options.set(name, value);
  }
  return ok({ command, options });
}

function isOptionWord(word: string): boolean {
  return word.startsWith('--') && word.length > 2;
}

/** The words of a variadic option's value (see {@link splitArgs}). */
export function variadicValues(value: string): string[] {
  return value.split('\n').filter((w) => w.trim() !== '');
}

/** Reads a command's options; collects which were used so unknown ones can be refused. */
export class OptionReader {
  readonly #options: ReadonlyMap<string, string>;

  constructor(options: ReadonlyMap<string, string>) {
    this.#options = options;
  }

  has(name: string): boolean {
    return this.#options.has(name);
  }

  /** Refuses any option not in `allowed`. */
  checkAllowed(allowed: readonly string[], command: string): StsResult<true> {
    for (const name of this.#options.keys()) {
      if (!allowed.includes(name)) {
        return fail(name, `is not an option of "${command}"; it takes ${allowed.join(', ')}.`);
      }
    }
    return ok(true);
  }

  required<T>(name: string, parse: (text: string, field: string) => StsResult<T>): StsResult<T> {
    const text = this.#options.get(name);
    if (text === undefined) return fail(name, 'is required.');
    return parse(text, name);
  }

  optional<T>(name: string, parse: (text: string, field: string) => StsResult<T>): StsResult<T | undefined> {
    const text = this.#options.get(name);
    return text === undefined ? ok(undefined) : parse(text, name);
  }

  /** Exactly one of two options must be given. */
  exactlyOne(a: string, b: string): StsResult<'first' | 'second'> {
    const hasA = this.has(a);
    const hasB = this.has(b);
    if (hasA && hasB) return fail(b, `cannot be given together with ${a}; give one of them.`);
    if (!hasA && !hasB) return fail(a, `is required (or give ${b} instead).`);
    return ok(hasA ? 'first' : 'second');
  }
}

/** A whole number in [min, max]. */
export const intInRange = (min: number, max: number) => (text: string, field: string): StsResult<number> => {
  const parsed = parseWholeNumber(text, field, max);
  if (!parsed.ok) return parsed;
  if (parsed.value < min) return fail(field, `must be from ${min} to ${max}, got ${text}.`);
  return parsed;
};

/** One of a fixed set of words. */
export const oneOf = <T>(choices: Readonly<Record<string, T>>) => (text: string, field: string): StsResult<T> => {
  const value = Object.hasOwn(choices, text) ? choices[text] : undefined;
  return value === undefined ? fail(field, `must be one of ${Object.keys(choices).join(', ')}, got "${text}".`) : ok(value);
};

/** Encryption algorithms by their two-digit code. */
export const EA_CODES: Readonly<Record<string, EncryptionAlgorithm>> = { '07': 'EA07', '09': 'EA09', '11': 'EA11' };

/** Decoder-key length in bytes per algorithm. */
export const DECODER_KEY_BYTES: Readonly<Record<EncryptionAlgorithm, number>> = { EA07: 8, EA09: 8, EA11: 16 };

export const hexBytes = (length: number) => (text: string, field: string): StsResult<Uint8Array> =>
  parseHexBytes(text, field, length);

export function parseBaseYear(text: string, field: string): StsResult<BaseYear> {
  const year = Number(text);
  return /^\d{4}$/.test(text) && isBaseYear(year)
    ? ok(year)
    : fail(field, `must be a base-date year, one of ${BASE_YEARS.join(', ')}; got "${text}".`);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * An ISO 8601 date and time, e.g. 2004-03-01T13:55, 2004-03-01T13:55:00Z, 2004-03-01T15:55+02:00. Without an
 * offset it is UTC. A date alone means 00:00 UTC.
 */
export function parseIsoTime(text: string, field: string): StsResult<Date> {
  const m = ISO.exec(text);
  if (!m) {
    return fail(field, `"${text}" is not an ISO 8601 time; write it like 2024-05-01T13:55 (UTC) or 2024-05-01T15:55+02:00.`);
  }
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((v) => Number(v ?? 0)) as
    [number, number, number, number, number, number];
  const millis = Number(`0.${m[7] ?? '0'}`) * 1000;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, Math.floor(millis));
  const check = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || check.getUTCDate() !== day || check.getUTCMonth() !== month - 1
    || hour > 23 || minute > 59 || second > 59) {
    return fail(field, `"${text}" is not a real date and time.`);
  }
  let offsetMinutes = 0;
  const zone = m[8];
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const hours = Number(digits.slice(0, 2));
    const minutes = Number(digits.slice(2) || '0');
    if (hours > 23 || minutes > 59) return fail(field, `"${text}" has an impossible UTC offset.`);
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  }
  return ok(new Date(utc - offsetMinutes * 60_000));
}
