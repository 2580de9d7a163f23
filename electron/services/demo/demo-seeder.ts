import type { IdGenerator } from '../../../shared/ports/id-generator';
import type { UsersRepo } from '../../db/repos/users-repo';
import type { AuditLog } from '../audit-log';
import { hashPassword, type HashCost } from '../password-hash';

/**
 * The demo data of the seed manual, made valid. One module that each feature extends with what it adds (meters and
 * prices, customers and accounts, test vending keys, the virtual printer). `prepare` does the slow work (password
 * hashing) before the transaction; `apply` writes inside setup's transaction, so a demo is all there or not at all.
 */
export const DEMO_CASHIER = { loginId: 'cashier', name: 'Demo Cashier', password: 'Cashier#2026', vendPassword: 'Vend#2026!' } as const;

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

export function createDemoSeeder(deps: { users: UsersRepo; audit: AuditLog; ids: IdGenerator; hashCost: HashCost }): DemoSeeder {
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
          deps.audit.append({ actor: 'setup', action: 'demo.load', target: 'users', details: { users: [DEMO_CASHIER.loginId] } });
        },
      };
    },
  };
}
