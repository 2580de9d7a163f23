// The token engine's public surface. Services import from 'electron/sts' (this barrel) only.
export { fail, ok, StsInputError, type StsFieldError, type StsResult } from './result';
export { bytesToHex, bytesToHalves, halvesToBigInt, halvesToBytes, parseHexBytes, toHex } from './hex';
export {
  formatTokenForDisplay, formatTokenNumber, insertClassBits, MAX_TOKEN_NUMBER, parseTokenNumber, removeClassBits,
  TOKEN_DIGITS, tokenNumberFromHalves, type TokenClass,
} from './token-number';
export { crc16Modbus, isStsCrcValid, stsCrcField, stsCrcFieldFromHalves } from './crc16';
export {
  AMOUNT_MAX, decodeTransferAmount, encodeTransferAmount, floorToEncodable, formatTenths, isEncodable,
  parseDecimalTenths, parseWholeNumber,
} from './transfer-amount';
export {
  BASE_YEARS, baseDateOf, checkKen, dateFromTid, isBaseYear, KEN_NEVER_EXPIRES, lastTidTime, MAX_TID, tidFromDate,
  type BaseYear,
} from './tid';
export {
  classifyStaTables, parseStaTables, PRODUCTION_STA_FINGERPRINTS, SAMPLE_STA_TABLES, tableFingerprint,
  validateStaTables, type StaTables, type StaTableStatus,
} from './sta-tables';
export {
  prepareStaKey, staAlignKey, staDecrypt, staDecryptHalves, staEncrypt, staEncryptHalves, type StaKeySchedule,
} from './sta';
export {
  desDecryptBlock, desDecryptHalves, desEncryptBlock, desEncryptHalves, prepareDesKey, type DesKeySchedule,
} from './des';
export {
  controlBlock, controlBlockDigits, IIN_11_DIGIT_DRN, IIN_13_DIGIT_DRN, isLuhnValid, luhnCheckDigit, meterPanFromDrn,
  panBlock, panBlockDigits, parseDrn, parseMeterPan, parseSgc, type ControlBlockInput, type Drn, type KeyType,
  type MeterPan,
} from './meter-number';
export { createDkga02Deriver, deriveDecoderKeyDkga02, type Dkga02Deriver, type Dkga02Params } from './dkga02';
export {
  createTokenCipher, decoderKeyBytes, ENCRYPTION_ALGORITHMS, resolveTokenCipher, type EncryptionAlgorithm, type TokenCipher,
  type TokenCipherSpec,
} from './token-cipher';
export { createMisty1, type Misty1Cipher } from './misty1';
export {
  createDkga04Deriver, deriveDecoderKeyDkga04, dkga04Message, type Dkga04Algorithm, type Dkga04Deriver, type Dkga04Params,
} from './dkga04';
export {
  buildClearCreditToken, buildClearTamperToken, buildCreditToken, buildManagementToken, buildMeterTestToken,
  buildSetMaximumPowerLimitToken, buildSetPhasePowerUnbalanceLimitToken, buildSetTariffRateToken,
  buildSetWaterMeterFactorToken, MANAGEMENT_SUBCLASSES, sealClassTwoToken, type BuiltToken, type CipherInput,
  type CreditSubclass, type CreditToken, type CreditTokenInput, type ManagementSubclass, type ManagementToken, type ManagementTokenInput,
  type MeterTestTokenInput,
} from './token-builders';
export { decodeToken, parseAndDecodeToken, type DecodedFields, type DecodedToken } from './token-decoder';
export {
  buildKeyChangeTokens, KEY_CHANGE_SUBCLASS, type KeyChangeInput, type KeyChangeSection, type KeyChangeSet,
  type KeyChangeToken,
} from './key-change';
export {
  createVirtualMeter, CREDIT_REGISTERS, DEFAULT_TID_MEMORY, type CreditRegister, type EnterResult, type MeterEffect,
  type RejectReason, type VirtualMeter, type VirtualMeterOptions, type VirtualMeterState,
} from './virtual-meter';
export {
  decodeOpenPaygoToken, generateOpenPaygoToken, OPENPAYGO_COUNTER_SYNC_VALUE, OPENPAYGO_DISABLE_VALUE,
  OPENPAYGO_LOOKAHEAD, OPENPAYGO_MAX_CODE, OPENPAYGO_MAX_VALUE, OPENPAYGO_SYNC_LOOKAHEAD, OPENPAYGO_TOKEN_TYPES,
  openPaygoNewCount, openPaygoNextCode, openPaygoStartingCodeFromKey, prepareOpenPaygoKey, type OpenPaygoDecodeInput,
  type OpenPaygoDecodeResult, type OpenPaygoKey, type OpenPaygoToken, type OpenPaygoTokenInput, type OpenPaygoTokenType,
} from './openpaygo';
export {
  createTokenIssuer, type CreditRequest, type DecoderKeyAlgorithm, type IssueError, type IssueErrorCode,
  type IssuedKeyChangeSet, type IssuedOpenPaygoToken, type IssuedStsToken, type IssuedToken, type IssueResult,
  type IssuerMeter, type KeyChangeRequest, type KitCreditRequest, type KitManagementRequest, type ManagementRequest,
  type OpenPaygoKeyProvider, type OpenPaygoKit, type StsCreditRequest, type StsManagementRequest,
  type StsKeyParams, type StsMeter, type TestTokenRequest, type TokenIssuer, type TokenIssuerOptions,
  type VendingKeyProvider, type VendingKeyRequest,
} from './token-issuer';
