import type { RecordsSearchInput } from '../../../shared/ipc/vending-schemas';

/**
 * The Record screen's search fields and how they become a `records.search` request (pure). Dates are whole days in
 * the terminal's time zone: From is the day's first moment, To includes the whole day (the request's `to` is the next
 * day's first moment, exclusive). The grid's key word is a token when it is digits (spaces allowed), otherwise a
 * customer no.
 */
export interface RecordFilters {
  customerNo: string;
  meterNo: string;
  token: string;
  from: string;
  to: string;
}

export const NO_FILTERS: RecordFilters = { customerNo: '', meterNo: '', token: '', from: '', to: '' };

export type RecordFilterField = keyof RecordFilters;

export type SearchRequest = { ok: true; request: Omit<RecordsSearchInput, 'page' | 'pageSize'> } | { ok: false; field: RecordFilterField; message: string };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-05-01" as the local day's first moment (ISO, UTC); null when it is not a calendar date. */
export function dayStart(text: string, plusDays = 0): string | null {
  const match = DAY.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day + plusDays);
  if (plusDays === 0 && (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day)) return null;
  return date.toISOString();
}

export function searchRequest(filters: RecordFilters, keyword: string): SearchRequest {
  const request: Omit<RecordsSearchInput, 'page' | 'pageSize'> = {};
  const customerNo = filters.customerNo.trim();
  const meterNo = filters.meterNo.trim();
  let token = filters.token.replace(/\s+/g, '');
  const word = keyword.trim();
  let keywordCustomer = '';
  if (word !== '') {
    if (/^[\d\s]+$/.test(word)) token = token || word.replace(/\s+/g, '');
    else keywordCustomer = word;
  }
  if (token !== '' && !/^\d+$/.test(token)) return { ok: false, field: 'token', message: 'The token is digits only (spaces are fine).' };
  if (customerNo || keywordCustomer) request.customerNo = customerNo || keywordCustomer;
  if (meterNo) request.meterNo = meterNo;
  if (token) request.token = token;
  if (filters.from.trim() !== '') {
    const from = dayStart(filters.from);
    if (!from) return { ok: false, field: 'from', message: 'Type the From date as a date such as 2026-05-01.' };
    request.from = from;
  }
  if (filters.to.trim() !== '') {
    const to = dayStart(filters.to) === null ? null : dayStart(filters.to, 1);
    if (!to) return { ok: false, field: 'to', message: 'Type the To date as a date such as 2026-05-31.' };
    request.to = to;
  }
  if (request.from && request.to && request.from >= request.to) return { ok: false, field: 'to', message: 'The To date comes on or after the From date.' };
  return { ok: true, request };
}

/** The TID's minute as the Record grid shows it: "2026-05-01T08:00" -> "2026-05-01 08:00". */
export function tidDateText(tidDate: string | null): string {
  return tidDate === null ? '' : tidDate.replace('T', ' ');
}
