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
  createTokenCipher, ENCRYPTION_ALGORITHMS, resolveTokenCipher, type EncryptionAlgorithm, type TokenCipher, type TokenCipherSpec,
} from './token-cipher';
export {
  buildClearCreditToken, buildClearTamperToken, buildCreditToken, buildManagementToken, buildMeterTestToken,
  buildSetMaximumPowerLimitToken, buildSetPhasePowerUnbalanceLimitToken, buildSetTariffRateToken,
  buildSetWaterMeterFactorToken, MANAGEMENT_SUBCLASSES, sealClassTwoToken, type BuiltToken, type CipherInput,
  type CreditSubclass, type CreditToken, type CreditTokenInput, type ManagementSubclass, type ManagementToken, type ManagementTokenInput,
  type MeterTestTokenInput,
} from './token-builders';
export { decodeToken, parseAndDecodeToken, type DecodedFields, type DecodedToken } from './token-decoder';
