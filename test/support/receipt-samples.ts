import type { ReceiptLayoutOptions } from '../../shared/receipt/layout';
import type { ManagementReceiptKind, ReceiptManagementRecord, ReceiptSale, ReceiptTestRecord } from '../../shared/receipt/records';

/**
 * Receipt records from the seed manual (Bule's 10 USD vend of 2020/4/13 17:52:36, Lili's Advanced Center records),
 * used by the layout, encoder and decoder tests and by the golden byte files (build/scripts/make-receipt-goldens.mjs).
 * Times are UTC and the layout options fix the time zone, so the output never depends on the machine.
 */
export const SEED_TOKEN = '15678662137676023965';

export const SEED_SALE: ReceiptSale = {
  companyName: 'Demo Power Co.',
  stationName: 'Main Street',
  receiptNo: 'ST01-000123',
  operator: { name: 'Raymond', userId: '0000' },
  paymentType: 'Cash',
  customerNo: '0002',
  userCoder: 'Bule',
  meterNo: '58000000099',
  meterKind: 'electricity',
  currency: 'USD',
  priceTenThousandths: 10_000,
  taxRateBasisPoints: 1300,
  levies: [{ name: 'VAT', rateBasisPoints: 1300, amountMinor: 130 }],
  chargeMinor: 870,
  roundingMinor: 0,
  totalPaidMinor: 1000,
  unitsTenths: 87,
  soldAt: '2020-04-13T17:52:36Z',
  tokens: [{ role: 'credit', digits: SEED_TOKEN }],
};

/** A vend that carries a key change: two key-change tokens (given last here; they must print first) and the credit. */
export const KEY_CHANGE_SALE: ReceiptSale = {
  ...SEED_SALE,
  receiptNo: 'ST01-000124',
  customerNo: '0001',
  userCoder: 'Lili',
  meterNo: '58000000065',
  tokens: [
    { role: 'credit', digits: '67226451626985965057' },
    { role: 'key-change', digits: '11112222333344445555' },
    { role: 'key-change', digits: '66667777888899990000' },
  ],
};

const MANAGEMENT_BASE: Omit<ReceiptManagementRecord, 'kind' | 'details' | 'tokens'> = {
  companyName: 'Demo Power Co.',
  stationName: 'Main Street',
  recordNo: 'ST01-A-000007',
  operator: { name: 'Raymond', userId: '0000' },
  customerNo: '0001',
  userCoder: 'Lili',
  meterNo: '58000000065',
  meterKind: 'electricity',
  issuedAt: '2020-06-16T11:22:20Z',
};

export const MANAGEMENT_SAMPLES: Readonly<Record<ManagementReceiptKind, ReceiptManagementRecord>> = {
  'max-overdraft': { ...MANAGEMENT_BASE, kind: 'max-overdraft', details: [{ label: 'Max Overdraft', value: '10' }], tokens: [{ role: 'management', digits: '19869594978959825509' }] },
  'clear-credit': { ...MANAGEMENT_BASE, kind: 'clear-credit', details: [], issuedAt: '2020-06-18T15:13:16Z', tokens: [{ role: 'management', digits: '14006424385963412345' }] },
  'clear-tamper': { ...MANAGEMENT_BASE, kind: 'clear-tamper', details: [], issuedAt: '2020-06-19T11:25:13Z', tokens: [{ role: 'management', digits: '35840000128977673375' }] },
  'max-power': { ...MANAGEMENT_BASE, kind: 'max-power', details: [{ label: 'Max Power', value: '5000 W' }], tokens: [{ role: 'management', digits: '42424242424242424242' }] },
  'key-change': {
    ...MANAGEMENT_BASE,
    kind: 'key-change',
    details: [
      { label: 'From SGC/KRN', value: '123456 / 1' },
      { label: 'To SGC/KRN', value: '654321 / 2' },
    ],
    tokens: [
      { role: 'key-change', digits: '11112222333344445555' },
      { role: 'key-change', digits: '66667777888899990000' },
    ],
  },
  'meter-test': { ...MANAGEMENT_BASE, kind: 'meter-test', customerNo: null, userCoder: null, details: [{ label: 'Test', value: 'All tests (0)' }], tokens: [{ role: 'test', digits: '00000000000000000000' }] },
};

export const TEST_RECORD: ReceiptTestRecord = {
  companyName: 'Demo Power Co.',
  stationName: 'Main Street',
  operator: { name: 'Raymond', userId: '0000' },
  printer: 'network printer 127.0.0.1:9100',
  profile: 'EPSON, 80 mm, 48 characters, PC858_EURO',
  printedAt: '2026-11-21T09:30:00Z',
};

export function layoutOptions(columns: number, extra: Partial<ReceiptLayoutOptions> = {}): ReceiptLayoutOptions {
  return {
    columns,
    headerLines: ['Tel 0800 123 456'],
    footerLines: ['Thank you.', 'Keep this receipt until the meter accepts the token.'],
    qr: true,
    copy: false,
    date: { style: 'seed', timeZone: 'UTC' },
    currencyDisplay: {},
    ...extra,
  };
}
