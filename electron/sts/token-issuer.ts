// The engine's TokenIssuer: what the services call to issue tokens (architecture.md section 6). One interface for STS
// meters and OpenPAYGO kits, chosen by the meter's scheme. electron/sts may not import shared/, so the interface is
// defined here and the services adapt it to their port and result envelope.
//
// Keys: the issuer never sees the key store. A provider callback hands it a vending key for a supply group (or a kit's
// secret); the issuer derives the decoder key (DKGA02 or DKGA04), prepares the cipher and keeps the prepared cipher in
// a small LRU keyed by meter and key revision (every derivation input is in the cache key, so a key change or a new
// base date is a new entry). No method returns or logs a key, and error messages name key parameters, never keys.
//
// Deterministic: the TID, RND and OpenPAYGO count are inputs; the issuer reads no clock and draws no random numbers.
import { createDkga02Deriver, type Dkga02Deriver } from './dkga02';
import { createDkga04Deriver, type Dkga04Deriver } from './dkga04';
import { buildKeyChangeTokens } from './key-change';
import { parseMeterPan, type KeyType, type MeterPan } from './meter-number';
import {
  generateOpenPaygoToken, prepareOpenPaygoKey, type OpenPaygoKey, type OpenPaygoToken, type OpenPaygoTokenType,
} from './openpaygo';
import { requireIntInRange, StsInputError } from './result';
import type { StaTables } from './sta-tables';
import { checkKen, KEN_NEVER_EXPIRES, type BaseYear } from './tid';
import { createTokenCipher, type EncryptionAlgorithm, type TokenCipher } from './token-cipher';
import {
  buildCreditToken, buildManagementToken, buildMeterTestToken, type CreditSubclass, type ManagementSubclass,
  type MeterTestTokenInput,
} from './token-builders';

export type DecoderKeyAlgorithm = 'DKGA02' | 'DKGA04';

/** The key a meter holds (or is to hold), by its parameters. */
export type StsKeyParams = Readonly<{
  dkga: DecoderKeyAlgorithm;
  /** EA07 or EA09 with DKGA02; EA07 or EA11 with DKGA04. */
  algorithm: EncryptionAlgorithm;
  /** Supply group code, 6 digits. */
  sgc: string;
  /** Key revision number, 1-9. */
  krn: number;
  keyType: KeyType;
  /** Tariff index, 0-99. */
  ti: number;
  /** The base date the key's TIDs count from (an input of DKGA04). */
  baseYear: BaseYear;
  /** KeyExpiryNumber, 0-255 (default 255, never expires). */
  ken?: number;
}>;

export type StsMeter = Readonly<{
  scheme: 'STS';
  /** The caller's id for the meter (cache key only; never printed with key material). */
  meterId: string;
  /** The 18-digit MeterPAN. */
  pan: string;
  /** The key the meter holds now. */
  key: StsKeyParams;
  /** EA07 STA tables (default: the standard's sample tables). */
  tables?: StaTables;
}>;

export type OpenPaygoKit = Readonly<{
  scheme: 'OPENPAYGO';
  meterId: string;
  /** The kit's 9-digit starting code. */
  startingCode: number;
  /** Which of the kit's secrets to ask the provider for (default 1). */
  keyRevision?: number;
}>;

export type IssuerMeter = StsMeter | OpenPaygoKit;

/** What the issuer asks the key provider for: the vending key of one supply group and key revision. */
export type VendingKeyRequest = Readonly<{
  sgc: string;
  krn: number;
  keyType: KeyType;
  dkga: DecoderKeyAlgorithm;
  baseYear: BaseYear;
}>;

/**
 * Returns the vending key (8 bytes for DKGA02, 20 for DKGA04) or null when the key store has none (or is locked).
 * Return a fresh copy: the issuer wipes the array once it has prepared the key (it keeps the prepared deriver in a
 * small LRU, and the prepared decoder keys). Called again after {@link TokenIssuer.forgetKeys} or an eviction.
 */
export type VendingKeyProvider = (supplyGroup: VendingKeyRequest) => Uint8Array | null;

/** Returns a kit's 16-byte OpenPAYGO secret (a fresh copy: the issuer wipes it after preparing it), or null. */
export type OpenPaygoKeyProvider = (kit: Readonly<{ meterId: string; keyRevision: number }>) => Uint8Array | null;

export type IssueErrorCode = 'KEY_UNAVAILABLE' | 'INVALID_INPUT' | 'KEY_EXPIRED' | 'UNSUPPORTED';

export type IssueError = Readonly<{ code: IssueErrorCode; field: string; message: string }>;

export type IssueResult<T> = Readonly<{ ok: true; value: T }> | Readonly<{ ok: false; error: IssueError }>;

export type IssuedStsToken = Readonly<{
  scheme: 'STS';
  /** 20 digits, no separators. */
  tokenNumber: string;
  tokenClass: number;
  subclass: number;
  /** The TID the token carries (null for test and key-change tokens). */
  tid: number | null;
  /** Credit: tenths actually carried (after rounding up to the field); management: the value carried. */
  value: number | null;
}>;

export type IssuedOpenPaygoToken = Readonly<{
  scheme: 'OPENPAYGO';
  /** 9 digits. */
  code: string;
  type: OpenPaygoTokenType;
  value: number;
  /** Store as the kit's count. */
  newCount: number;
}>;

export type IssuedToken = IssuedStsToken | IssuedOpenPaygoToken;

export type IssuedKeyChangeSet = Readonly<{
  /** In entry order: 2 tokens for 64-bit keys, 4 for 128-bit keys. */
  tokens: readonly IssuedStsToken[];
  keyBits: 64 | 128;
}>;

export type StsCreditRequest = Readonly<{ meter: StsMeter; subclass: CreditSubclass; amountTenths: number; tid: number; rnd: number }>;
/** Add time on a kit: `days` 0-995; `count` is the kit's last count (store the returned newCount). */
export type KitCreditRequest = Readonly<{ meter: OpenPaygoKit; days: number; count: number }>;
export type CreditRequest = StsCreditRequest | KitCreditRequest;

export type StsManagementRequest = Readonly<{ meter: StsMeter; subclass: ManagementSubclass; value: number; tid: number; rnd: number }>;
/** Set time (`days` 0-995), disable PAYG or counter sync on a kit. */
export type KitManagementRequest = Readonly<{
  meter: OpenPaygoKit; action: 'set-time' | 'disable-payg' | 'counter-sync'; days?: number; count: number;
}>;
export type ManagementRequest = StsManagementRequest | KitManagementRequest;

export type KeyChangeRequest = Readonly<{
  /** The meter with the key it holds now (the set is encrypted with it). */
  meter: StsMeter;
  /** The key to move to (same algorithm). */
  next: StsKeyParams;
  /** Roll-over: the meter clears its TID memory (the move to a new base date). */
  rollover?: boolean;
}>;

export type TestTokenRequest = MeterTestTokenInput;

/** Issues tokens. Every method is synchronous, deterministic for its inputs, and never throws for bad input. */
export interface TokenIssuer {
  /** STS class 0 credit (the TID must be unique and rising per meter: the caller allocates it), or OpenPAYGO add time. */
  credit(request: StsCreditRequest): IssueResult<IssuedStsToken>;
  credit(request: KitCreditRequest): IssueResult<IssuedOpenPaygoToken>;
  credit(request: CreditRequest): IssueResult<IssuedToken>;
  /** STS class 2 management (subclasses 0, 1, 2, 5, 6, 7), or OpenPAYGO set time / disable PAYG / counter sync. */
  management(request: StsManagementRequest): IssueResult<IssuedStsToken>;
  management(request: KitManagementRequest): IssueResult<IssuedOpenPaygoToken>;
  management(request: ManagementRequest): IssueResult<IssuedToken>;
  /** The key-change set moving an STS meter from its current key to `next`. */
  keyChange(request: KeyChangeRequest): IssueResult<IssuedKeyChangeSet>;
  /** Class 1 test/display token: needs no key. */
  testToken(request: TestTokenRequest): IssueResult<IssuedStsToken>;
  /** Drops every cached key (call when the key store locks). */
  forgetKeys(): void;
}

export type TokenIssuerOptions = Readonly<{
  vendingKeyProvider: VendingKeyProvider;
  openPaygoKeyProvider?: OpenPaygoKeyProvider;
  /** Prepared decoder keys kept (default 256). */
  cacheSize?: number;
}>;

/** A Map used as a least-recently-used cache. */
class Lru<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}

class IssueFailure extends Error {
  constructor(readonly issueError: IssueError) {
    super(issueError.message);
  }
}

function failure(code: IssueErrorCode, field: string, message: string): IssueFailure {
  return new IssueFailure({ code, field, message });
}

/** Runs `body`, turning input errors into INVALID_INPUT and issue failures into their error. Programming errors rethrow. */
function attempt<T>(body: () => T): IssueResult<T> {
  try {
    return { ok: true, value: body() };
  } catch (error) {
    if (error instanceof IssueFailure) return { ok: false, error: error.issueError };
    if (error instanceof StsInputError) return { ok: false, error: { code: 'INVALID_INPUT', field: error.field, message: error.message } };
    throw error;
  }
}

/** Narrows a request union by its meter's scheme. */
function isForKit<R extends { meter: IssuerMeter }>(request: R): request is Extract<R, { meter: OpenPaygoKit }> {
  return request.meter.scheme === 'OPENPAYGO';
}

type Deriver = { dkga: 'DKGA02'; derive: Dkga02Deriver } | { dkga: 'DKGA04'; derive: Dkga04Deriver };

export function createTokenIssuer(options: TokenIssuerOptions): TokenIssuer {
  const cacheSize = options.cacheSize ?? 256;
  requireIntInRange('cacheSize', cacheSize, 1, 1_000_000);
  const ciphers = new Lru<TokenCipher>(cacheSize);
  const derivers = new Lru<Deriver>(16);
  const kitKeys = new Lru<OpenPaygoKey>(cacheSize);
  const tableIds = new WeakMap<StaTables, number>();
  let nextTableId = 1;

  function checkCombination(key: StsKeyParams): void {
    const allowed: Record<DecoderKeyAlgorithm, readonly EncryptionAlgorithm[]> = { DKGA02: ['EA07', 'EA09'], DKGA04: ['EA07', 'EA11'] };
    if (!allowed[key.dkga].includes(key.algorithm)) {
      throw failure('UNSUPPORTED', 'algorithm', `${key.dkga} does not make keys for ${key.algorithm}; use ${allowed[key.dkga].join(' or ')}.`);
    }
  }

  function deriverFor(key: StsKeyParams): Deriver {
    const request: VendingKeyRequest = { sgc: key.sgc, krn: key.krn, keyType: key.keyType, dkga: key.dkga, baseYear: key.baseYear };
    const id = `${key.dkga}|${key.sgc}|${key.krn}|${key.keyType}|${key.dkga === 'DKGA04' ? key.baseYear : ''}`;
    const cached = derivers.get(id);
    if (cached) return cached;
    const vendingKey = options.vendingKeyProvider(request);
    if (vendingKey === null) {
      throw failure('KEY_UNAVAILABLE', 'vendingKey',
        `No vending key for supply group ${key.sgc}, key revision ${key.krn}, key type ${key.keyType} (${key.dkga}); load it into the key store or unlock it.`);
    }
    let deriver: Deriver;
    try {
      deriver = key.dkga === 'DKGA02'
        ? { dkga: 'DKGA02', derive: createDkga02Deriver(vendingKey) }
        : { dkga: 'DKGA04', derive: createDkga04Deriver(vendingKey) };
    } finally {
      vendingKey.fill(0);
    }
    derivers.set(id, deriver);
    return deriver;
  }

  function deriveKey(pan: MeterPan, key: StsKeyParams): Uint8Array {
    const deriver = deriverFor(key);
    const base = { pan, keyType: key.keyType, sgc: key.sgc, ti: key.ti, krn: key.krn };
    return deriver.dkga === 'DKGA02'
      ? deriver.derive(base)
      : deriver.derive({ ...base, baseYear: key.baseYear, algorithm: key.algorithm === 'EA11' ? 'EA11' : 'EA07' });
  }

  function panOf(meter: StsMeter): MeterPan {
    const parsed = parseMeterPan(meter.pan, 'pan');
    if (!parsed.ok) throw failure('INVALID_INPUT', parsed.error.field, parsed.error.message);
    return parsed.value;
  }

  function cipherFor(meter: StsMeter, key: StsKeyParams = meter.key): TokenCipher {
    checkCombination(key);
    const tablesId = meter.tables === undefined ? 0 : tableIdOf(meter.tables);
    const id = [meter.meterId, meter.pan, key.dkga, key.algorithm, key.sgc, key.krn, key.keyType, key.ti, key.baseYear, tablesId].join('|');
    const cached = ciphers.get(id);
    if (cached) return cached;
    const decoderKey = deriveKey(panOf(meter), key);
    const cipher = createTokenCipher({ algorithm: key.algorithm, decoderKey, tables: meter.tables });
    decoderKey.fill(0);
    ciphers.set(id, cipher);
    return cipher;
  }

  /** A number per STA table object, so a meter given other tables gets another cache entry. */
  function tableIdOf(tables: StaTables): number {
    let id = tableIds.get(tables);
    if (id === undefined) {
      id = nextTableId++;
      tableIds.set(tables, id);
    }
    return id;
  }

  function checkTid(meter: StsMeter, tid: number): void {
    const checked = checkKen(tid, meter.key.ken ?? KEN_NEVER_EXPIRES);
    if (!checked.ok) throw failure('KEY_EXPIRED', checked.error.field, checked.error.message);
  }

  function kitKey(kit: OpenPaygoKit): OpenPaygoKey {
    const keyRevision = kit.keyRevision ?? 1;
    const id = `${kit.meterId}|${keyRevision}`;
    const cached = kitKeys.get(id);
    if (cached) return cached;
    const secret = options.openPaygoKeyProvider?.({ meterId: kit.meterId, keyRevision }) ?? null;
    if (secret === null) {
      throw failure('KEY_UNAVAILABLE', 'openPaygoKey', `No OpenPAYGO secret for kit ${kit.meterId} (revision ${keyRevision}); load it into the key store or unlock it.`);
    }
    let prepared: OpenPaygoKey;
    try {
      prepared = prepareOpenPaygoKey(secret);
    } finally {
      secret.fill(0);
    }
    kitKeys.set(id, prepared);
    return prepared;
  }

  function openPaygo(kit: OpenPaygoKit, count: number, type: OpenPaygoTokenType, value?: number): IssuedOpenPaygoToken {
    let token: OpenPaygoToken;
    try {
      token = generateOpenPaygoToken({ key: kitKey(kit), startingCode: kit.startingCode, count, type, value });
    } catch (error) {
      // The request names the value `days`.
      if (error instanceof StsInputError && error.field === 'value') throw new StsInputError('days', error.message.replace(/^value: /, ''));
      throw error;
    }
    return { scheme: 'OPENPAYGO', code: token.code, type: token.type, value: token.value, newCount: token.newCount };
  }

  function credit(request: StsCreditRequest): IssueResult<IssuedStsToken>;
  function credit(request: KitCreditRequest): IssueResult<IssuedOpenPaygoToken>;
  function credit(request: CreditRequest): IssueResult<IssuedToken>;
  function credit(request: CreditRequest): IssueResult<IssuedToken> {
    return attempt((): IssuedToken => {
      if (isForKit(request)) return openPaygo(request.meter, request.count, 'ADD_TIME', request.days);
      const { meter, subclass, amountTenths, tid, rnd } = request;
      checkTid(meter, tid);
      const built = buildCreditToken({ cipher: cipherFor(meter), subclass, amountTenths, tid, rnd });
      return { scheme: 'STS', tokenNumber: built.tokenNumber, tokenClass: 0, subclass: built.subclass, tid, value: built.amountTenths };
    });
  }

  function management(request: StsManagementRequest): IssueResult<IssuedStsToken>;
  function management(request: KitManagementRequest): IssueResult<IssuedOpenPaygoToken>;
  function management(request: ManagementRequest): IssueResult<IssuedToken>;
  function management(request: ManagementRequest): IssueResult<IssuedToken> {
    return attempt((): IssuedToken => {
      if (isForKit(request)) {
        const type: OpenPaygoTokenType = request.action === 'set-time'
          ? 'SET_TIME'
          : request.action === 'disable-payg' ? 'DISABLE_PAYG' : 'COUNTER_SYNC';
        return openPaygo(request.meter, request.count, type, type === 'SET_TIME' ? request.days : undefined);
      }
      const { meter, subclass, value, tid, rnd } = request;
      checkTid(meter, tid);
      const built = buildManagementToken({ cipher: cipherFor(meter), subclass, value, tid, rnd });
      return { scheme: 'STS', tokenNumber: built.tokenNumber, tokenClass: 2, subclass: built.subclass, tid, value: built.value };
    });
  }

  return {
    credit,
    management,

    keyChange(request) {
      return attempt((): IssuedKeyChangeSet => {
        const { meter, next } = request;
        if (next.algorithm !== meter.key.algorithm) {
          throw failure('UNSUPPORTED', 'algorithm', `A key change keeps the meter's algorithm (${meter.key.algorithm}); got ${next.algorithm}.`);
        }
        checkCombination(next);
        const oldCipher = cipherFor(meter);
        const newKey = deriveKey(panOf(meter), next);
        try {
          const set = buildKeyChangeTokens({
            cipher: oldCipher, newDecoderKey: newKey, keyType: next.keyType, krn: next.krn, ti: next.ti,
            ken: next.ken ?? KEN_NEVER_EXPIRES, rollover: request.rollover === true, sgc: next.sgc,
          });
          return {
            keyBits: set.keyBits,
            tokens: set.tokens.map((t) => ({
              scheme: 'STS' as const, tokenNumber: t.tokenNumber, tokenClass: 2, subclass: t.subclass, tid: null, value: null,
            })),
          };
        } finally {
          newKey.fill(0);
        }
      });
    },

    testToken(request) {
      return attempt((): IssuedStsToken => {
        const built = buildMeterTestToken(request);
        return { scheme: 'STS', tokenNumber: built.tokenNumber, tokenClass: 1, subclass: built.subclass, tid: null, value: null };
      });
    },

    forgetKeys() {
      ciphers.clear();
      derivers.clear();
      kitKeys.clear();
    },
  };
}
