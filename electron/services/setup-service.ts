import type Database from 'better-sqlite3';
import { BUILT_IN_ROLES } from '../../shared/auth/permissions';
import { passwordPolicyProblem } from '../../shared/auth/password-policy';
import type { SetupInput, SetupStatus } from '../../shared/ipc/schemas';
import type { Clock } from '../../shared/ports/clock';
import type { IdGenerator } from '../../shared/ports/id-generator';
import { AppFailure } from '../../shared/errors/result';
import { writeTransaction } from '../db/open-database';
import type { OrganisationRepo } from '../db/repos/organisation-repo';
import type { OutboxRepo } from '../db/repos/outbox-repo';
import type { UsersRepo } from '../db/repos/users-repo';
import type { AuditLog } from './audit-log';
import type { KeyStore } from './key-store';
import { hashPassword, type HashCost } from './password-hash';
import type { SettingsService } from './settings-service';
import type { Terminal } from './terminal';
import type { DemoSeeder } from './demo/demo-seeder';

/**
 * First-run setup: creates the district, this terminal's station, the built-in roles, the admin user and the
 * company settings in one transaction, optionally followed by the demo data. It runs once: a terminal that is
 * already set up refuses it.
 */
export interface SetupService {
  status(): SetupStatus;
  init(input: SetupInput): Promise<{ initialized: true; demoLoaded: boolean }>;
}

export interface SetupDeps {
  sqlite: Database.Database;
  users: UsersRepo;
  organisation: OrganisationRepo;
  outbox: OutboxRepo;
  audit: AuditLog;
  settings: SettingsService;
  terminal: Terminal;
  keyStore: KeyStore;
  clock: Clock;
  ids: IdGenerator;
  hashCost: HashCost;
  demo: DemoSeeder;
}

export function createSetupService(deps: SetupDeps): SetupService {
  return {
    status() {
      const identity = deps.terminal.identity();
      return {
        initialized: identity !== null,
        companyName: identity ? deps.settings.section('company').companyName : null,
        stationCode: identity?.stationCode ?? null,
        stationName: identity?.stationName ?? null,
        keyStore: deps.keyStore.status(),
      };
    },
    async init(input) {
      if (deps.terminal.identity() !== null) {
        throw new AppFailure('SETUP_DONE', 'This terminal is already set up. Sign in instead.');
      }
      const loginProblem = passwordPolicyProblem(input.adminPassword, { userId: input.adminUserId });
      if (loginProblem) throw new AppFailure('PASSWORD_POLICY', `Admin login password: ${loginProblem}`);
      const vendProblem = passwordPolicyProblem(input.vendPassword, { userId: input.adminUserId });
      if (vendProblem) throw new AppFailure('PASSWORD_POLICY', `Transaction (vend) password: ${vendProblem}`);
      if (input.vendPassword === input.adminPassword) {
        throw new AppFailure('PASSWORD_POLICY', 'Transaction (vend) password: it must differ from the login password.');
      }
      const [passwordHash, vendPasswordHash] = await Promise.all([
        hashPassword(input.adminPassword, deps.hashCost),
        hashPassword(input.vendPassword, deps.hashCost),
      ]);
      const demoPlan = input.loadDemo ? await deps.demo.prepare() : null;

      writeTransaction(deps.sqlite, () => {
        if (deps.terminal.identity() !== null) throw new AppFailure('SETUP_DONE', 'This terminal is already set up. Sign in instead.');
        const now = deps.clock.now().toISOString();
        const districtId = deps.ids.newId();
        const stationId = deps.ids.newId();
        deps.terminal.set({ stationId, stationCode: input.stationCode, stationName: input.stationName, districtId }, now);
        const born = { stationId, createdAt: now, updatedAt: now, version: 1 };
        const district = { ...born, id: districtId, code: 'D01', name: input.districtName, description: '' };
        deps.organisation.insertDistrict(district);
        const station = { ...born, id: stationId, code: input.stationCode, name: input.stationName, districtId, address: '', phone: '' };
        deps.organisation.insertStation(station);
        deps.outbox.append({ txId: stationId, kind: 'master.upsert', payload: { table: 'districts', row: district }, idempotencyKey: `districts:${districtId}:1` }, now);
        deps.outbox.append({ txId: stationId, kind: 'master.upsert', payload: { table: 'stations', row: station }, idempotencyKey: `stations:${stationId}:1` }, now);

        let adminRoleId = '';
        for (const role of BUILT_IN_ROLES) {
          const id = deps.ids.newId();
          if (role.id === 'Admin') adminRoleId = id;
          deps.users.insertRole({ ...born, id, code: role.id, name: role.name, builtIn: true }, role.permissions);
        }
        deps.users.insertUser({
          ...born,
          id: deps.ids.newId(),
          loginId: input.adminUserId,
          name: input.adminName,
          roleId: adminRoleId,
          passwordHash,
          vendPasswordHash,
        });
        deps.settings.writeInTransaction({
          section: 'company',
          value: {
            ...deps.settings.section('company'),
            companyName: input.companyName,
            defaultCurrency: input.defaultCurrency,
            currencyDisplay: input.currencyDisplay === '' ? {} : { [input.defaultCurrency]: input.currencyDisplay },
          },
        });
        deps.settings.writeInTransaction({ section: 'general', value: { ...deps.settings.section('general'), tidTimeZone: input.tidTimeZone } });
        deps.audit.append({
          actor: input.adminUserId,
          action: 'setup.init',
          target: input.stationCode,
          details: { company: input.companyName, station: input.stationCode, district: input.districtName, demo: input.loadDemo },
        });
        if (demoPlan) demoPlan.apply({ stationId, districtId, now });
      });
      return { initialized: true, demoLoaded: demoPlan !== null };
    },
  };
}
