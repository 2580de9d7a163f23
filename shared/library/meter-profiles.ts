import type { MeterKind } from '../format/units';
import type { TokenScheme } from '../money/carriable';
import { DEFAULT_BASE_YEAR, type KeyDefaults } from './key-params';
import type { MeterNumberRule } from './meter-number';

/**
 * Meter model profiles: what TokenTill knows about a model of meter. The manufacturer code (the DRN's 2- or 4-digit
 * prefix), the kind (the seed's list: integrated or split keypad single- or three-phase electricity, integrated or
 * split keypad water and gas, home solar kit, other), the token scheme (STS or OpenPAYGO), the key parameters a new
 * meter of the model starts with, which management tokens it takes, and manufacturer-specific encodings.
 *
 * Set Max Overdraft has no STS standard token: its encoding belongs to the manufacturer and is read from the profile,
 * never guessed (architecture.md section 6). Manufacturer 58 (the seed's meters) has not published it, so its
 * profiles say so and the action stays disabled for them. The "TokenTill test meter" carries TokenTill's own encoding,
 * flagged test-only, so the whole flow can be exercised with the virtual meter; no real meter understands it.
 *
 * These built-in profiles are shipped with the app and written to the meter_profiles table at start-up
 * (electron/services/library/reference-data.ts), inserted when missing and rewritten when their definition changes:
 * a generated migration cannot carry rows, and start-up seeding also reaches databases set up before this table.
 * Their ids are stable words, the same at every station.
 */
export const PROFILE_KINDS = [
  'integrated-single-phase-electricity',
  'split-single-phase-electricity',
  'integrated-three-phase-electricity',
  'split-three-phase-electricity',
  'integrated-water',
  'split-water',
  'integrated-gas',
  'split-gas',
  'home-solar-kit',
  'other',
] as const;
export type ProfileKind = (typeof PROFILE_KINDS)[number];

export const PROFILE_KIND_LABEL: Readonly<Record<ProfileKind, string>> = {
  'integrated-single-phase-electricity': 'Integrated keypad single-phase electricity meter',
  'split-single-phase-electricity': 'Split keypad single-phase electricity meter',
  'integrated-three-phase-electricity': 'Integrated keypad three-phase electricity meter',
  'split-three-phase-electricity': 'Split keypad three-phase electricity meter',
  'integrated-water': 'Integrated keypad water meter',
  'split-water': 'Split keypad water meter',
  'integrated-gas': 'Integrated keypad gas meter',
  'split-gas': 'Split keypad gas meter',
  'home-solar-kit': 'Home solar kit',
  other: 'Other compatible meter',
};

/** The meter type a kind fixes; "other" leaves the type to the operator. */
export const METER_TYPE_OF_KIND: Readonly<Record<ProfileKind, MeterKind | null>> = {
  'integrated-single-phase-electricity': 'electricity',
  'split-single-phase-electricity': 'electricity',
  'integrated-three-phase-electricity': 'electricity',
  'split-three-phase-electricity': 'electricity',
  'integrated-water': 'water',
  'split-water': 'water',
  'integrated-gas': 'gas',
  'split-gas': 'gas',
  'home-solar-kit': 'solar-kit',
  other: null,
};

export const MANAGEMENT_TOKENS = [
  'clearCredit',
  'clearTamper',
  'setMaxPower',
  'setPhaseUnbalance',
  'setWaterFactor',
  'keyChange',
  'meterTest',
  'setMaxOverdraft',
  'setTime',
  'disablePayg',
  'counterSync',
] as const;
export type ManagementToken = (typeof MANAGEMENT_TOKENS)[number];

export type EncodingStatus = 'published' | 'not-published' | 'test-only';

/** A manufacturer-specific token: how it is coded, or why it cannot be issued. */
export interface ManufacturerEncoding {
  readonly status: EncodingStatus;
  /** A sentence for the operator: where the encoding comes from, or why the action is disabled. */
  readonly note: string;
  /** How the token is built, when the encoding is known. */
  readonly token?: Readonly<{ tokenClass: 2; subclass: number; value: 'transfer-amount-tenths' }>;
  /** Printed on the receipt of a token made with a test-only encoding. */
  readonly receiptMark?: string;
}

export interface MeterProfile {
  readonly id: string;
  readonly name: string;
  /** The DRN's manufacturer code (2 or 4 digits) for STS models; null when any code is accepted. */
  readonly manufacturerCode: string | null;
  readonly kind: ProfileKind;
  readonly scheme: TokenScheme;
  /** OpenPAYGO kits: every serial of the model starts with this. */
  readonly serialPrefix: string | null;
  /** STS: what a new meter of the model starts with (the SGC is the utility's own, so it may be empty). */
  readonly defaultKeys: KeyDefaults | null;
  readonly managementTokens: readonly ManagementToken[];
  readonly encodings: Readonly<{ setMaxOverdraft: ManufacturerEncoding }>;
  /** A profile for tests and demonstrations only; its tokens are marked on receipts. */
  readonly testOnly: boolean;
}

/** Profiles change meaning only with a new revision; start-up seeding rewrites a row whose revision is older. */
export const BUILT_IN_PROFILES_REVISION = 1;

const STS_DEFAULTS: KeyDefaults = { sgc: null, ti: 1, krn: 1, keyType: 2, algorithm: 'EA07', baseYear: DEFAULT_BASE_YEAR, dkga: 'DKGA02' };
/** The public test supply group of the STS conformance vectors (sts-spec.md 8.5), used by the test meter and the demo. */
export const TEST_SUPPLY_GROUP = '123456';

const NOT_PUBLISHED: ManufacturerEncoding = {
  status: 'not-published',
  note: 'The manufacturer has not published how this model codes Set Max Overdraft, so TokenTill cannot issue it for this meter.',
};

const STS_ELECTRICITY_TOKENS: readonly ManagementToken[] = ['clearCredit', 'clearTamper', 'setMaxPower', 'keyChange', 'meterTest', 'setMaxOverdraft'];
const STS_THREE_PHASE_TOKENS: readonly ManagementToken[] = [...STS_ELECTRICITY_TOKENS, 'setPhaseUnbalance'];
const STS_WATER_TOKENS: readonly ManagementToken[] = ['clearCredit', 'clearTamper', 'keyChange', 'meterTest', 'setWaterFactor', 'setMaxOverdraft'];
const STS_GAS_TOKENS: readonly ManagementToken[] = ['clearCredit', 'clearTamper', 'keyChange', 'meterTest', 'setMaxOverdraft'];
const OPENPAYGO_TOKENS: readonly ManagementToken[] = ['setTime', 'disablePayg', 'counterSync'];

function manufacturer58(kind: Exclude<ProfileKind, 'home-solar-kit' | 'other'>, tokens: readonly ManagementToken[]): MeterProfile {
  return {
    id: `m58-${kind}`,
    name: `Manufacturer 58 - ${PROFILE_KIND_LABEL[kind]}`,
    manufacturerCode: '58',
    kind,
    scheme: 'STS',
    serialPrefix: null,
    defaultKeys: STS_DEFAULTS,
    managementTokens: tokens,
    encodings: { setMaxOverdraft: NOT_PUBLISHED },
    testOnly: false,
  };
}

export const BUILT_IN_PROFILES: readonly MeterProfile[] = [
  manufacturer58('integrated-single-phase-electricity', STS_ELECTRICITY_TOKENS),
  manufacturer58('split-single-phase-electricity', STS_ELECTRICITY_TOKENS),
  manufacturer58('integrated-three-phase-electricity', STS_THREE_PHASE_TOKENS),
  manufacturer58('split-three-phase-electricity', STS_THREE_PHASE_TOKENS),
  manufacturer58('integrated-water', STS_WATER_TOKENS),
  manufacturer58('split-water', STS_WATER_TOKENS),
  manufacturer58('integrated-gas', STS_GAS_TOKENS),
  manufacturer58('split-gas', STS_GAS_TOKENS),
  {
    id: 'm58-home-solar-kit',
    name: 'Manufacturer 58 - Home solar kit (OpenPAYGO)',
    manufacturerCode: null,
    kind: 'home-solar-kit',
    scheme: 'OpenPAYGO',
    serialPrefix: '58',
    defaultKeys: null,
    managementTokens: OPENPAYGO_TOKENS,
    encodings: { setMaxOverdraft: NOT_PUBLISHED },
    testOnly: false,
  },
  {
    id: 'other-sts',
    name: 'Other STS meter (any manufacturer code)',
    manufacturerCode: null,
    kind: 'other',
    scheme: 'STS',
    serialPrefix: null,
    defaultKeys: STS_DEFAULTS,
    managementTokens: ['clearCredit', 'clearTamper', 'setMaxPower', 'keyChange', 'meterTest'],
    encodings: { setMaxOverdraft: { status: 'not-published', note: 'An unknown model has no known Set Max Overdraft encoding; choose the meter\'s own profile.' } },
    testOnly: false,
  },
  {
    id: 'other-openpaygo',
    name: 'Other OpenPAYGO solar kit',
    manufacturerCode: null,
    kind: 'home-solar-kit',
    scheme: 'OpenPAYGO',
    serialPrefix: '',
    defaultKeys: null,
    managementTokens: OPENPAYGO_TOKENS,
    encodings: { setMaxOverdraft: { status: 'not-published', note: 'OpenPAYGO kits have no overdraft.' } },
    testOnly: false,
  },
  {
    id: 'tokentill-test-meter',
    name: 'TokenTill test meter',
    manufacturerCode: '00',
    kind: 'integrated-single-phase-electricity',
    scheme: 'STS',
    serialPrefix: null,
    defaultKeys: { ...STS_DEFAULTS, sgc: TEST_SUPPLY_GROUP },
    managementTokens: [...STS_ELECTRICITY_TOKENS, 'setPhaseUnbalance', 'setWaterFactor'],
    encodings: {
      setMaxOverdraft: {
        status: 'test-only',
        note:
          "TokenTill's own encoding for its virtual test meter, not any manufacturer's: an STS class 2 token with the " +
          'subclass 10 the standard leaves reserved, carrying RND, TID and the overdraft in tenths of the unit coded ' +
          'like a TransferAmount, with the usual CRC and encryption. No real meter understands it.',
        token: { tokenClass: 2, subclass: 10, value: 'transfer-amount-tenths' },
        receiptMark: 'TEST METER',
      },
    },
    testOnly: true,
  },
];

export function builtInProfile(id: string): MeterProfile | undefined {
  return BUILT_IN_PROFILES.find((profile) => profile.id === id);
}

/** How the Meter Library checks a number for this profile. */
export function meterNumberRule(profile: Pick<MeterProfile, 'scheme' | 'manufacturerCode' | 'serialPrefix'>): MeterNumberRule {
  return profile.scheme === 'STS'
    ? { scheme: 'STS', manufacturerCode: profile.manufacturerCode }
    : { scheme: 'OpenPAYGO', serialPrefix: profile.serialPrefix ?? '' };
}

/** The meter types a profile allows: the one its kind fixes, or for "other" every type its scheme can serve. */
export function meterTypesFor(profile: Pick<MeterProfile, 'kind' | 'scheme'>): readonly MeterKind[] {
  const fixed = METER_TYPE_OF_KIND[profile.kind];
  if (fixed !== null) return [fixed];
  return profile.scheme === 'STS' ? ['electricity', 'water', 'gas'] : ['solar-kit'];
}
