import { channel, type ChannelName, type ChannelSpec } from '../channel-spec';
import {
  RecordByIdInput, RecordsSearchInput, RecordsSearchResult, ReprintResult, Sale, VendConfirmInput, VendConfirmResult,
  VendQuote, VendQuoteInput,
} from '../vending-schemas';

/**
 * Vending (V1): the quote and the confirm of the Top-up Center, and the vending records. Access, decided here and
 * checked on the main side: quoting and confirming need `vend`; finding a record `records.view`; a reprint (the stored
 * sale marked COPY, printed again; never a new token) needs `reprint`.
 */
export const vendingChannels = {
  'vend.quote': channel({
    request: VendQuoteInput,
    response: VendQuote,
    access: 'vend',
    summary: 'What a payment buys (or what units cost) on an account: levies, charge value, units as the token carries them, rounding; limits applied.',
  }),
  'vend.confirm': channel({
    request: VendConfirmInput,
    response: VendConfirmResult,
    access: 'vend',
    summary: 'Checks the vend password, then issues the token(s) and commits the sale with its audit and outbox rows; the same request id returns the first sale.',
  }),
  'records.search': channel({
    request: RecordsSearchInput,
    response: RecordsSearchResult,
    access: 'records.view',
    summary: 'Vending records, newest first: by customer no., meter no., token and date range.',
  }),
  'records.get': channel({
    request: RecordByIdInput,
    response: Sale,
    access: 'records.view',
    summary: 'One vending record with its stored token(s).',
  }),
  'records.reprint': channel({
    request: RecordByIdInput,
    response: ReprintResult,
    access: 'reprint',
    summary: 'The stored sale marked COPY (printed again when a printer is configured); audited; never a new token.',
  }),
} as const satisfies Record<ChannelName, ChannelSpec>;
