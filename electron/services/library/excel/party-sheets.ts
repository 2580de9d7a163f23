import { z } from 'zod';
import { formatAmountNumber } from '../../../../shared/format/money';
import { METER_KIND_LABEL, METER_KINDS } from '../../../../shared/format/units';
import type { ListResponse } from '../../../../shared/ipc/list';
import { CreatePriceInput, type PriceRow } from '../../../../shared/ipc/library-schemas';
import { CreateAccountInput, CreateCustomerInput, type AccountRow, type CustomerRow, type DistrictRow, type StationRow } from '../../../../shared/ipc/parties-schemas';
import { formatPricePerUnit, formatRatePercent } from '../../../../shared/money/decimal-text';
import type { AccountsRepo } from '../../../db/repos/accounts-repo';
import type { CustomersRepo } from '../../../db/repos/customers-repo';
import type { MetersRepo } from '../../../db/repos/meters-repo';
import type { AccountService } from '../account-service';
import type { CustomerService } from '../customer-service';
import type { DistrictService } from '../district-service';
import type { PriceService } from '../price-service';
import type { LibraryReference } from '../reference-data';
import type { StationService } from '../station-service';
import type { LibraryImportDef, RowCells } from './import-runner';
import type { OutCell } from './workbook';

/**
 * The Price, District, Sales Station, Customer and Account Libraries as worksheets (L3), with the grids' column
 * names. References travel as the identifiers people type (district and station codes, customer and meter numbers,
 * the price's name) and are resolved on import; a reference that does not exist names its row and column.
 */

/** Every row of a grid's list, page after page (the smaller libraries; meters page by key). */
export function allRows<Row>(list: (page: number) => ListResponse<Row>): Row[] {
  const rows: Row[] = [];
  for (let page = 1; ; page += 1) {
    const result = list(page);
    rows.push(...result.rows);
    if (page >= result.pageCount || result.rows.length === 0) return rows;
  }
}
const pageOf = { search: '', pageSize: 100 as const, sort: null, showInactive: true };

const yesNo = (active: boolean) => (active ? 'Yes' : 'No');

// ---- districts and stations (export) --------------------------------------------------------------------------

export const DISTRICT_HEADER = ['Code', 'Name', 'Description', 'Active', 'Updated'] as const;
export function districtCells(d: DistrictRow): OutCell[] {
  return [d.code, d.name, d.description, yesNo(d.active), new Date(d.updatedAt)];
}
export const listDistricts = (districts: DistrictService) => allRows((page) => districts.list({ ...pageOf, page }));

export const STATION_HEADER = ['Station Code', 'Name', 'District', 'Address', 'Phone', 'Active', 'Updated'] as const;
export function stationCells(s: StationRow): OutCell[] {
  return [s.code, s.name, s.districtCode, s.address, s.phone, yesNo(s.active), new Date(s.updatedAt)];
}
export const listStations = (stations: StationService) => allRows((page) => stations.list({ ...pageOf, page }));

// ---- prices ---------------------------------------------------------------------------------------------------

export const PRICE_HEADER = ['Name', 'Meter Type', 'Category', 'Price', 'Currency', 'Tax (%)', 'Excise (%)', 'Tax mode', 'Min purchase', 'Max purchase', 'Active', 'Updated'] as const;
/** Decimal text written as a number cell: the cell holds what the grid prints (the stored integers stay exact). */
const decimalCell = (text: string): number => Number(text);
export function priceCells(p: PriceRow): OutCell[] {
  return [
    p.name,
    METER_KIND_LABEL[p.meterType],
    p.categoryName,
    decimalCell(formatPricePerUnit(p.pricePerUnit)),
    p.currency,
    decimalCell(formatRatePercent(p.vatBp)),
    decimalCell(formatRatePercent(p.exciseBp)),
    p.taxMode,
    decimalCell(formatAmountNumber(p.minPurchase, p.currency)),
    p.maxPurchase === null ? null : decimalCell(formatAmountNumber(p.maxPurchase, p.currency)),
    yesNo(p.active),
    new Date(p.updatedAt),
  ];
}
export const listPrices = (prices: PriceService) => allRows((page) => prices.list({ search: '', pageSize: 100, sort: null, page }));

function kindOf(text: string): string {
  const lower = text.trim().toLowerCase();
  return METER_KINDS.find((kind) => kind === lower || METER_KIND_LABEL[kind].toLowerCase() === lower) ?? text;
}

function categoryIdOf(reference: LibraryReference, text: string): string {
  const lower = text.trim().toLowerCase();
  return reference.categories().find((c) => c.id === text.trim() || c.name.toLowerCase() === lower)?.id ?? text;
}

export const PriceImportInput = CreatePriceInput.extend({ active: z.boolean().default(true) });
export type PriceImportInput = z.infer<typeof PriceImportInput>;

export function priceImportDef(deps: { prices: PriceService; reference: LibraryReference }): LibraryImportDef<PriceImportInput> {
  const byName = new Map(listPrices(deps.prices).map((p) => [p.name.toLowerCase(), p]));
  return {
    library: 'prices',
    columns: PRICE_HEADER.map((name) => ({ name, required: ['Name', 'Meter Type', 'Category', 'Price', 'Currency'].includes(name) })),
    keyColumn: 'Name',
    fieldColumns: { name: 'Name', meterType: 'Meter Type', categoryId: 'Category', pricePerUnit: 'Price', currency: 'Currency', vatRate: 'Tax (%)', exciseRate: 'Excise (%)', taxMode: 'Tax mode', minPurchase: 'Min purchase', maxPurchase: 'Max purchase', active: 'Active' },
    messageColumns: { Name: 'Name', 'Meter type': 'Meter Type', 'Meter Type': 'Meter Type', Category: 'Category', 'Customer category': 'Category', Price: 'Price', 'Price per unit': 'Price', Currency: 'Currency', Tax: 'Tax (%)', VAT: 'Tax (%)', Excise: 'Excise (%)', 'Tax mode': 'Tax mode', 'Min purchase': 'Min purchase', 'Minimum purchase': 'Min purchase', 'Max purchase': 'Max purchase', 'Maximum purchase': 'Max purchase' },
    toRequest(cells: RowCells) {
      return {
        name: cells.text('Name') ?? '',
        meterType: kindOf(cells.text('Meter Type') ?? ''),
        categoryId: categoryIdOf(deps.reference, cells.text('Category') ?? ''),
        pricePerUnit: cells.text('Price') ?? '',
        currency: cells.text('Currency') ?? '',
        vatRate: cells.text('Tax (%)') ?? '0',
        exciseRate: cells.text('Excise (%)') ?? '0',
        taxMode: cells.text('Tax mode') ?? 'tax-inclusive',
        minPurchase: cells.text('Min purchase') ?? '0',
        maxPurchase: cells.text('Max purchase') ?? '',
        active: cells.yesNo('Active') ?? true,
      };
    },
    schema: PriceImportInput,
    apply(input, actor) {
      const { active, ...fields } = input;
      const current = byName.get(input.name.trim().toLowerCase());
      if (!current) {
        const created = deps.prices.create(fields, actor);
        if (!active) deps.prices.update({ ...fields, id: created.id, version: created.version, active }, actor);
        return 'created';
      }
      const after = deps.prices.update({ ...fields, id: current.id, version: current.version, active }, actor);
      return after.version === current.version ? 'unchanged' : 'updated';
    },
  };
}

// ---- customers ------------------------------------------------------------------------------------------------

export const CUSTOMER_HEADER = ['Customer No.', 'User Coder', 'Phone', 'Email', 'Address', 'Identity No.', 'Category', 'District', 'Active', 'Updated'] as const;
export function customerCells(c: CustomerRow): OutCell[] {
  return [c.customerNo, c.name, c.phone, c.email, c.address, c.identityNo, c.categoryName, c.districtCode, yesNo(c.active), new Date(c.updatedAt)];
}
export const listCustomers = (customers: CustomerService) => allRows((page) => customers.list({ ...pageOf, page }));

export const CustomerImportInput = CreateCustomerInput.extend({ active: z.boolean().default(true) });
export type CustomerImportInput = z.infer<typeof CustomerImportInput>;

export function customerImportDef(deps: { customers: CustomerService; customerRepo: CustomersRepo; districts: DistrictService; reference: LibraryReference }): LibraryImportDef<CustomerImportInput> {
  const districtByCode = new Map(listDistricts(deps.districts).map((d) => [d.code.toLowerCase(), d.id]));
  return {
    library: 'customers',
    columns: CUSTOMER_HEADER.map((name) => ({ name, required: ['Customer No.', 'User Coder', 'Category', 'District'].includes(name) })),
    keyColumn: 'Customer No.',
    fieldColumns: { customerNo: 'Customer No.', name: 'User Coder', phone: 'Phone', email: 'Email', address: 'Address', identityNo: 'Identity No.', categoryId: 'Category', districtId: 'District', active: 'Active' },
    messageColumns: { 'Customer No.': 'Customer No.', 'Customer number': 'Customer No.', 'User Coder': 'User Coder', Name: 'User Coder', Phone: 'Phone', Email: 'Email', Address: 'Address', 'Identity No.': 'Identity No.', 'Identity number': 'Identity No.', Category: 'Category', 'Customer category': 'Category', District: 'District' },
    toRequest(cells: RowCells) {
      const districtCode = cells.id('District');
      const districtId = districtCode === null ? '' : districtByCode.get(districtCode.toLowerCase());
      if (districtCode !== null && districtId === undefined) cells.problem('District', `District: there is no district with the code "${districtCode}" in the District Library; add it first or correct the code.`);
      return {
        customerNo: cells.id('Customer No.') ?? '',
        name: cells.text('User Coder') ?? '',
        phone: cells.id('Phone') ?? '',
        email: cells.text('Email') ?? '',
        address: cells.text('Address') ?? '',
        identityNo: cells.id('Identity No.') ?? '',
        categoryId: categoryIdOf(deps.reference, cells.text('Category') ?? ''),
        districtId: districtId ?? '',
        active: cells.yesNo('Active') ?? true,
      };
    },
    schema: CustomerImportInput,
    apply(input, actor) {
      const { active, ...fields } = input;
      const current = deps.customerRepo.byCustomerNo(input.customerNo.trim());
      if (!current) {
        const created = deps.customers.create(fields, actor);
        if (!active) deps.customers.update({ ...fields, id: created.id, version: created.version, active }, actor);
        return 'created';
      }
      const after = deps.customers.update({ ...fields, id: current.id, version: current.version, active }, actor);
      return after.version === current.version ? 'unchanged' : 'updated';
    },
  };
}

// ---- accounts -------------------------------------------------------------------------------------------------

export const ACCOUNT_HEADER = ['Account No.', 'Customer No.', 'User Coder', 'Meter No.', 'Meter Type', 'Sales Station', 'Price', 'Active', 'Updated'] as const;
export function accountCells(a: AccountRow): OutCell[] {
  return [a.accountNo, a.customerNo, a.customerName, a.meterNo, METER_KIND_LABEL[a.meterType], a.salesStationCode, a.priceName, yesNo(a.active), new Date(a.updatedAt)];
}
export const listAccounts = (accounts: AccountService) => allRows((page) => accounts.list({ ...pageOf, page }));

export const AccountImportInput = CreateAccountInput.extend({ active: z.boolean().default(true) });
export type AccountImportInput = z.infer<typeof AccountImportInput>;

export function accountImportDef(deps: {
  accounts: AccountService;
  accountRepo: AccountsRepo;
  customerRepo: CustomersRepo;
  meterRepo: MetersRepo;
  stations: StationService;
  prices: PriceService;
}): LibraryImportDef<AccountImportInput> {
  const stationByCode = new Map(listStations(deps.stations).map((s) => [s.code.toLowerCase(), s.id]));
  const priceByName = new Map(listPrices(deps.prices).map((p) => [p.name.toLowerCase(), p.id]));
  return {
    library: 'accounts',
    columns: ACCOUNT_HEADER.map((name) => ({ name, required: ['Account No.', 'Customer No.', 'Meter No.', 'Sales Station', 'Price'].includes(name) })),
    keyColumn: 'Account No.',
    fieldColumns: { accountNo: 'Account No.', customerId: 'Customer No.', meterId: 'Meter No.', salesStationId: 'Sales Station', priceId: 'Price', active: 'Active' },
    messageColumns: { 'Account No.': 'Account No.', 'Account number': 'Account No.', Customer: 'Customer No.', Meter: 'Meter No.', 'Sales station': 'Sales Station', 'Sales Station': 'Sales Station', Price: 'Price' },
    toRequest(cells: RowCells) {
      const resolve = (column: string, key: string | null, find: (key: string) => string | undefined, missing: (key: string) => string): string => {
        if (key === null) return '';
        const id = find(key);
        if (id === undefined) cells.problem(column, missing(key));
        return id ?? '';
      };
      const customerId = resolve('Customer No.', cells.id('Customer No.'), (no) => deps.customerRepo.byCustomerNo(no)?.id, (no) => `Customer No.: there is no customer ${no} in the Customer Library; import the customers first or correct the number.`);
      const meterId = resolve('Meter No.', cells.id('Meter No.'), (no) => deps.meterRepo.byMeterNo(no)?.id, (no) => `Meter No.: there is no meter ${no} in the Meter Library; import the meters first or correct the number.`);
      const salesStationId = resolve('Sales Station', cells.id('Sales Station'), (code) => stationByCode.get(code.toLowerCase()), (code) => `Sales Station: there is no sales station with the code "${code}"; add it first or correct the code.`);
      const priceId = resolve('Price', cells.text('Price'), (name) => priceByName.get(name.toLowerCase()), (name) => `Price: there is no price named "${name}" in the Price Library; add it first or correct the name.`);
      return { accountNo: cells.id('Account No.') ?? '', customerId, meterId, salesStationId, priceId, active: cells.yesNo('Active') ?? true };
    },
    schema: AccountImportInput,
    apply(input, actor) {
      const { active, ...fields } = input;
      const current = deps.accountRepo.byAccountNo(input.accountNo.trim());
      if (!current) {
        const created = deps.accounts.create(fields, actor);
        if (!active) deps.accounts.update({ ...fields, id: created.id, version: created.version, active }, actor);
        return 'created';
      }
      const after = deps.accounts.update({ ...fields, id: current.id, version: current.version, active }, actor);
      return after.version === current.version ? 'unchanged' : 'updated';
    },
  };
}
