import { z } from 'zod';
import { planMeterRange } from '../../../../shared/library/meter-range';
import type { MeterNumberRule } from '../../../../shared/library/meter-number';
import { meterNumberRule } from '../../../../shared/library/meter-profiles';
import { METER_KIND_LABEL, METER_KINDS, type MeterKind } from '../../../../shared/format/units';
import { CreateMeterInput, type MeterRow } from '../../../../shared/ipc/library-schemas';
import type { MetersRepo } from '../../../db/repos/meters-repo';
import type { MeterService } from '../meter-service';
import type { LibraryReference } from '../reference-data';
import { RowRequests, type LibraryImportDef, type RowCells } from './import-runner';
import type { OutCell } from './workbook';

/**
 * The Meter Library as a worksheet (L3). The key parameters exported are the ones the meter must hold next (its
 * pending keys when it has any), so re-importing the file keeps them pending. The OpenPAYGO secret is write-only: the
 * export has no column for it; an import may carry a "Kit secret" column, and a row without one keeps the stored secret.
 * The headers are the grid's ("Id", "Model"). A batch-style row leaves Id empty and fills "Id Range: first" and
 * "Id Range: last" as the New meters (Id Range) dialog takes them: the numbers without their check digit (or the
 * kit serials), at most 10,000 meters a row; every meter of the range gets the row's type, model and keys.
 */
export const METER_COLUMNS = {
  meterNo: 'Id',
  rangeFirst: 'Id Range: first',
  rangeLast: 'Id Range: last',
  type: 'Type',
  model: 'Model',
  sgc: 'SGC',
  ti: 'TI',
  krn: 'KRN',
  keyType: 'Key type',
  algorithm: 'Algorithm',
  baseYear: 'Base date',
  dkga: 'Key derivation',
  kitStartingCode: 'Kit starting code',
  kitCount: 'Kit count',
  kitSecret: 'Kit secret',
  active: 'Active',
  updatedAt: 'Updated',
} as const;
const C = METER_COLUMNS;

export const METER_EXPORT_HEADER = [C.meterNo, C.type, C.model, C.sgc, C.ti, C.krn, C.keyType, C.algorithm, C.baseYear, C.dkga, C.kitStartingCode, C.kitCount, C.active, C.updatedAt] as const;

export function meterCells(row: MeterRow): OutCell[] {
  const keys = row.pendingKeys ?? row.keys;
  return [
    row.meterNo,
    METER_KIND_LABEL[row.meterType],
    row.profileName,
    keys?.sgc ?? null,
    keys?.ti ?? null,
    keys?.krn ?? null,
    keys?.keyType ?? null,
    keys?.algorithm ?? null,
    keys?.baseYear ?? null,
    keys?.dkga ?? null,
    row.kit?.startingCode ?? null,
    row.kit?.count ?? null,
    row.active ? 'Yes' : 'No',
    new Date(row.updatedAt),
  ];
}

/** What one row asks for: the Meter form's request plus the Active flag of the edit form. */
export const MeterImportInput = CreateMeterInput.extend({ active: z.boolean().default(true) });
export type MeterImportInput = z.infer<typeof MeterImportInput>;

function meterKind(text: string): MeterKind | string {
  const lower = text.trim().toLowerCase();
  return METER_KINDS.find((kind) => kind === lower || METER_KIND_LABEL[kind].toLowerCase() === lower) ?? text;
}

/** The meter numbers of a batch-style row, or none with the row's problem noted on the column at fault. */
function rangeNumbers(cells: RowCells, meterNo: string | null, first: string | null, last: string | null, rule: MeterNumberRule | null): string[] {
  if (meterNo !== null) {
    cells.problem(C.meterNo, `${C.meterNo}: a row is one meter (Id) or a batch (Id Range: first and last), not both; empty one of them.`);
    return [];
  }
  if (first === null || last === null) {
    const missing = first === null ? C.rangeFirst : C.rangeLast;
    cells.problem(missing, `${missing}: a batch row needs both the first and the last number of its range.`);
    return [];
  }
  if (rule === null) {
    cells.problem(C.model, `${C.model}: choose one of the listed meter models; the range's numbers depend on it.`);
    return [];
  }
  const plan = planMeterRange(first, last, rule);
  if (!plan.ok) {
    cells.problem(C.rangeFirst, `${C.rangeFirst}: ${plan.problem}`);
    return [];
  }
  return plan.numbers;
}

export function meterImportDef(deps: { meters: MeterService; meterRepo: MetersRepo; reference: LibraryReference }): LibraryImportDef<MeterImportInput> {
  const profileId = (text: string): string => {
    const lower = text.trim().toLowerCase();
    return deps.reference.profiles().find((p) => p.id === text.trim() || p.name.toLowerCase() === lower)?.id ?? text;
  };
  const pending: MeterImportInput[] = [];
  return {
    library: 'meters',
    columns: [
      { name: C.meterNo, required: true },
      { name: C.type, required: true },
      { name: C.model, required: true },
      ...[C.rangeFirst, C.rangeLast, C.sgc, C.ti, C.krn, C.keyType, C.algorithm, C.baseYear, C.dkga, C.kitStartingCode, C.kitCount, C.kitSecret, C.active, C.updatedAt].map((name) => ({ name, required: false })),
    ],
    keyColumn: C.meterNo,
    fieldColumns: { meterNo: C.meterNo, meterType: C.type, profileId: C.model, keys: C.sgc, kit: C.kitStartingCode, active: C.active },
    messageColumns: { 'Meter model': C.model, Type: C.type, 'Key parameters': C.sgc, 'Solar kit settings': C.kitStartingCode },
    toRequest(cells: RowCells) {
      const meterNo = cells.id(C.meterNo);
      const sgc = cells.id(C.sgc);
      const ti = cells.int(C.ti);
      const krn = cells.int(C.krn);
      const keyType = cells.int(C.keyType);
      const algorithm = cells.text(C.algorithm);
      const baseYear = cells.int(C.baseYear);
      const dkga = cells.text(C.dkga);
      const anyKey = [sgc, ti, krn, keyType, algorithm, baseYear, dkga].some((v) => v !== null);
      const startingCode = cells.id(C.kitStartingCode);
      const count = cells.int(C.kitCount);
      const secret = cells.id(C.kitSecret);
      const anyKit = startingCode !== null || count !== null || secret !== null;
      const active = cells.yesNo(C.active);
      const request = (no: string) => ({
        meterNo: no,
        meterType: meterKind(cells.text(C.type) ?? ''),
        profileId: profileId(cells.text(C.model) ?? ''),
        keys: anyKey ? { sgc: sgc ?? '', ti, krn, keyType, algorithm, baseYear, dkga } : null,
        kit: anyKit ? { secret, startingCode, count: count ?? 0 } : null,
        active: active ?? true,
      });
      const first = cells.id(C.rangeFirst);
      const last = cells.id(C.rangeLast);
      if (first === null && last === null) return request(meterNo ?? '');
      const profile = deps.reference.profile(profileId(cells.text(C.model) ?? ''));
      const numbers = rangeNumbers(cells, meterNo, first, last, profile?.active ? meterNumberRule(profile) : null);
      return new RowRequests(numbers.map((no) => ({ key: no, request: request(no) })));
    },
    schema: MeterImportInput,
    apply(input, actor) {
      const current = deps.meterRepo.byMeterNo(input.meterNo.trim());
      if (!current) {
        // new meters are added together at flush: the same checks as the form's create, one audit row for the import
        pending.push(input);
        return 'deferred';
      }
      const after = deps.meters.update(
        { id: current.id, version: current.version, meterType: input.meterType, profileId: input.profileId, keys: input.keys, kit: input.kit, active: input.active },
        actor,
      );
      return after.version === current.version ? 'unchanged' : 'updated';
    },
    flush(actor, audit) {
      // the import's rows go as they are (their Active flag is applied below): no second copy of 100,000 requests
      const problems = deps.meters.createMany(pending, actor, audit);
      if (problems.length === 0) {
        // a row that says Active = No is added, then deactivated, as the form would do it
        for (const input of pending) {
          if (input.active) continue;
          const created = deps.meterRepo.byMeterNo(input.meterNo.trim());
          if (created) deps.meters.update({ id: created.id, version: created.version, meterType: created.meterType, profileId: created.profileId, keys: null, kit: null, active: false }, actor);
        }
      }
      pending.length = 0;
      return problems;
    },
  };
}
