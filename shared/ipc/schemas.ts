import { z } from 'zod';
import { isIsoCurrency } from '../format/currencies';
import { isKnownTimeZone } from '../format/dates';

/** Request and response shapes of the foundation's channels. Written by hand: the contract is the product's API. */

export const Empty = z.object({}).strict();

export const KeyStoreStatus = z.object({
  state: z.enum(['unlocked', 'locked', 'uninitialised']),
  message: z.string(),
});
export type KeyStoreStatus = z.infer<typeof KeyStoreStatus>;

export const SetupStatus = z.object({
  initialized: z.boolean(),
  companyName: z.string().nullable(),
  stationCode: z.string().nullable(),
  stationName: z.string().nullable(),
  keyStore: KeyStoreStatus,
});
export type SetupStatus = z.infer<typeof SetupStatus>;

const trimmed = (max: number) => z.string().trim().min(1).max(max);

export const UserId = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}_.@-]+$/u, 'use letters, numbers and _ . @ - only');

export const SetupInput = z.object({
  companyName: trimmed(120),
  stationCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{1,12}$/, 'use 1 to 12 letters, numbers or dashes'),
  stationName: trimmed(80),
  districtName: trimmed(80),
  defaultCurrency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'use a three-letter ISO 4217 code')
    .refine(isIsoCurrency, 'choose a currency from the ISO 4217 list'),
  /** The site's own name for the default currency (CNY shown as "RMB"); empty: the ISO code is shown. */
  currencyDisplay: z.string().trim().max(8, 'use at most 8 characters').default(''),
  adminUserId: UserId,
  adminName: trimmed(80),
  adminPassword: z.string().min(1).max(200),
  vendPassword: z.string().min(1).max(200),
  tidTimeZone: z.string().min(1).max(64).refine(isKnownTimeZone, 'use an IANA time zone name such as UTC or Africa/Lagos').default('UTC'),
  loadDemo: z.boolean().default(false),
});
export type SetupInput = z.infer<typeof SetupInput>;

export const SetupResult = z.object({ initialized: z.literal(true), demoLoaded: z.boolean() });

export const LoginInput = z.object({ username: z.string().trim().min(1).max(40), password: z.string().min(1).max(200) });
export type LoginInput = z.infer<typeof LoginInput>;

export const SessionInfo = z.object({
  userId: z.string(),
  name: z.string(),
  roleId: z.string(),
  roleName: z.string(),
  permissions: z.array(z.string()),
  stationCode: z.string(),
  stationName: z.string(),
  mustChangePassword: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const LogoutResult = z.object({ loggedOut: z.literal(true) });

export const UnlockKeyStoreInput = z.object({ passphrase: z.string().min(8).max(500) });

/** The shell's channels (F2): locking the session while the operator is away, and the Home tab's figures. */
export const SessionLockResult = z.object({ locked: z.literal(true) });

export const SessionTouchResult = z.object({ idleTimeoutMinutes: z.number().int().positive() });

export const UnlockSessionInput = z.object({ password: z.string().min(1).max(200) });
export type UnlockSessionInput = z.infer<typeof UnlockSessionInput>;

export const CurrencyTotal = z.object({
  currency: z.string(),
  /** Integer minor units of the currency. */
  amountMinor: z.number().int(),
  salesCount: z.number().int().nonnegative(),
});
export type CurrencyTotal = z.infer<typeof CurrencyTotal>;

export const HomeSummary = z.object({
  /** The terminal's calendar day the figures cover (YYYY-MM-DD), and its bounds as instants. */
  day: z.string(),
  from: z.string(),
  to: z.string(),
  stationCode: z.string(),
  stationName: z.string(),
  operatorId: z.string(),
  operatorName: z.string(),
  salesCount: z.number().int().nonnegative(),
  /** One row per currency sold in today; the default currency is always present, at zero on a day without sales. */
  totals: z.array(CurrencyTotal),
});
export type HomeSummary = z.infer<typeof HomeSummary>;
