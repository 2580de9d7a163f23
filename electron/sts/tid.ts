// TID (sts-spec.md section 2): a 24-bit count of whole minutes since 00:00 UTC on 1 January of the base year
// (1993, 2014 or 2035). The engine never reads the clock: the caller passes the time. The time-zone convention is the
// caller's (a setting); this module counts minutes between UTC instants.
import { fail, ok, requireIntInRange, type StsResult } from './result';

export type BaseYear = 1993 | 2014 | 2035;
export const BASE_YEARS: readonly BaseYear[] = [1993, 2014, 2035];
export const MAX_TID = 0xffffff;
/** KEN 255: the key never expires. */
export const KEN_NEVER_EXPIRES = 255;

const MS_PER_MINUTE = 60_000;

export function isBaseYear(year: number): year is BaseYear {
  return (BASE_YEARS as readonly number[]).includes(year);
}

export function baseDateOf(baseYear: BaseYear): Date {
  return new Date(Date.UTC(baseYear, 0, 1));
}

/** The last minute a TID on this base date can name (TID 2^24-1), e.g. 2024-11-24T20:15Z for 1993. */
export function lastTidTime(baseYear: BaseYear): Date {
  return dateFromTid(MAX_TID, baseYear);
}

/**
 * The TID for `time` on `baseYear`, seconds dropped. Refused (not thrown) when the time is before the base date or
 * after its last minute, because that is a condition the operator must act on (move the meter to a newer base date).
 */
export function tidFromDate(time: Date, baseYear: BaseYear): StsResult<number> {
  const ms = time.getTime();
  if (Number.isNaN(ms)) return fail('time', 'is not a valid date and time.');
  const base = baseDateOf(baseYear).getTime();
  if (ms < base) {
    return fail('time', `${time.toISOString()} is before the base date ${baseYear}-01-01; a TID cannot be negative.`);
  }
  const tid = Math.floor((ms - base) / MS_PER_MINUTE);
  if (tid > MAX_TID) {
    return fail('time', `${time.toISOString()} is past the last TID of base date ${baseYear} (${lastTidTime(baseYear).toISOString()}); the meter must be moved to a newer base date.`);
  }
  return ok(tid);
}

/** The UTC minute a TID names on `baseYear`. */
export function dateFromTid(tid: number, baseYear: BaseYear): Date {
  requireIntInRange('tid', tid, 0, MAX_TID);
  return new Date(baseDateOf(baseYear).getTime() + tid * MS_PER_MINUTE);
}

/**
 * The vending-side KEN check: a key with KeyExpiryNumber `ken` may not carry a TID whose top 8 bits exceed it.
 * KEN 255 never expires.
 */
export function checkKen(tid: number, ken: number): StsResult<number> {
  requireIntInRange('tid', tid, 0, MAX_TID);
  requireIntInRange('ken', ken, 0, 255);
  if (tid >> 16 > ken) {
    return fail('tid', `TID ${tid} is past the decoder key's expiry (KEN ${ken}); change the meter's key before vending.`);
  }
  return ok(tid);
}
