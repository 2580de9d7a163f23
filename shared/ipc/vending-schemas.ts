import { z } from 'zod';
import { METER_KINDS } from '../format/units';
import { PageSizeSchema } from './list';

/**
 * Request and response shapes of the vending channels (V1): the quote, the confirm (the sale), and the records.
 * Written by hand: the contract is the API. Money is integer minor units of `currency`, units integer tenths of
 * `unit`, rates basis points, prices 1/10,000 of the major unit (architecture.md invariant 4).
 */
const Id = z.string().trim().min(1, 'choose an account first').max(64);
const minor = z.number().int().safe();

export const VEND_BY = ['money', 'unit'] as const;
export const VendBy = z.enum(VEND_BY, { error: 'choose Money or Unit' });
export type VendBy = z.infer<typeof VendBy>;

/**
 * The amount as the cashier typed it: money in the price's currency ("10", "10.50") when `by` is money, units ("8.7")
 * when `by` is unit. Read digit by digit on the main side, never through a float.
 */
const Amount = z
  .string({ error: 'type the amount' })
  .trim()
  .min(1, 'type the amount')
  .max(24, 'the amount is at most 24 characters');

export const VendQuoteInput = z.object({ accountId: Id, by: VendBy, amount: Amount }).strict();
export type VendQuoteInput = z.infer<typeof VendQuoteInput>;

export const Levy = z.object({ name: z.enum(['VAT', 'Excise']), rateBp: z.number().int().nonnegative(), amountMinor: minor });
export type Levy = z.infer<typeof Levy>;

export const KeyChangePlan = z.object({
  /** "SGC 123456, TI 01, KRN 1, KT 2, EA07, DKGA02, base 2014". */
  from: z.string(),
  to: z.string(),
  /** The move to a new base date: the meter clears its TID memory. */
  rollover: z.boolean(),
  /** 2 for a 64-bit key, 4 for a 128-bit key. */
  tokens: z.number().int().min(2).max(4),
});
export type KeyChangePlan = z.infer<typeof KeyChangePlan>;

export const VendQuote = z.object({
  accountId: z.string(),
  accountNo: z.string(),
  customerNo: z.string(),
  customerName: z.string(),
  customerAddress: z.string(),
  meterId: z.string(),
  meterNo: z.string(),
  meterType: z.enum(METER_KINDS),
  scheme: z.enum(['STS', 'OpenPAYGO']),
  priceId: z.string(),
  priceName: z.string(),
  /** Send this back with vend.confirm: a price changed since is refused. */
  priceVersion: z.number().int().min(1),
  pricePerUnit: z.number().int().positive(),
  currency: z.string(),
  taxMode: z.enum(['vendor-compatible', 'tax-inclusive']),
  by: VendBy,
  paidMinor: minor,
  levies: z.array(Levy),
  vatMinor: minor,
  exciseMinor: minor,
  /** paid - levies: the money that buys units. */
  chargeMinor: minor,
  /** Tenths, exactly what the token will carry. */
  unitsTenths: minor,
  /** What the payment buys below the token's resolution (minor units). */
  roundingMinor: minor,
  unit: z.string(),
  /** The purchase limits that applied (minor units of `currency`; null: no maximum). */
  minPurchaseMinor: minor,
  maxPurchaseMinor: minor.nullable(),
  perVendCeilingMinor: minor,
  /** The meter has pending key parameters: the sale will carry the key-change set before the credit token. */
  keyChange: KeyChangePlan.nullable(),
});
export type VendQuote = z.infer<typeof VendQuote>;

export const VendConfirmInput = z
  .object({
    accountId: Id,
    by: VendBy,
    amount: Amount,
    /** The price version the quote showed. */
    priceVersion: z.number().int().min(1),
    paymentType: z.string().trim().min(1, 'choose the payment type').max(40),
    vendPassword: z.string().min(1, 'type the vend password').max(200),
    /** Made by the client once per sale (a UUID): a retry or a double click with the same id returns the first sale. */
    idempotencyKey: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{16,64}$/, 'the request id is 16 to 64 letters, digits, - or _ (a UUID)'),
  })
  .strict();
export type VendConfirmInput = z.infer<typeof VendConfirmInput>;

export const SALE_TOKEN_ROLES = ['key-change', 'credit'] as const;
export const SaleToken = z.object({
  role: z.enum(SALE_TOKEN_ROLES),
  /** 20 digits (STS) or 9 (OpenPAYGO), no spaces. */
  digits: z.string(),
  /** The TID the token carries (STS credit); null for key-change tokens and kit codes. */
  tid: z.number().int().nullable(),
});
export type SaleToken = z.infer<typeof SaleToken>;

/** The sale as stored: every column of architecture.md section 7, "A sale is a complete record". */
export const Sale = z.object({
  id: z.string(),
  receiptNo: z.string(),
  transactionNo: z.string(),
  soldAt: z.string(),
  stationId: z.string(),
  stationCode: z.string(),
  stationName: z.string(),
  districtId: z.string(),
  districtCode: z.string(),
  districtName: z.string(),
  accountId: z.string(),
  accountNo: z.string(),
  customerId: z.string(),
  customerNo: z.string(),
  customerName: z.string(),
  meterId: z.string(),
  meterNo: z.string(),
  meterType: z.enum(METER_KINDS),
  scheme: z.enum(['STS', 'OpenPAYGO']),
  priceId: z.string(),
  priceName: z.string(),
  priceVersion: z.number().int(),
  pricePerUnit: z.number().int(),
  currency: z.string(),
  taxMode: z.enum(['vendor-compatible', 'tax-inclusive']),
  vatBp: z.number().int(),
  vatMinor: minor,
  exciseBp: z.number().int(),
  exciseMinor: minor,
  by: VendBy,
  paidMinor: minor,
  chargeMinor: minor,
  roundingMinor: minor,
  unitsTenths: minor,
  unit: z.string(),
  paymentType: z.string(),
  operatorId: z.string(),
  operatorLoginId: z.string(),
  operatorName: z.string(),
  /** The operator's sign-in session the sale was made in: "<login id>@<sign-in time>". */
  shift: z.string(),
  tid: z.number().int().nullable(),
  baseYear: z.number().int().nullable(),
  /** The minute the TID names, in `tidTimeZone` ("2026-05-01T08:00"). */
  tidDate: z.string().nullable(),
  tidTimeZone: z.string().nullable(),
  keyParams: z.string().nullable(),
  keyChange: KeyChangePlan.nullable(),
  kitCount: z.number().int().nullable(),
  /** In entry order: the key-change set first, then the credit token. */
  tokens: z.array(SaleToken).min(1),
});
export type Sale = z.infer<typeof Sale>;

export const VendConfirmResult = z.object({
  sale: Sale,
  /** True when this request id had already made the sale: this is that sale, nothing new was issued. */
  replayed: z.boolean(),
  /** A receipt was sent to the printer (automatic printing is on and a printer is configured). */
  printQueued: z.boolean(),
});
export type VendConfirmResult = z.infer<typeof VendConfirmResult>;

// ---- records -----------------------------------------------------------------------------------------------------

const DateBound = z.iso.datetime({ offset: true, error: 'use a date and time such as 2026-05-01T00:00:00Z' });

export const RecordsSearchInput = z
  .object({
    customerNo: z.string().trim().max(40).optional(),
    meterNo: z.string().trim().max(40).optional(),
    /** Any token of the sale, with or without spaces. */
    token: z.string().trim().max(40).optional(),
    /** Sold at or after (inclusive) and before (exclusive). */
    from: DateBound.optional(),
    to: DateBound.optional(),
    page: z.number().int().min(1).max(1_000_000).default(1),
    pageSize: PageSizeSchema.default(20),
  })
  .strict();
export type RecordsSearchInput = z.infer<typeof RecordsSearchInput>;

export const RecordsSearchResult = z.object({
  rows: z.array(Sale),
  total: z.number().int().nonnegative(),
  page: z.number().int().min(1),
  pageSize: PageSizeSchema,
  pageCount: z.number().int().min(1),
});
export type RecordsSearchResult = z.infer<typeof RecordsSearchResult>;

export const RecordByIdInput = z.object({ id: z.string().trim().min(1, 'choose a record first').max(64) }).strict();

export const ReprintResult = z.object({
  /** The stored sale, unchanged: the same tokens. */
  sale: Sale,
  /** Always true: the receipt says COPY. */
  copy: z.literal(true),
  /** A copy was sent to the printer (a printer is configured). */
  printQueued: z.boolean(),
});
export type ReprintResult = z.infer<typeof ReprintResult>;
