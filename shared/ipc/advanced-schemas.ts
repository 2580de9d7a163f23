import { z } from 'zod';
import { listRequest, listResponse } from './list';

/**
 * The Advanced Center's management tokens (A1): the request of each action, the stored record every action returns
 * (and a reprint replays), the records query, the rollover list, the token decoder and Login History.
 */
export const MANAGEMENT_KINDS = ['setMaxOverdraft', 'clearCredit', 'clearTamper', 'setMaxPower', 'keyChange', 'meterTest'] as const;
export const ManagementKind = z.enum(MANAGEMENT_KINDS);
export type ManagementKind = z.infer<typeof ManagementKind>;

export const MANAGEMENT_KIND_LABEL: Readonly<Record<ManagementKind, string>> = {
  setMaxOverdraft: 'Set Max Overdraft',
  clearCredit: 'Clear Credit',
  clearTamper: 'Clear Tamper',
  setMaxPower: 'Set Max Power',
  keyChange: 'Key Change',
  meterTest: 'Meter Test',
};

const idempotencyKey = z.string().min(8, 'the request id is at least 8 characters').max(80);
const id = z.string().min(1, 'choose a row').max(64);

export const AccountActionInput = z.object({ accountId: id, idempotencyKey }).strict();
export type AccountActionInput = z.infer<typeof AccountActionInput>;

export const SetMaxOverdraftInput = AccountActionInput.extend({
  /** The overdraft in the meter's unit, as typed ("10" or "12.5"). */
  overdraft: z.string().trim().regex(/^\d{1,7}(\.\d)?$/, 'Max Overdraft: type a number of units with at most one decimal'),
}).strict();
export type SetMaxOverdraftInput = z.infer<typeof SetMaxOverdraftInput>;

export const SetMaxPowerInput = AccountActionInput.extend({
  watts: z.number({ error: 'Max Power: type the limit in watts' }).int('Max Power: type whole watts').min(0, 'Max Power: 0 W or more').max(1_000_000, 'Max Power: at most 1,000,000 W'),
}).strict();
export type SetMaxPowerInput = z.infer<typeof SetMaxPowerInput>;

export const NewKeyInput = z.object({
  sgc: z.string().regex(/^\d{6}$/, 'New SGC: six digits'),
  ti: z.number().int().min(0, 'New TI: 0 to 99').max(99, 'New TI: 0 to 99'),
  krn: z.number().int().min(1, 'New KRN: 1 to 9').max(9, 'New KRN: 1 to 9'),
  keyType: z.number().int().min(0, 'New key type: 0 to 3').max(3, 'New key type: 0 to 3'),
  baseYear: z.union([z.literal(1993), z.literal(2014), z.literal(2035)], { error: 'New base date: 1993, 2014 or 2035' }),
}).strict();
export type NewKeyInput = z.infer<typeof NewKeyInput>;

/** Key change: to the parameters given, or (when `next` is null) to the meter's pending key parameters. */
export const KeyChangeInput = z.object({ meterId: id, next: NewKeyInput.nullable().default(null), idempotencyKey }).strict();
export type KeyChangeInput = z.infer<typeof KeyChangeInput>;

export const TestTokenInput = z.object({
  meterId: id,
  /** One bit per test (bit 0: test all). */
  control: z.number().int().min(0).max(2 ** 28 - 1).default(1),
  idempotencyKey,
}).strict();
export type TestTokenInput = z.infer<typeof TestTokenInput>;

export const ManagementRecord = z.object({
  id: z.string(),
  kind: ManagementKind,
  accountId: z.string().nullable(),
  accountNo: z.string().nullable(),
  customerNo: z.string().nullable(),
  /** The customer's name ("User Coder" on the seed's screens). */
  customerName: z.string().nullable(),
  meterId: z.string(),
  meterNo: z.string(),
  valueText: z.string().nullable(),
  valueNumber: z.number().int().nullable(),
  params: z.record(z.string(), z.unknown()),
  tid: z.number().int().nullable(),
  baseYear: z.number().int().nullable(),
  tidDate: z.string().nullable(),
  keyParams: z.string().nullable(),
  receiptMark: z.string().nullable(),
  operatorLoginId: z.string(),
  operatorName: z.string(),
  createdAt: z.string(),
  tokens: z.array(z.string()),
});
export type ManagementRecord = z.infer<typeof ManagementRecord>;

export const ManagementResult = z.object({ record: ManagementRecord, replayed: z.boolean(), printQueued: z.boolean() });
export type ManagementResult = z.infer<typeof ManagementResult>;

export const ManagementRecordsInput = listRequest(['createdAt'] as const).extend({ kind: ManagementKind }).strict();
export type ManagementRecordsInput = z.infer<typeof ManagementRecordsInput>;
export const ManagementRecordsResult = listResponse(ManagementRecord);
export type ManagementRecordsResult = z.infer<typeof ManagementRecordsResult>;

export const ManagementExportInput = z.object({ kind: ManagementKind, search: z.string().max(100).default('') }).strict();
export type ManagementExportInput = z.infer<typeof ManagementExportInput>;

export const RecordIdInput = z.object({ id }).strict();

/** What the Set Max Overdraft action can do for an account's meter (the screen disables it with the reason). */
export const OverdraftSupport = z.object({ supported: z.boolean(), reason: z.string().nullable(), receiptMark: z.string().nullable() });
export type OverdraftSupport = z.infer<typeof OverdraftSupport>;

export const RolloverCandidate = z.object({
  meterId: z.string(),
  meterNo: z.string(),
  profileName: z.string(),
  keyParams: z.string(),
  baseYear: z.number().int(),
  krn: z.number().int(),
  pending: z.boolean(),
  why: z.string(),
});
export type RolloverCandidate = z.infer<typeof RolloverCandidate>;
export const RolloverCandidatesInput = listRequest(['meterNo'] as const);
export const RolloverCandidatesResult = listResponse(RolloverCandidate);
export type RolloverCandidatesResult = z.infer<typeof RolloverCandidatesResult>;

export const DecodeInput = z.object({
  token: z.string().trim().min(1, 'Token: paste the 20 digits'),
  meterId: id,
}).strict();
export type DecodeInput = z.infer<typeof DecodeInput>;

export const DECODE_VERDICTS = ['issued-here', 'not-issued-here', 'check-failed', 'old-tid'] as const;
export const DecodeVerdict = z.enum(DECODE_VERDICTS);
export type DecodeVerdict = z.infer<typeof DecodeVerdict>;

export const DecodeResult = z.object({
  verdict: DecodeVerdict,
  /** The sentence the screen shows. */
  message: z.string(),
  tokenClass: z.number().int(),
  subclass: z.number().int(),
  /** What the token carries ("Credit 12.5 kWh", "Clear Tamper"), when the check passed. */
  meaning: z.string().nullable(),
  tid: z.number().int().nullable(),
  lastTid: z.number().int().nullable(),
  sale: z.object({ id: z.string(), receiptNo: z.string(), soldAt: z.string(), customerNo: z.string(), operatorLoginId: z.string() }).nullable(),
  record: z.object({ id: z.string(), kind: ManagementKind, createdAt: z.string(), customerNo: z.string().nullable(), operatorLoginId: z.string() }).nullable(),
});
export type DecodeResult = z.infer<typeof DecodeResult>;

export const LoginHistoryRow = z.object({
  id: z.string(),
  time: z.string(),
  loginId: z.string(),
  stationId: z.string(),
  result: z.enum(['success', 'failure', 'locked']),
  reason: z.string(),
});
export type LoginHistoryRow = z.infer<typeof LoginHistoryRow>;
export const LoginHistoryInput = listRequest(['time'] as const);
export type LoginHistoryInput = z.infer<typeof LoginHistoryInput>;
export const LoginHistoryResult = listResponse(LoginHistoryRow);
export type LoginHistoryResult = z.infer<typeof LoginHistoryResult>;
export const LoginHistoryExportInput = z.object({ search: z.string().max(100).default('') }).strict();

export const RolloverPendingInput = z.object({ meterIds: z.array(id).min(1, 'choose at least one meter').max(500) }).strict();
export const RolloverPendingResult = z.object({ marked: z.number().int(), skipped: z.number().int() });
