/**
 * Dates and times as text, in the style the settings choose (general.dateFormat):
 * - "seed": as the vendor's screens and receipts show them, "2020/4/13 17:52:36" (no leading zeros in the date,
 *   a 24-hour zero-padded time);
 * - "iso": "2020-04-13 17:52:36", sortable;
 * - "locale": the operator's locale, e.g. "13 Apr 2020, 17:52:36" for en-GB.
 * The time zone is an input (IANA name); left out, the runtime's zone is used, which is the terminal's own.
 */
export const DATE_STYLES = ['seed', 'iso', 'locale'] as const;
export type DateStyle = (typeof DATE_STYLES)[number];

export interface DateFormatOptions {
  style?: DateStyle;
  /** An IANA time zone such as "UTC" or "Africa/Lagos"; default: the runtime's zone. */
  timeZone?: string;
  /** A BCP 47 locale for the "locale" style; default: the runtime's locale. */
  locale?: string;
}

interface DateParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

function toDate(value: Date | string | number): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date: ${String(value)}`);
  return date;
}

function partsOf(date: Date, timeZone: string | undefined): DateParts {
  const formatter = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const found: Partial<DateParts> = {};
  for (const part of formatter.formatToParts(date)) {
    if (part.type === 'year' || part.type === 'month' || part.type === 'day' || part.type === 'hour' || part.type === 'minute' || part.type === 'second') {
      found[part.type] = part.value;
    }
  }
  return {
    year: found.year ?? '',
    month: found.month ?? '',
    day: found.day ?? '',
    hour: (found.hour ?? '').padStart(2, '0'),
    minute: (found.minute ?? '').padStart(2, '0'),
    second: (found.second ?? '').padStart(2, '0'),
  };
}

/** The date alone: "2020/4/13" (seed), "2020-04-13" (iso), or the locale's medium date. */
export function formatDate(value: Date | string | number, options: DateFormatOptions = {}): string {
  const date = toDate(value);
  const style = options.style ?? 'seed';
  if (style === 'locale') return new Intl.DateTimeFormat(options.locale, { dateStyle: 'medium', timeZone: options.timeZone }).format(date);
  const p = partsOf(date, options.timeZone);
  return style === 'seed' ? `${p.year}/${p.month}/${p.day}` : `${p.year}-${p.month.padStart(2, '0')}-${p.day.padStart(2, '0')}`;
}

/** The time alone: "17:52:36" (seed and iso), or the locale's medium time. */
export function formatTime(value: Date | string | number, options: DateFormatOptions = {}): string {
  const date = toDate(value);
  if (options.style === 'locale') return new Intl.DateTimeFormat(options.locale, { timeStyle: 'medium', timeZone: options.timeZone }).format(date);
  const p = partsOf(date, options.timeZone);
  return `${p.hour}:${p.minute}:${p.second}`;
}

/** Date and time: "2020/4/13 17:52:36" (seed), "2020-04-13 17:52:36" (iso), or the locale's medium date and time. */
export function formatDateTime(value: Date | string | number, options: DateFormatOptions = {}): string {
  const date = toDate(value);
  if (options.style === 'locale') {
    return new Intl.DateTimeFormat(options.locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: options.timeZone }).format(date);
  }
  return `${formatDate(date, options)} ${formatTime(date, options)}`;
}

/** True when the runtime knows the IANA time zone name (used to check a TID time zone setting). */
export function isKnownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
