import { z } from 'zod';
import { METER_KINDS } from '../format/units';

/**
 * The plain records receipts are laid out from. Sales (V1) and management records (A1) map their rows onto these;
 * the print service stores the record with each print job so a retry or a reprint lays out the same facts again
 * (never regenerating a token: the tokens are part of the record). Money is integer minor units of `currency`,
 * units are integer tenths, tax rates are basis points, prices are 1/10,000 of the major unit (architecture.md
 * invariant 4); times are ISO-8601 instants.
 */
const text = (max: number) => z.string().max(max);
const minor = z.number().int().safe();

export const RECEIPT_TOKEN_ROLES = ['key-change', 'credit', 'management', 'test'] as const;

export const ReceiptToken = z.object({
  /** Key-change tokens print first and numbered, whatever their order here. */
  role: z.enum(RECEIPT_TOKEN_ROLES),
  /** The token's digits without spaces: 20 for STS, 9 or more for OpenPAYGO. */
  digits: z.string().regex(/^\d{6,40}$/, 'a token is 6 to 40 digits'),
});
export type ReceiptToken = z.infer<typeof ReceiptToken>;

export const ReceiptOperator = z.object({ name: text(80), userId: text(40) });
export type ReceiptOperator = z.infer<typeof ReceiptOperator>;

/** A tax or levy of the sale (VAT, excise, ...) with its rate when it has one. */
export const ReceiptLevy = z.object({ name: text(24), rateBasisPoints: z.number().int().nonnegative().max(10_000).nullable(), amountMinor: minor });
export type ReceiptLevy = z.infer<typeof ReceiptLevy>;

/** A vend (Top-up Center sale), as the seed's "Vending Receipt" shows it plus the station header and levies. */
export const ReceiptSale = z.object({
  companyName: text(120),
  stationName: text(80),
  receiptNo: text(40),
  operator: ReceiptOperator,
  paymentType: text(40),
  customerNo: text(40),
  /** The customer's name ("User Coder" on the vendor's screens). */
  userCoder: text(120),
  meterNo: text(20),
  meterKind: z.enum(METER_KINDS),
  currency: z.string().regex(/^[A-Z]{3}$/),
  /** Price per unit in 1/10,000 of the major unit: 10000 is "1 USD/kWh". */
  priceTenThousandths: z.number().int().nonnegative().safe(),
  /** The tax rate the seed's receipt shows ("Tax : 13%"): all levy rates together. */
  taxRateBasisPoints: z.number().int().nonnegative().max(20_000),
  levies: z.array(ReceiptLevy).max(10),
  /** The money that buys units (paid minus levies); null leaves the line out. */
  chargeMinor: minor.nullable(),
  /** What the payment buys below the token's resolution (architecture.md section 7, "Rounding"). */
  roundingMinor: minor,
  totalPaidMinor: minor,
  unitsTenths: z.number().int().safe(),
  soldAt: z.iso.datetime({ offset: true }),
  tokens: z.array(ReceiptToken).min(1).max(8),
});
export type ReceiptSale = z.infer<typeof ReceiptSale>;

export const MANAGEMENT_RECEIPT_KINDS = ['key-change', 'max-overdraft', 'clear-credit', 'clear-tamper', 'max-power', 'meter-test'] as const;
export type ManagementReceiptKind = (typeof MANAGEMENT_RECEIPT_KINDS)[number];

export const ReceiptDetail = z.object({ label: text(24), value: text(80) });
export type ReceiptDetail = z.infer<typeof ReceiptDetail>;

/**
 * An Advanced Center record (Set Max Overdraft, Clear Credit, Clear Tamper, Set Max Power, key change, meter test).
 * The kind-specific values arrive as labelled, already formatted details ("Max Overdraft" "10", "Max Power"
 * "5000 W", "New SGC" "123456"), because their units depend on the meter model profile; a meter test token may have
 * no customer.
 */
export const ReceiptManagementRecord = z.object({
  kind: z.enum(MANAGEMENT_RECEIPT_KINDS),
  companyName: text(120),
  stationName: text(80),
  recordNo: text(40),
  operator: ReceiptOperator,
  customerNo: text(40).nullable(),
  userCoder: text(120).nullable(),
  meterNo: text(20),
  meterKind: z.enum(METER_KINDS),
  details: z.array(ReceiptDetail).max(8),
  issuedAt: z.iso.datetime({ offset: true }),
  tokens: z.array(ReceiptToken).min(1).max(8),
});
export type ReceiptManagementRecord = z.infer<typeof ReceiptManagementRecord>;

/** The Test print receipt: what the printer settings screen prints to prove the printer, paper and profile. */
export const ReceiptTestRecord = z.object({
  companyName: text(120),
  stationName: text(80),
  operator: ReceiptOperator,
  printer: text(120),
  profile: text(120),
  printedAt: z.iso.datetime({ offset: true }),
});
export type ReceiptTestRecord = z.infer<typeof ReceiptTestRecord>;
