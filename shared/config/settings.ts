import { z } from 'zod';

/**
 * Terminal settings, one typed section per feature. Every section has defaults, so a fresh database parses; each
 * feature adds its own section here and its own part of the Settings screen.
 */
export const GeneralSettings = z.object({
  idleTimeoutMinutes: z.number().int().min(1).max(240).default(15),
  tidTimeZone: z.string().min(1).default('UTC'),
  perVendCeiling: z
    .string()
    .regex(/^\d{1,9}(\.\d{1,4})?$/, 'use a decimal amount such as 500 or 500.00')
    .default('5000'),
  paymentTypes: z.array(z.string().min(1).max(40)).min(1).default(['Cash', 'Cheque', 'E-card']),
  clockToleranceMinutes: z.number().int().min(0).max(1440).default(5),
  dateFormat: z.enum(['seed', 'iso', 'locale']).default('seed'),
});

export const CompanySettings = z.object({
  companyName: z.string().max(120).default(''),
  defaultCurrency: z.string().regex(/^[A-Z]{3}$/, 'use a three-letter ISO 4217 code').default('USD'),
  /** How the site wants a currency shown, e.g. CNY shown as "RMB" as in the vendor's screens. */
  currencyDisplay: z.record(z.string(), z.string().max(8)).default({}),
});

export const SecuritySettings = z.object({
  loginLockThreshold: z.number().int().min(3).max(10).default(5),
  vendLockThreshold: z.number().int().min(3).max(10).default(5),
  /** "random": a one-time random temporary password; "vendor": the vendor's 123456, still forced to change. */
  resetPasswordMode: z.enum(['random', 'vendor']).default('random'),
  temporaryPasswordHours: z.number().int().min(1).max(168).default(24),
});

export const SETTINGS_SECTIONS = {
  general: GeneralSettings,
  company: CompanySettings,
  security: SecuritySettings,
} as const;

export type SettingsSectionName = keyof typeof SETTINGS_SECTIONS;

export const AllSettings = z.object({
  general: GeneralSettings,
  company: CompanySettings,
  security: SecuritySettings,
});
export type AllSettings = z.infer<typeof AllSettings>;

export const SaveSettingsInput = z.discriminatedUnion('section', [
  z.object({ section: z.literal('general'), value: GeneralSettings }),
  z.object({ section: z.literal('company'), value: CompanySettings }),
  z.object({ section: z.literal('security'), value: SecuritySettings }),
]);
export type SaveSettingsInput = z.infer<typeof SaveSettingsInput>;

export function defaultSection<K extends SettingsSectionName>(name: K): z.infer<(typeof SETTINGS_SECTIONS)[K]> {
  return SETTINGS_SECTIONS[name].parse({}) as z.infer<(typeof SETTINGS_SECTIONS)[K]>;
}
