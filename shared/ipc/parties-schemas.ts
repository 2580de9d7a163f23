import { z } from 'zod';
import { MeterType, TaxModeSchema } from './library-schemas';
import { listRequest, listRequestWithInactive, listResponse } from './list';

/**
 * Request and response shapes of the Customer, District, Sales Station and Account Library channels and of the Top-up
 * query (L2). Written by hand: the contract is the API. Form fields travel as text and are checked in main by the same
 * rules as the dialogs (shared/library/party-rules.ts). Removal reuses L1's RemoveInput and RemoveResult.
 */
const Id = z.string().trim().min(1, 'choose a row first').max(64);
const Version = z.number().int().min(1);
const Text = (max: number) => z.string().max(max);

// ---- districts -----------------------------------------------------------------------------------------------------

export const DISTRICT_SORT_COLUMNS = ['code', 'name'] as const;
export type DistrictSortColumn = (typeof DISTRICT_SORT_COLUMNS)[number];

export const DistrictRow = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  active: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type DistrictRow = z.infer<typeof DistrictRow>;

export const DistrictListInput = listRequestWithInactive(DISTRICT_SORT_COLUMNS);
export const DistrictListResult = listResponse(DistrictRow);

const DistrictFields = { code: Text(40), name: Text(200), description: Text(400).default('') };
export const CreateDistrictInput = z.object(DistrictFields).strict();
export type CreateDistrictInput = z.infer<typeof CreateDistrictInput>;
export const UpdateDistrictInput = z.object({ id: Id, version: Version, ...DistrictFields, active: z.boolean().default(true) }).strict();
export type UpdateDistrictInput = z.infer<typeof UpdateDistrictInput>;

// ---- sales stations ------------------------------------------------------------------------------------------------

export const STATION_SORT_COLUMNS = ['code', 'name'] as const;
export type StationSortColumn = (typeof STATION_SORT_COLUMNS)[number];

export const StationRow = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  districtId: z.string(),
  districtCode: z.string(),
  districtName: z.string(),
  address: z.string(),
  phone: z.string(),
  /** The station this terminal sells for (chosen at setup): it cannot be removed or deactivated here. */
  thisTerminal: z.boolean(),
  active: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type StationRow = z.infer<typeof StationRow>;

export const StationListInput = listRequestWithInactive(STATION_SORT_COLUMNS);
export const StationListResult = listResponse(StationRow);

const StationFields = { code: Text(40), name: Text(200), districtId: Text(64), address: Text(400).default(''), phone: Text(100).default('') };
export const CreateStationInput = z.object(StationFields).strict();
export type CreateStationInput = z.infer<typeof CreateStationInput>;
export const UpdateStationInput = z.object({ id: Id, version: Version, ...StationFields, active: z.boolean().default(true) }).strict();
export type UpdateStationInput = z.infer<typeof UpdateStationInput>;

// ---- customers -----------------------------------------------------------------------------------------------------

export const CUSTOMER_SORT_COLUMNS = ['customerNo', 'name'] as const;
export type CustomerSortColumn = (typeof CUSTOMER_SORT_COLUMNS)[number];

export const CustomerRow = z.object({
  id: z.string(),
  customerNo: z.string(),
  /** The seed's "User Coder". */
  name: z.string(),
  address: z.string(),
  phone: z.string(),
  email: z.string(),
  identityNo: z.string(),
  categoryId: z.string(),
  categoryName: z.string(),
  districtId: z.string(),
  districtCode: z.string(),
  districtName: z.string(),
  active: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type CustomerRow = z.infer<typeof CustomerRow>;

export const CustomerListInput = listRequestWithInactive(CUSTOMER_SORT_COLUMNS);
export const CustomerListResult = listResponse(CustomerRow);

const CustomerFields = {
  customerNo: Text(40),
  name: Text(200),
  address: Text(400).default(''),
  phone: Text(100).default(''),
  email: Text(200).default(''),
  identityNo: Text(100).default(''),
  categoryId: Text(64),
  districtId: Text(64),
};
export const CreateCustomerInput = z.object(CustomerFields).strict();
export type CreateCustomerInput = z.infer<typeof CreateCustomerInput>;
export const UpdateCustomerInput = z.object({ id: Id, version: Version, ...CustomerFields, active: z.boolean().default(true) }).strict();
export type UpdateCustomerInput = z.infer<typeof UpdateCustomerInput>;

// ---- accounts ------------------------------------------------------------------------------------------------------

export const ACCOUNT_SORT_COLUMNS = ['accountNo'] as const;
export type AccountSortColumn = (typeof ACCOUNT_SORT_COLUMNS)[number];

export const AccountRow = z.object({
  id: z.string(),
  accountNo: z.string(),
  customerId: z.string(),
  customerNo: z.string(),
  customerName: z.string(),
  customerActive: z.boolean(),
  meterId: z.string(),
  meterNo: z.string(),
  meterType: MeterType,
  meterActive: z.boolean(),
  salesStationId: z.string(),
  salesStationCode: z.string(),
  salesStationName: z.string(),
  priceId: z.string(),
  priceName: z.string(),
  /** 1/10,000 of the currency's major unit per unit. */
  pricePerUnit: z.number().int(),
  currency: z.string(),
  priceActive: z.boolean(),
  /** Tenths of the meter type's unit; null until a Set Max Overdraft token sets it. */
  maxOverdraftTenths: z.number().int().nullable(),
  /** The Top-up Center sells to it: the account, its customer, meter and price are all active. */
  listed: z.boolean(),
  active: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type AccountRow = z.infer<typeof AccountRow>;

export const AccountListInput = listRequestWithInactive(ACCOUNT_SORT_COLUMNS);
export const AccountListResult = listResponse(AccountRow);

const AccountFields = { accountNo: Text(40), customerId: Text(64), meterId: Text(64), salesStationId: Text(64), priceId: Text(64) };
export const CreateAccountInput = z.object(AccountFields).strict();
export type CreateAccountInput = z.infer<typeof CreateAccountInput>;
export const UpdateAccountInput = z.object({ id: Id, version: Version, ...AccountFields, active: z.boolean().default(true) }).strict();
export type UpdateAccountInput = z.infer<typeof UpdateAccountInput>;

/** The prices an account may have: active, for the meter's type and the customer's category. */
export const AccountPriceChoicesInput = z.object({ customerId: Id, meterId: Id }).strict();
export const AccountPriceChoice = z.object({
  id: z.string(),
  name: z.string(),
  meterType: MeterType,
  categoryId: z.string(),
  pricePerUnit: z.number().int(),
  currency: z.string(),
  vatBp: z.number().int(),
  exciseBp: z.number().int(),
  version: z.number().int(),
});
export type AccountPriceChoice = z.infer<typeof AccountPriceChoice>;

// ---- the Top-up query ----------------------------------------------------------------------------------------------

/** The seed's Top-up grid lists accounts by meter number; it may also be sorted by these. */
export const TOP_UP_SORT_COLUMNS = ['meterNo', 'customerNo', 'customerName', 'meterType'] as const;
export type TopUpSortColumn = (typeof TOP_UP_SORT_COLUMNS)[number];

/**
 * One row of the Top-up Center's grid: the seed's columns (Customer No., User Coder, Meter No., Meter Type, Price,
 * Currency, Tax (%)) and the ids and versions a vend needs. Only accounts the Top-up Center sells to are listed: the
 * account, its customer, meter and price all active. A confirm names `priceVersion`; a price edited since is refused.
 */
export const TopUpRow = z.object({
  accountId: z.string(),
  accountNo: z.string(),
  accountVersion: z.number().int(),
  customerId: z.string(),
  /** Customer No. */
  customerNo: z.string(),
  /** User Coder: the customer's name. */
  customerName: z.string(),
  meterId: z.string(),
  /** Meter No. */
  meterNo: z.string(),
  /** Meter Type (shown as "Electricity Meter"). */
  meterType: MeterType,
  priceId: z.string(),
  priceVersion: z.number().int(),
  /** Price: 1/10,000 of the currency's major unit per unit (10,000 = "1"). */
  pricePerUnit: z.number().int(),
  /** Currency: the ISO 4217 code (the site may show CNY as "RMB"). */
  currency: z.string(),
  /** Tax (%): VAT plus excise, in basis points (1300 = "13"). */
  taxBp: z.number().int(),
  vatBp: z.number().int(),
  exciseBp: z.number().int(),
  taxMode: TaxModeSchema,
  /** Tenths of the meter type's unit; null until a Set Max Overdraft token sets it. */
  maxOverdraftTenths: z.number().int().nullable(),
});
export type TopUpRow = z.infer<typeof TopUpRow>;

export const TopUpListInput = listRequest(TOP_UP_SORT_COLUMNS);
export const TopUpListResult = listResponse(TopUpRow);
