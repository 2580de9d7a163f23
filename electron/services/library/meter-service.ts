import type Database from 'better-sqlite3';
import { AppFailure } from '../../../shared/errors/result';
import { METER_KIND_LABEL, type MeterKind } from '../../../shared/format/units';
import type { ListRequest, ListResponse } from '../../../shared/ipc/list';
import type {
  CreateMeterInput, CreateMeterRangeInput, CreateMeterRangeResult, KitInput, MeterDetail, MeterRow, MeterSortColumn,
  RemoveResult, UpdateMeterInput,
} from '../../../shared/ipc/library-schemas';
import { describeKeyParams, sameKeyParams, type KeyParams } from '../../../shared/library/key-params';
import { checkMeterNumber } from '../../../shared/library/meter-number';
import { meterNumberRule, meterTypesFor } from '../../../shared/library/meter-profiles';
import { planMeterRange } from '../../../shared/library/meter-range';
import type { Clock } from '../../../shared/ports/clock';
import type { IdGenerator } from '../../../shared/ports/id-generator';
import { writeTransaction } from '../../db/open-database';
import type { ProfileRecord } from '../../db/repos/library-reference-repo';
import type { KitRecord, MeterChange, MeterRecord, MetersRepo, NewMeter } from '../../db/repos/meters-repo';
import type { KeyStore } from '../key-store';
import type { MasterChangeRecorder } from './master-change';
import type { LibraryReference } from './reference-data';

/**
 * The Meter Library (L1): meters checked against their model profile, key parameters kept as `current` and `pending`,
 * batch ranges, and removal that deactivates a meter which has had tokens. Every change is one write transaction with
 * its audit row and outbox rows. A solar kit's OpenPAYGO secret is written to the key store in that same transaction
 * and never read back out through this service.
 */
export interface MeterService {
  list(request: ListRequest<MeterSortColumn>): ListResponse<MeterRow>;
  get(id: string): MeterDetail;
  create(input: CreateMeterInput, actor: string): MeterDetail;
  createRange(input: CreateMeterRangeInput, actor: string): CreateMeterRangeResult;
  update(input: UpdateMeterInput, actor: string): MeterDetail;
  remove(input: { id: string; version: number }, actor: string): RemoveResult;
  /**
   * L3's import: adds many new meters with the same checks as `create`, inside the caller's write transaction, as one
   * audit row (action, target and details given) and one outbox row per meter. Refused meters are returned by index;
   * when any is refused nothing at all is written (a savepoint takes back the meters added before it).
   */
  createMany(inputs: readonly CreateMeterInput[], actor: string, audit: { action: string; target: string; details: Record<string, unknown> }): Array<{ index: number; message: string }>;
}

export interface MeterServiceDeps {
  sqlite: Database.Database;
  meters: MetersRepo;
  reference: LibraryReference;
  changes: MasterChangeRecorder;
  keyStore: KeyStore;
  clock: Clock;
  ids: IdGenerator;
  stationId: () => string;
}

/** Where a kit's OpenPAYGO secret lives in the key store (the token issuer asks for it by meter id). */
export function kitSecretName(meterId: string, revision = 1): string {
  return `openpaygo/${meterId}/${revision}`;
}

function invalid(message: string): never {
  throw new AppFailure('VALIDATION', message);
}

function toRow(record: MeterRecord): MeterRow {
  return {
    id: record.id,
    meterNo: record.meterNo,
    meterType: record.meterType,
    profileId: record.profileId,
    profileName: record.profileName,
    scheme: record.scheme,
    keys: record.keys,
    pendingKeys: record.pendingKeys,
    kit: record.kit,
    active: record.active,
    version: record.version,
    updatedAt: record.updatedAt,
  };
}

function auditKeys(keys: KeyParams | null): string | null {
  return keys === null ? null : describeKeyParams(keys);
}

export function createMeterService(deps: MeterServiceDeps): MeterService {
  const requireProfile = (id: string): ProfileRecord => {
    const profile = deps.reference.profile(id);
    if (!profile || !profile.active) invalid('Meter model: choose one of the listed meter models.');
    return profile;
  };

  /** The type, keys and kit settings a profile allows; the sentence names the field at fault. */
  const checkShape = (profile: ProfileRecord, meterType: MeterKind, keys: KeyParams | null, kit: KitInput | null) => {
    const types = meterTypesFor(profile);
    if (!types.includes(meterType)) {
      invalid(`Type: a meter of the model "${profile.name}" is a ${types.map((t) => METER_KIND_LABEL[t]).join(' or ')}.`);
    }
    if (profile.scheme === 'STS') {
      if (keys === null) invalid('Key parameters: type the supply group code (SGC) and the other key parameters of this meter.');
      if (kit !== null) invalid('Solar kit settings: only OpenPAYGO solar kits have a secret, starting code and count.');
    } else if (keys !== null) {
      invalid('Key parameters: an OpenPAYGO solar kit has no STS key parameters; leave them out.');
    }
  };

  const get = (id: string): MeterDetail => {
    const record = deps.meters.byId(id);
    if (!record) throw new AppFailure('NOT_FOUND', 'This meter is no longer in the library; reload the list.');
    return { ...toRow(record), hasTokens: deps.meters.hasIssuedTokens(id), lastTids: deps.meters.lastTids(id) };
  };

  const storeSecret = (meterId: string, meterNo: string, secretHex: string) => {
    deps.keyStore.put(kitSecretName(meterId), Buffer.from(secretHex, 'hex'), { meterId, meterNo, kind: 'openpaygo-secret' });
  };

  const changed = (table: 'meters', id: string, version: number) => ({ table, id, version, row: deps.meters.syncRow(id) });

  /** The checks every new meter passes (its model, its number with the check digit, keys or kit fitting the model). */
  const checkNew = (input: CreateMeterInput): { profile: ProfileRecord; meterNo: string; kit: KitRecord | null } => {
    const profile = requireProfile(input.profileId);
    const checked = checkMeterNumber(input.meterNo, meterNumberRule(profile));
    if (!checked.ok) invalid(checked.problem);
    checkShape(profile, input.meterType, input.keys, input.kit);
    const kit: KitRecord | null =
      profile.scheme === 'OpenPAYGO'
        ? { startingCode: input.kit?.startingCode ?? null, count: input.kit?.count ?? 0, secretSet: (input.kit?.secret ?? null) !== null }
        : null;
    return { profile, meterNo: checked.meterNo, kit };
  };

  const alreadyInLibrary = (meterNo: string) => new AppFailure('CONFLICT', `Meter ${meterNo} is already in the library; search for it and edit it instead.`);

  /** Writes a checked new meter (inside the caller's write transaction) and puts its kit secret in the key store. */
  const insertNew = (id: string, now: string, input: CreateMeterInput, checked: ReturnType<typeof checkNew>) => {
    deps.meters.insert([{ id, stationId: deps.stationId(), createdAt: now, meterNo: checked.meterNo, meterType: input.meterType, profileId: checked.profile.id, keys: input.keys, kit: checked.kit }]);
    const secret = input.kit?.secret ?? null;
    if (secret !== null) storeSecret(id, checked.meterNo, secret);
  };

  return {
    list(request) {
      const page = deps.meters.list(request);
      return { ...page, rows: page.rows.map(toRow) };
    },

    get,

    create(input, actor) {
      const checked = checkNew(input);
      const { profile, kit } = checked;
      const id = deps.ids.newId();
      writeTransaction(deps.sqlite, () => {
        if (deps.meters.byMeterNo(checked.meterNo)) throw alreadyInLibrary(checked.meterNo);
        const now = deps.clock.now().toISOString();
        insertNew(id, now, input, checked);
        deps.changes.record({
          actor,
          action: 'meters.create',
          target: `meters:${checked.meterNo}`,
          details: {
            meterNo: checked.meterNo,
            meterType: input.meterType,
            profileId: profile.id,
            keys: auditKeys(input.keys),
            ...(kit ? { kit: { startingCode: kit.startingCode, count: kit.count, secret: kit.secretSet ? 'stored in the key store' : 'not set' } } : {}),
          },
          now,
          rows: [changed('meters', id, 1)],
        });
      });
      return get(id);
    },

    createMany(inputs, actor, audit) {
      if (!deps.sqlite.inTransaction) throw new Error('meters.createMany() must run inside the caller\'s write transaction');
      const problems: Array<{ index: number; message: string }> = [];
      const ids: string[] = [];
      const now = deps.clock.now().toISOString();
      const seen = new Set<string>();
      // each meter is written as soon as it passes (no second copy of 100,000 rows is held); the savepoint takes
      // them all back when any meter is refused, so the caller's transaction holds none of them
      const refused = new Error('refused');
      const addAll = deps.sqlite.transaction(() => {
        inputs.forEach((input, index) => {
          try {
            const checked = checkNew(input);
            if (seen.has(checked.meterNo) || deps.meters.byMeterNo(checked.meterNo)) throw alreadyInLibrary(checked.meterNo);
            seen.add(checked.meterNo);
            if (problems.length > 0) return; // still checked, so every refused meter is named; nothing more is written
            const id = deps.ids.newId();
            insertNew(id, now, input, checked);
            ids.push(id);
          } catch (error) {
            if (!(error instanceof AppFailure)) throw error;
            problems.push({ index, message: error.message });
          }
        });
        if (problems.length > 0) throw refused;
        if (ids.length === 0) return;
        // a generator: each meter's outbox row is built, written and dropped in turn (100,000 at once held ~100 MB)
        const changedRows = function* () {
          for (const id of ids) yield changed('meters', id, 1);
        };
        deps.changes.record({ actor, action: audit.action, target: audit.target, details: audit.details, now, rows: changedRows() });
      });
      try {
        addAll();
      } catch (error) {
        if (error !== refused) throw error;
      }
      return problems;
    },

    createRange(input, actor) {
      const profile = requireProfile(input.profileId);
      const plan = planMeterRange(input.first, input.last, meterNumberRule(profile));
      if (!plan.ok) invalid(plan.problem);
      checkShape(profile, input.meterType, input.keys, null);
      const firstMeterNo = plan.numbers[0] ?? '';
      const lastMeterNo = plan.numbers[plan.numbers.length - 1] ?? '';
      const summary = { count: plan.count, firstMeterNo, lastMeterNo };
      if (input.dryRun) {
        return { ...summary, existing: deps.meters.existingNumbers(plan.numbers), created: 0, skipped: 0, saved: false };
      }
      return writeTransaction(deps.sqlite, () => {
        const existing = deps.meters.existingNumbers(plan.numbers);
        if (existing.length === plan.count) {
          throw new AppFailure('CONFLICT', 'Every meter number of this range is already in the library; nothing was added.');
        }
        if (existing.length > 0 && !input.skipExisting) {
          const shown = existing.slice(0, 5).join(', ') + (existing.length > 5 ? ', ...' : '');
          throw new AppFailure(
            'CONFLICT',
            `${existing.length} of these meter numbers are already in the library (${shown}). Confirm to skip them, or change the range.`,
          );
        }
        const skip = new Set(existing);
        const now = deps.clock.now().toISOString();
        const kit: KitRecord | null = profile.scheme === 'OpenPAYGO' ? { startingCode: null, count: 0, secretSet: false } : null;
        const rows: NewMeter[] = plan.numbers
          .filter((meterNo) => !skip.has(meterNo))
          .map((meterNo) => ({ id: deps.ids.newId(), stationId: deps.stationId(), createdAt: now, meterNo, meterType: input.meterType, profileId: profile.id, keys: input.keys, kit }));
        deps.meters.insert(rows);
        deps.changes.record({
          actor,
          action: 'meters.createRange',
          target: `meters:${firstMeterNo}-${lastMeterNo}`,
          details: {
            first: firstMeterNo,
            last: lastMeterNo,
            count: plan.count,
            created: rows.length,
            skipped: existing,
            meterType: input.meterType,
            profileId: profile.id,
            keys: auditKeys(input.keys),
          },
          now,
          rows: rows.map((row) => changed('meters', row.id, 1)),
        });
        return { ...summary, existing, created: rows.length, skipped: existing.length, saved: true };
      });
    },

    update(input, actor) {
      writeTransaction(deps.sqlite, () => {
        const current = deps.meters.byId(input.id);
        if (!current) throw new AppFailure('NOT_FOUND', 'This meter is no longer in the library; reload the list.');
        if (current.version !== input.version) {
          throw new AppFailure('CONFLICT', `Meter ${current.meterNo} was changed by someone else since you opened it; close the dialog and open it again.`);
        }
        const profile = requireProfile(input.profileId);
        if (profile.scheme !== current.scheme) {
          invalid("Meter model: a meter's token scheme (STS or OpenPAYGO) cannot change; remove the meter and add it again.");
        }
        const fits = checkMeterNumber(current.meterNo, meterNumberRule(profile));
        if (!fits.ok) invalid(`Meter model: meter ${current.meterNo} does not fit the model "${profile.name}". ${fits.problem}`);
        checkShape(profile, input.meterType, input.keys, input.kit);
        if (input.meterType !== current.meterType) {
          // L2: an account's price is for its meter's type; a meter in use keeps its type.
          const reasons = deps.meters.usage(current.id);
          if (reasons.length > 0) invalid(`Type: meter ${current.meterNo} keeps its type because ${reasons.join(' and ')}.`);
        }

        let keys = current.keys;
        let pendingKeys = current.pendingKeys;
        if (input.keys !== null) {
          if (!deps.meters.hasIssuedTokens(current.id)) {
            keys = input.keys;
            pendingKeys = null;
          } else if (sameKeyParams(input.keys, current.keys)) {
            pendingKeys = null;
          } else {
            pendingKeys = input.keys;
          }
        }
        const secret = input.kit?.secret ?? null;
        const kit: KitRecord | null =
          current.kit === null
            ? null
            : {
                startingCode: input.kit ? input.kit.startingCode : current.kit.startingCode,
                count: input.kit ? input.kit.count : current.kit.count,
                secretSet: current.kit.secretSet || secret !== null,
              };
        const change: MeterChange = { meterType: input.meterType, profileId: profile.id, keys, pendingKeys, kit, active: input.active };

        const differences: Record<string, unknown> = {};
        const note = (field: string, before: unknown, after: unknown) => {
          if (JSON.stringify(before) !== JSON.stringify(after)) differences[field] = { from: before, to: after };
        };
        note('meterType', current.meterType, change.meterType);
        note('profileId', current.profileId, change.profileId);
        note('keys', auditKeys(current.keys), auditKeys(change.keys));
        note('pendingKeys', auditKeys(current.pendingKeys), auditKeys(change.pendingKeys));
        note('kitStartingCode', current.kit?.startingCode ?? null, kit?.startingCode ?? null);
        note('kitCount', current.kit?.count ?? null, kit?.count ?? null);
        note('active', current.active, change.active);
        if (secret !== null) differences.kitSecret = current.kit?.secretSet ? 'replaced in the key store' : 'stored in the key store';
        if (Object.keys(differences).length === 0) return; // nothing changed: no new version, no audit or outbox rows

        const now = deps.clock.now().toISOString();
        if (!deps.meters.update(current.id, input.version, change, now)) {
          throw new AppFailure('CONFLICT', `Meter ${current.meterNo} was changed by someone else since you opened it; close the dialog and open it again.`);
        }
        if (secret !== null) storeSecret(current.id, current.meterNo, secret);
        deps.changes.record({
          actor,
          action: 'meters.update',
          target: `meters:${current.meterNo}`,
          details: { meterNo: current.meterNo, version: current.version + 1, changes: differences },
          now,
          rows: [changed('meters', current.id, current.version + 1)],
        });
      });
      return get(input.id);
    },

    remove(input, actor) {
      return writeTransaction(deps.sqlite, (): RemoveResult => {
        const current = deps.meters.byId(input.id);
        if (!current) throw new AppFailure('NOT_FOUND', 'This meter is no longer in the library; reload the list.');
        if (current.version !== input.version) {
          throw new AppFailure('CONFLICT', `Meter ${current.meterNo} was changed by someone else since you selected it; reload the list and try again.`);
        }
        const now = deps.clock.now().toISOString();
        const reasons = deps.meters.usage(current.id);
        if (reasons.length > 0) {
          const why = reasons.join(' and ');
          if (!current.active) {
            return { outcome: 'deactivated', message: `Meter ${current.meterNo} is already inactive; it stays in the library because ${why}.` };
          }
          const change: MeterChange = { meterType: current.meterType, profileId: current.profileId, keys: current.keys, pendingKeys: current.pendingKeys, kit: current.kit, active: false };
          if (!deps.meters.update(current.id, input.version, change, now)) {
            throw new AppFailure('CONFLICT', `Meter ${current.meterNo} was changed by someone else since you selected it; reload the list and try again.`);
          }
          deps.changes.record({
            actor,
            action: 'meters.deactivate',
            target: `meters:${current.meterNo}`,
            details: { meterNo: current.meterNo, version: current.version + 1, reasons },
            now,
            rows: [changed('meters', current.id, current.version + 1)],
          });
          return { outcome: 'deactivated', message: `Meter ${current.meterNo} cannot be removed because ${why}; it was deactivated instead.` };
        }
        deps.meters.delete(current.id);
        deps.changes.record({
          actor,
          action: 'meters.remove',
          target: `meters:${current.meterNo}`,
          details: { meterNo: current.meterNo, version: current.version + 1 },
          now,
          rows: [{ table: 'meters', id: current.id, version: current.version + 1, row: null }],
        });
        return { outcome: 'deleted', message: `Meter ${current.meterNo} was removed from the library.` };
      });
    },
  };
}
