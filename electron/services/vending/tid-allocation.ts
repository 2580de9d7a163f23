import { checkKen, dateFromTid, KEN_NEVER_EXPIRES, MAX_TID, tidFromDate, type BaseYear } from '../../sts';

/**
 * TID allocation (architecture.md invariant 3 and section 7; sts-spec.md section 2). A TID is the minutes since
 * 00:00 on 1 January of the base year, counted in the TID time zone of the settings (UTC by default: a utility that
 * shares meters with another vending system uses that system's convention). Per meter and base date the TIDs
 * strictly increase: tid = max(now in minutes, last + 1), so five vends in one minute get five TIDs and a clock that
 * went back never repeats one. The caller stores the result as the meter's last TID in the same transaction.
 */
export type TidAllocation =
  | { ok: true; tid: number; tidDate: string }
  | { ok: false; problem: 'CLOCK' | 'EXHAUSTED' | 'KEY_EXPIRED'; message: string };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The wall-clock time in `timeZone` written as if it were UTC: the instant whose UTC fields are the zone's local
 * fields. For UTC it is `now` itself. Throws RangeError for a zone the runtime does not know.
 */
export function wallClockInZone(now: Date, timeZone: string): Date {
  if (timeZone === 'UTC') return now;
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(now)) {
    if (part.type !== 'literal') parts[part.type] = Number.parseInt(part.value, 10);
  }
  const field = (name: string) => parts[name] ?? 0;
  return new Date(Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'), field('second'), now.getUTCMilliseconds()));
}

/** "2026-05-01T08:00": the minute a TID names on its base date, in the TID time zone. */
export function tidDateText(tid: number, baseYear: BaseYear): string {
  return dateFromTid(tid, baseYear).toISOString().slice(0, 16);
}

/**
 * The next TID for a meter on `baseYear`: the current minute, or one above the last TID stored for this meter and
 * base date when that is higher. Refused when the clock is before the base date, when the base date has run out of
 * TIDs (the meter must move to a newer base date), or when the TID is past the key's KeyExpiryNumber.
 */
export function allocateTid(input: { now: Date; timeZone: string; baseYear: BaseYear; lastTid: number | null; ken?: number }): TidAllocation {
  const fromClock = tidFromDate(wallClockInZone(input.now, input.timeZone), input.baseYear);
  let tid: number;
  if (fromClock.ok) tid = fromClock.value;
  else if (input.lastTid !== null && input.lastTid >= MAX_TID) tid = MAX_TID + 1;
  else {
    const beforeBase = input.now.getTime() < Date.UTC(input.baseYear, 0, 1);
    if (beforeBase) {
      return {
        ok: false,
        problem: 'CLOCK',
        message: `The computer's clock (${input.now.toISOString()}) is before the meter's base date ${input.baseYear}-01-01. Fix the date and time, then try again.`,
      };
    }
    tid = MAX_TID + 1;
  }
  if (input.lastTid !== null && input.lastTid + 1 > tid) tid = input.lastTid + 1;
  if (tid > MAX_TID) {
    return {
      ok: false,
      problem: 'EXHAUSTED',
      message: `The meter has used every TID of base date ${input.baseYear}; move it to a newer base date (edit its key parameters in the Meter Library: the next vend issues the key change).`,
    };
  }
  const ken = checkKen(tid, input.ken ?? KEN_NEVER_EXPIRES);
  if (!ken.ok) {
    return { ok: false, problem: 'KEY_EXPIRED', message: `The meter's decoder key has expired (KEN ${input.ken ?? KEN_NEVER_EXPIRES}); give it a new key in the Meter Library before vending.` };
  }
  return { ok: true, tid, tidDate: tidDateText(tid, input.baseYear) };
}
