import { z } from 'zod';
import { METER_KINDS } from '../format/units';
import { KeyParams } from '../library/key-params';
import { MANAGEMENT_TOKENS, PROFILE_KINDS } from '../library/meter-profiles';
import { listRequest, listResponse } from './list';

/** Request and response shapes of the Meter and Price Library channels (L1). Written by hand: the contract is the API. */

const Id = z.string().trim().min(1, 'choose a row first').max(64);
const Version = z.number().int().min(1);
export const TaxModeSchema = z.enum(['vendor-compatible', 'tax-inclusive']);
export const MeterType = z.enum(METER_KINDS, { error: 'choose Electricity Meter, Water Meter, Gas Meter or Home Solar Kit' });

export const ByIdInput = z.object({ id: Id }).strict();
/** Edits and removals name the version they were made on: a row changed meanwhile is refused, not overwritten. */
export const RemoveInput = z.object({ id: Id, version: Version }).strict();
export const RemoveResult = z.object({ outcome: z.enum(['deleted', 'deactivated']), message: z.string() });
export type RemoveResult = z.infer<typeof RemoveResult>;

// ---- meter model profiles and customer categories -------------------------------------------------------------

export const ManufacturerEncoding = z.object({
  status: z.enum(['published', 'not-published', 'test-only']),
  note: z.string(),
  token: z.object({ tokenClass: z.literal(2), subclass: z.number().int(), value: z.literal('transfer-amount-tenths') }).optional(),
  receiptMark: z.string().optional(),
});
export const ProfileInfo = z.object({
  id: z.string(),
  name: z.string(),
  manufacturerCode: z.string().nullable(),
  kind: z.enum(PROFILE_KINDS),
  scheme: z.enum(['STS', 'OpenPAYGO']),
  serialPrefix: z.string().nullable(),
  defaultKeys: z
    .object({
      sgc: z.string().nullable(),
      ti: z.number().int(),
      krn: z.number().int(),
      keyType: z.number().int(),
      algorithm: z.string(),
      baseYear: z.number().int(),
      dkga: z.string(),
    })
    .nullable(),
  managementTokens: z.array(z.enum(MANAGEMENT_TOKENS)),
  encodings: z.object({ setMaxOverdraft: ManufacturerEncoding }),
  testOnly: z.boolean(),
  active: z.boolean(),
});
export type ProfileInfo = z.infer<typeof ProfileInfo>;

export const CategoryInfo = z.object({ id: z.string(), name: z.string() });
export type CategoryInfo = z.infer<typeof CategoryInfo>;

// ---- meters -----------------------------------------------------------------------------------------------------

export const METER_SORT_COLUMNS = ['meterNo', 'meterType'] as const;
export type MeterSortColumn = (typeof METER_SORT_COLUMNS)[number];

export const KitState = z.object({
  /** 9 digits, or null until the kit's starting code is entered. */
  startingCode: z.string().nullable(),
  count: z.number().int().nonnegative(),
  /** The secret itself never leaves main; only whether one is stored. */
  secretSet: z.boolean(),
});
export type KitState = z.infer<typeof KitState>;

export const MeterRow = z.object({
  id: z.string(),
  meterNo: z.string(),
  meterType: MeterType,
  profileId: z.string(),
  profileName: z.string(),
  scheme: z.enum(['STS', 'OpenPAYGO']),
  /** What the meter holds now (STS); null for solar kits. */
  keys: KeyParams.nullable(),
  /** What the meter must move to at its next vend or key change. */
  pendingKeys: KeyParams.nullable(),
  kit: KitState.nullable(),
  active: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type MeterRow = z.infer<typeof MeterRow>;

export const MeterDetail = MeterRow.extend({
  /** True once any token was issued to the meter: its key edits then go to `pendingKeys`, and it cannot be deleted. */
  hasTokens: z.boolean(),
  lastTids: z.array(z.object({ baseYear: z.number().int(), tid: z.number().int() })),
});
export type MeterDetail = z.infer<typeof MeterDetail>;

export const MeterListInput = listRequest(METER_SORT_COLUMNS);
export const MeterListResult = listResponse(MeterRow);

export const KitInput = z
  .object({
    /** 32 hex digits; null keeps the stored secret (or none). Write-only: never returned. */
    secret: z.string().trim().regex(/^[0-9a-fA-F]{32}$/, 'the OpenPAYGO secret is 32 hexadecimal digits').nullable().default(null),
    startingCode: z.string().trim().regex(/^\d{9}$/, 'the starting code is 9 digits').nullable().default(null),
    count: z.number().int().min(0, 'the count is 0 or more').max(999_999_999).default(0),
  })
  .strict();
export type KitInput = z.infer<typeof KitInput>;

export const CreateMeterInput = z
  .object({
    meterNo: z.string().trim().min(1, 'type the meter number').max(40),
    meterType: MeterType,
    profileId: Id,
    keys: KeyParams.nullable().default(null),
    kit: KitInput.nullable().default(null),
  })
  .strict();
export type CreateMeterInput = z.infer<typeof CreateMeterInput>;

export const UpdateMeterInput = z
  .object({
    id: Id,
    version: Version,
    meterType: MeterType,
    profileId: Id,
    keys: KeyParams.nullable().default(null),
    kit: KitInput.nullable().default(null),
    active: z.boolean().default(true),
  })
  .strict();
export type UpdateMeterInput = z.infer<typeof UpdateMeterInput>;

export const CreateMeterRangeInput = z
  .object({
    /** Without the check digit (10 digits for 11-digit meter numbers), or the first kit serial with its prefix. */
    first: z.string().trim().min(1, 'type the first number').max(40),
    last: z.string().trim().min(1, 'type the last number').max(40),
    meterType: MeterType,
    profileId: Id,
    keys: KeyParams.nullable().default(null),
    /** true: only count and list the numbers that already exist; nothing is written. */
    dryRun: z.boolean().default(false),
    /** The operator confirmed that numbers already in the library are skipped. */
    skipExisting: z.boolean().default(false),
  })
  .strict();
export type CreateMeterRangeInput = z.infer<typeof CreateMeterRangeInput>;

export const CreateMeterRangeResult = z.object({
  count: z.number().int(),
  firstMeterNo: z.string(),
  lastMeterNo: z.string(),
  /** Numbers of the range already in the library (skipped when confirmed). */
  existing: z.array(z.string()),
  created: z.number().int(),
  skipped: z.number().int(),
  saved: z.boolean(),
});
export type CreateMeterRangeResult = z.infer<typeof CreateMeterRangeResult>;

// ---- prices -----------------------------------------------------------------------------------------------------

export const PRICE_SORT_COLUMNS = ['name', 'meterType', 'category', 'pricePerUnit', 'currency', 'updatedAt'] as const;
export type PriceSortColumn = (typeof PRICE_SORT_COLUMNS)[number];

export const PriceRow = z.object({
  id: z.string(),
  name: z.string(),
  meterType: MeterType,
  categoryId: z.string(),
  categoryName: z.string(),
  /** 1/10,000 of the currency's major unit per unit. */
  pricePerUnit: z.number().int(),
  currency: z.string(),
  vatBp: z.number().int(),
  exciseBp: z.number().int(),
  taxMode: TaxModeSchema,
  /** Minor units of the currency. */
  minPurchase: z.number().int(),
  maxPurchase: z.number().int().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type PriceRow = z.infer<typeof PriceRow>;

export const PriceListInput = listRequest(PRICE_SORT_COLUMNS);
export const PriceListResult = listResponse(PriceRow);

/** The form's text fields: decimals travel as text and are parsed digit by digit in main (shared/library). */
const PriceFields = {
  name: z.string().max(200),
  meterType: z.string().max(20),
  categoryId: z.string().max(64),
  pricePerUnit: z.string().max(40),
  currency: z.string().max(8),
  vatRate: z.string().max(20).default('0'),
  exciseRate: z.string().max(20).default('0'),
  /** New prices are tax-inclusive unless the form says otherwise. */
  taxMode: z.string().max(30).default('tax-inclusive'),
  minPurchase: z.string().max(40).default('0'),
  maxPurchase: z.string().max(40).default(''),
};

export const CreatePriceInput = z.object(PriceFields).strict();
export type CreatePriceInput = z.infer<typeof CreatePriceInput>;
export const UpdatePriceInput = z.object({ id: Id, version: Version, ...PriceFields, active: z.boolean().default(true) }).strict();
export type UpdatePriceInput = z.infer<typeof UpdatePriceInput>;
