import { z } from 'zod';
import { CHARACTER_SETS, PRINTER_MODELS } from '../receipt/printer-profile';

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

/** One line of a receipt's header or footer: printable text, at most 48 characters (the widest paper). */
const ReceiptTextLine = z
  .string()
  .max(48, 'use at most 48 characters per line')
  .refine((line) => ![...line].some((c) => c < ' ' || c === '\u007f'), 'use text without tabs or line breaks');

/** Where receipts go: nowhere yet ("none", the printer is not configured) or a network printer's raw port. */
export const PrinterConnection = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({
    kind: z.literal('network'),
    host: z
      .string()
      .trim()
      .min(1, 'type the printer\'s IP address or host name')
      .max(253)
      .regex(/^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/, 'use an IP address such as 192.168.1.50 or a host name'),
    port: z.number().int().min(1, 'use a port from 1 to 65535').max(65535, 'use a port from 1 to 65535').default(9100),
  }),
]);
export type PrinterConnection = z.infer<typeof PrinterConnection>;

/** The receipt printer (P1): connection, paper, command set, code page, receipt text and printing behaviour. */
export const PrinterSettings = z
  .object({
    connection: PrinterConnection.default({ kind: 'none' }),
    paperWidth: z.union([z.literal(58), z.literal(80)]).default(80),
    /** Characters per line on 80 mm paper (58 mm always has 32). */
    columns80: z.union([z.literal(48), z.literal(42)]).default(48),
    model: z.enum(PRINTER_MODELS).default('EPSON'),
    characterSet: z.enum(CHARACTER_SETS).default('PC858_EURO'),
    headerLines: z.array(ReceiptTextLine).max(6, 'use at most 6 header lines').default([]),
    footerLines: z.array(ReceiptTextLine).max(6, 'use at most 6 footer lines').default(['Thank you.', 'Keep this receipt until the token is accepted.']),
    /** A QR code of each token under its digits. */
    qrCode: z.boolean().default(false),
    copies: z.number().int().min(1, 'print 1 to 3 copies').max(3, 'print 1 to 3 copies').default(1),
    /** Print the receipt as soon as a vend is saved (otherwise the cashier presses Print). */
    autoPrint: z.boolean().default(true),
  })
  .superRefine((value, ctx) => {
    if (value.model === 'STAR' && value.characterSet === 'PC850_MULTILINGUAL') {
      ctx.addIssue({ code: 'custom', path: ['characterSet'], message: 'STAR printers cannot select PC850 here: choose PC858, which has the same letters and the euro sign' });
    }
  });
export type PrinterSettings = z.infer<typeof PrinterSettings>;

export const SETTINGS_SECTIONS = {
  general: GeneralSettings,
  company: CompanySettings,
  security: SecuritySettings,
  printer: PrinterSettings,
} as const;

export type SettingsSectionName = keyof typeof SETTINGS_SECTIONS;

export const AllSettings = z.object({
  general: GeneralSettings,
  company: CompanySettings,
  security: SecuritySettings,
  printer: PrinterSettings,
});
export type AllSettings = z.infer<typeof AllSettings>;

export const SaveSettingsInput = z.discriminatedUnion('section', [
  z.object({ section: z.literal('general'), value: GeneralSettings }),
  z.object({ section: z.literal('company'), value: CompanySettings }),
  z.object({ section: z.literal('security'), value: SecuritySettings }),
  z.object({ section: z.literal('printer'), value: PrinterSettings }),
]);
export type SaveSettingsInput = z.infer<typeof SaveSettingsInput>;

export function defaultSection<K extends SettingsSectionName>(name: K): z.infer<(typeof SETTINGS_SECTIONS)[K]> {
  return SETTINGS_SECTIONS[name].parse({}) as z.infer<(typeof SETTINGS_SECTIONS)[K]>;
}
