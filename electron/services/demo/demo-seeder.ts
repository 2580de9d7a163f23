import type { MeterKind } from '../../../shared/format/units';
import type { IdGenerator } from '../../../shared/ports/id-generator';
import type { UsersRepo } from '../../db/repos/users-repo';
import type { AuditLog } from '../audit-log';
import type { LibraryDemo } from '../library/library-demo';
import type { PartiesDemo } from '../library/parties-demo';
import type { DemoKeys } from './demo-keys';
import { hashPassword, type HashCost } from '../password-hash';
import type { SettingsService } from '../settings-service';

/**
 * The demo data of the seed manual, made valid. One module that each feature extends with what it adds (meters and
 * prices, customers and accounts, test vending keys, the virtual printer). `prepare` does the slow work (password
 * hashing) before the transaction; `apply` writes inside setup's transaction, so a demo is all there or not at all.
 */
export const DEMO_CASHIER = { loginId: 'cashier', name: 'Demo Cashier', password: 'Cashier#2026', vendPassword: 'Vend#2026!' } as const;

/** The seed's screens show CNY as "RMB": the demo site keeps that name for it (the ISO code is what is stored). */
export const DEMO_CURRENCY_DISPLAY: Readonly<Record<string, string>> = { CNY: 'RMB' };

/** The seed manual's customers (customer no. and name), added to the demo by L2 with their accounts. */
export const DEMO_CUSTOMERS = [
  { customerNo: '0001', name: 'Lili' },
  { customerNo: '0002', name: 'Bule' },
  { customerNo: '0004', name: 'Linda' },
  { customerNo: '0005', name: 'Kuti' },
  { customerNo: '0006', name: 'Lynn' },
  { customerNo: '0007', name: 'XSD' },
  { customerNo: '0008', name: 'Test' },
] as const;

/**
 * The seed manual's meters made valid: 11-digit numbers whose last digit is the Luhn check digit, with the kind and
 * the customer each belongs to in the seed's account list. Added to the demo by L1 (meters) and L2 (accounts).
 */
export const DEMO_METERS: ReadonlyArray<{ meterNo: string; kind: MeterKind; customerNo: string }> = [
  { meterNo: '58000000065', kind: 'electricity', customerNo: '0001' },
  { meterNo: '58000000099', kind: 'electricity', customerNo: '0002' },
  { meterNo: '58000000354', kind: 'gas', customerNo: '0006' },
  { meterNo: '58000009181', kind: 'electricity', customerNo: '0005' },
  { meterNo: '58000807915', kind: 'water', customerNo: '0005' },
  { meterNo: '58009000181', kind: 'solar-kit', customerNo: '0004' },
  { meterNo: '58001855558', kind: 'water', customerNo: '0004' },
  { meterNo: '58000055556', kind: 'electricity', customerNo: '0007' },
  { meterNo: '58010003182', kind: 'gas', customerNo: '0008' },
  { meterNo: '58091801686', kind: 'electricity', customerNo: '0004' },
];

/** The demo station prints to the virtual printer (`npm run printer:virtual`, electron/printing/virtual/). */
export const DEMO_PRINTER = { kind: 'network', host: '127.0.0.1', port: 9100 } as const;

export interface DemoContext {
  stationId: string;
  districtId: string;
  now: string;
}

export interface DemoPlan {
  apply(context: DemoContext): void;
}

export interface DemoSeeder {
  prepare(): Promise<DemoPlan>;
}

export function createDemoSeeder(deps: { users: UsersRepo; settings: SettingsService; audit: AuditLog; ids: IdGenerator; hashCost: HashCost; library: LibraryDemo; parties: PartiesDemo; keys: DemoKeys }): DemoSeeder {
  return {
    async prepare() {
      const [passwordHash, vendPasswordHash] = await Promise.all([
        hashPassword(DEMO_CASHIER.password, deps.hashCost),
        hashPassword(DEMO_CASHIER.vendPassword, deps.hashCost),
      ]);
      return {
        apply(context) {
          const cashierRole = deps.users.findRoleByCode('OnlyVending');
          if (!cashierRole) throw new Error('demo seeding needs the built-in OnlyVending role');
          deps.users.insertUser({
            id: deps.ids.newId(),
            stationId: context.stationId,
            createdAt: context.now,
            updatedAt: context.now,
            loginId: DEMO_CASHIER.loginId,
            name: DEMO_CASHIER.name,
            roleId: cashierRole.id,
            passwordHash,
            vendPasswordHash,
          });
          const company = deps.settings.section('company');
          deps.settings.writeInTransaction({ section: 'company', value: { ...company, currencyDisplay: { ...DEMO_CURRENCY_DISPLAY, ...company.currencyDisplay } } });
          deps.audit.append({
            actor: 'setup',
            action: 'demo.load',
            target: 'users',
            details: { users: [DEMO_CASHIER.loginId], currencyDisplay: DEMO_CURRENCY_DISPLAY },
          });
          // P1: receipts go to the virtual printer on this machine.
          const printer = deps.settings.section('printer');
          deps.settings.writeInTransaction({ section: 'printer', value: { ...printer, connection: { ...DEMO_PRINTER }, qrCode: true } });
          deps.audit.append({ actor: 'setup', action: 'demo.load', target: 'printer', details: { connection: DEMO_PRINTER } });
          // L1: the seed's meters (valid numbers, test key parameters) and prices, with their outbox rows.
          const library = deps.library.apply(context, DEMO_METERS);
          // L2: the seed's customers, each demo meter's account (priced as the seed's Top-up grid), with outbox rows.
          deps.parties.apply(context, { customers: DEMO_CUSTOMERS, meters: DEMO_METERS, library });
          // S1: the STS specification's published test vending keys (never real keys), so the demo meters can vend.
          deps.audit.append({ actor: 'setup', action: 'demo.load', target: 'vending keys', details: { keys: deps.keys.apply() } });
        },
      };
    },
  };
}
