import { z } from 'zod';

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
  defaultCurrency: z.string().regex(/^[A-Z]{3}$/, 'use a three-letter ISO 4217 code'),
  adminUserId: UserId,
  adminName: trimmed(80),
  adminPassword: z.string().min(1).max(200),
  vendPassword: z.string().min(1).max(200),
  tidTimeZone: z.string().min(1).max(64).default('UTC'),
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
