import { channel, type ChannelName, type ChannelSpec } from '../channel-spec';
import { ExportFile } from '../access-schemas';
import {
  AccountActionInput, DecodeInput, DecodeResult, KeyChangeInput, LoginHistoryExportInput, LoginHistoryInput, LoginHistoryResult,
  ManagementExportInput, ManagementRecordsInput, ManagementRecordsResult, ManagementResult, OverdraftSupport, RecordIdInput,
  RolloverCandidatesInput, RolloverCandidatesResult, RolloverPendingInput, RolloverPendingResult, SetMaxOverdraftInput, SetMaxPowerInput, TestTokenInput,
} from '../advanced-schemas';

/**
 * The Advanced Center's management tokens (A1), their records, the roll-over list, the token decoder and Login
 * History. Each action has its own permission; every action commits its record (with audit and outbox rows) before it
 * answers, and the same request id returns the first record.
 */
export const advancedChannels = {
  'advanced.setMaxOverdraft': channel({
    request: SetMaxOverdraftInput,
    response: ManagementResult,
    access: 'advanced.setMaxOverdraft',
    summary: "Issues a Set Max Overdraft token where the meter model's profile defines the encoding, and records the account's max overdraft.",
  }),
  'advanced.overdraftSupport': channel({
    request: AccountActionInput.pick({ accountId: true }),
    response: OverdraftSupport,
    access: 'advanced.setMaxOverdraft',
    summary: "Whether the account's meter model can take a Set Max Overdraft token, and why not.",
  }),
  'advanced.clearCredit': channel({
    request: AccountActionInput,
    response: ManagementResult,
    access: 'advanced.clearCredit',
    summary: 'Issues a Clear Credit token (STS 2/1, all registers) for the account\'s meter.',
  }),
  'advanced.clearTamper': channel({
    request: AccountActionInput,
    response: ManagementResult,
    access: 'advanced.clearTamper',
    summary: "Issues a Clear Tamper token (STS 2/5) for the account's meter.",
  }),
  'advanced.setMaxPower': channel({
    request: SetMaxPowerInput,
    response: ManagementResult,
    access: 'advanced.setMaxPower',
    summary: "Issues a Set Maximum Power Limit token (STS 2/0, watts) for the account's meter.",
  }),
  'advanced.keyChange': channel({
    request: KeyChangeInput,
    response: ManagementResult,
    access: 'advanced.keyChange',
    summary: "Issues the key-change set (2 or 4 tokens) to the given or pending key parameters; the meter's new key becomes current.",
  }),
  'advanced.testToken': channel({
    request: TestTokenInput,
    response: ManagementResult,
    access: 'advanced.testToken',
    summary: 'Issues a meter test token (STS class 1).',
  }),
  'advanced.records': channel({
    request: ManagementRecordsInput,
    response: ManagementRecordsResult,
    access: 'advanced.records',
    summary: 'The records of one management token kind, newest first, with a keyword search; audited.',
  }),
  'advanced.recordsExport': channel({
    request: ManagementExportInput,
    response: ExportFile,
    access: 'advanced.records',
    summary: 'The records of one kind matching a keyword as an Excel file; audited.',
  }),
  'advanced.reprint': channel({
    request: RecordIdInput,
    response: ManagementResult,
    access: 'advanced.records',
    summary: 'The stored record printed again marked COPY; never a new token.',
  }),
  'advanced.rolloverCandidates': channel({
    request: RolloverCandidatesInput,
    response: RolloverCandidatesResult,
    access: 'advanced.keyChange',
    summary: 'Meters still on base date 1993 or KRN 1 (the 2024 TID roll-over).',
  }),
  'advanced.rolloverPending': channel({
    request: RolloverPendingInput,
    response: RolloverPendingResult,
    access: 'advanced.keyChange',
    summary: 'Marks roll-over meters pending (base date 2014, KRN 2 for KRN 1): the next vend bundles the key-change set.',
  }),
  'tokens.decode': channel({
    request: DecodeInput,
    response: DecodeResult,
    access: 'tokens.decode',
    summary: "Decodes a token under a meter's key: issued here, not issued here, fails the check, or older than the meter's last TID; audited.",
  }),
  'loginHistory.list': channel({
    request: LoginHistoryInput,
    response: LoginHistoryResult,
    access: 'loginHistory.view',
    summary: 'Every login attempt, newest first (time, user id, station, result, reason); audited.',
  }),
  'loginHistory.export': channel({
    request: LoginHistoryExportInput,
    response: ExportFile,
    access: 'loginHistory.view',
    summary: 'Login History matching a keyword as an Excel file; audited.',
  }),
} as const satisfies Record<ChannelName, ChannelSpec>;
