/**
 * ISO 4217 currencies in circulation with their minor-unit digits (the number of decimals money is kept and shown
 * with). Fund codes, precious metals and testing codes are left out: a till never sells in them. Money is stored as
 * integer minor units of these digits (architecture.md invariant 4), so this table is what turns 1000 into "10.00".
 * Sites name some currencies their own way (the vendor's screens show CNY as "RMB"): the ISO code is what is stored,
 * and the site's name for it lives in the company settings (`currencyDisplay`).
 */
export interface CurrencyInfo {
  readonly code: string;
  readonly name: string;
  readonly minorDigits: 0 | 2 | 3;
}

const TABLE: ReadonlyArray<readonly [code: string, name: string, minorDigits: 0 | 2 | 3]> = [
  ['AED', 'UAE dirham', 2],
  ['AFN', 'Afghani', 2],
  ['ALL', 'Lek', 2],
  ['AMD', 'Armenian dram', 2],
  ['AOA', 'Kwanza', 2],
  ['ARS', 'Argentine peso', 2],
  ['AUD', 'Australian dollar', 2],
  ['AWG', 'Aruban florin', 2],
  ['AZN', 'Azerbaijan manat', 2],
  ['BAM', 'Convertible mark', 2],
  ['BBD', 'Barbados dollar', 2],
  ['BDT', 'Taka', 2],
  ['BGN', 'Bulgarian lev', 2],
  ['BHD', 'Bahraini dinar', 3],
  ['BIF', 'Burundi franc', 0],
  ['BMD', 'Bermudian dollar', 2],
  ['BND', 'Brunei dollar', 2],
  ['BOB', 'Boliviano', 2],
  ['BRL', 'Brazilian real', 2],
  ['BSD', 'Bahamian dollar', 2],
  ['BTN', 'Ngultrum', 2],
  ['BWP', 'Pula', 2],
  ['BYN', 'Belarusian ruble', 2],
  ['BZD', 'Belize dollar', 2],
  ['CAD', 'Canadian dollar', 2],
  ['CDF', 'Congolese franc', 2],
  ['CHF', 'Swiss franc', 2],
  ['CLP', 'Chilean peso', 0],
  ['CNY', 'Yuan renminbi', 2],
  ['COP', 'Colombian peso', 2],
  ['CRC', 'Costa Rican colon', 2],
  ['CUP', 'Cuban peso', 2],
  ['CVE', 'Cabo Verde escudo', 2],
  ['CZK', 'Czech koruna', 2],
  ['DJF', 'Djibouti franc', 0],
  ['DKK', 'Danish krone', 2],
  ['DOP', 'Dominican peso', 2],
  ['DZD', 'Algerian dinar', 2],
  ['EGP', 'Egyptian pound', 2],
  ['ERN', 'Nakfa', 2],
  ['ETB', 'Ethiopian birr', 2],
  ['EUR', 'Euro', 2],
  ['FJD', 'Fiji dollar', 2],
  ['FKP', 'Falkland Islands pound', 2],
  ['GBP', 'Pound sterling', 2],
  ['GEL', 'Lari', 2],
  ['GHS', 'Ghana cedi', 2],
  ['GIP', 'Gibraltar pound', 2],
  ['GMD', 'Dalasi', 2],
  ['GNF', 'Guinean franc', 0],
  ['GTQ', 'Quetzal', 2],
  ['GYD', 'Guyana dollar', 2],
  ['HKD', 'Hong Kong dollar', 2],
  ['HNL', 'Lempira', 2],
  ['HTG', 'Gourde', 2],
  ['HUF', 'Forint', 2],
  ['IDR', 'Rupiah', 2],
  ['ILS', 'New Israeli sheqel', 2],
  ['INR', 'Indian rupee', 2],
  ['IQD', 'Iraqi dinar', 3],
  ['IRR', 'Iranian rial', 2],
  ['ISK', 'Iceland krona', 0],
  ['JMD', 'Jamaican dollar', 2],
  ['JOD', 'Jordanian dinar', 3],
  ['JPY', 'Yen', 0],
  ['KES', 'Kenyan shilling', 2],
  ['KGS', 'Som', 2],
  ['KHR', 'Riel', 2],
  ['KMF', 'Comorian franc', 0],
  ['KPW', 'North Korean won', 2],
  ['KRW', 'Won', 0],
  ['KWD', 'Kuwaiti dinar', 3],
  ['KYD', 'Cayman Islands dollar', 2],
  ['KZT', 'Tenge', 2],
  ['LAK', 'Lao kip', 2],
  ['LBP', 'Lebanese pound', 2],
  ['LKR', 'Sri Lanka rupee', 2],
  ['LRD', 'Liberian dollar', 2],
  ['LSL', 'Loti', 2],
  ['LYD', 'Libyan dinar', 3],
  ['MAD', 'Moroccan dirham', 2],
  ['MDL', 'Moldovan leu', 2],
  ['MGA', 'Malagasy ariary', 2],
  ['MKD', 'Denar', 2],
  ['MMK', 'Kyat', 2],
  ['MNT', 'Tugrik', 2],
  ['MOP', 'Pataca', 2],
  ['MRU', 'Ouguiya', 2],
  ['MUR', 'Mauritius rupee', 2],
  ['MVR', 'Rufiyaa', 2],
  ['MWK', 'Malawi kwacha', 2],
  ['MXN', 'Mexican peso', 2],
  ['MYR', 'Malaysian ringgit', 2],
  ['MZN', 'Mozambique metical', 2],
  ['NAD', 'Namibia dollar', 2],
  ['NGN', 'Naira', 2],
  ['NIO', 'Cordoba oro', 2],
  ['NOK', 'Norwegian krone', 2],
  ['NPR', 'Nepalese rupee', 2],
  ['NZD', 'New Zealand dollar', 2],
  ['OMR', 'Rial Omani', 3],
  ['PAB', 'Balboa', 2],
  ['PEN', 'Sol', 2],
  ['PGK', 'Kina', 2],
  ['PHP', 'Philippine peso', 2],
  ['PKR', 'Pakistan rupee', 2],
  ['PLN', 'Zloty', 2],
  ['PYG', 'Guarani', 0],
  ['QAR', 'Qatari rial', 2],
  ['RON', 'Romanian leu', 2],
  ['RSD', 'Serbian dinar', 2],
  ['RUB', 'Russian ruble', 2],
  ['RWF', 'Rwanda franc', 0],
  ['SAR', 'Saudi riyal', 2],
  ['SBD', 'Solomon Islands dollar', 2],
  ['SCR', 'Seychelles rupee', 2],
  ['SDG', 'Sudanese pound', 2],
  ['SEK', 'Swedish krona', 2],
  ['SGD', 'Singapore dollar', 2],
  ['SHP', 'Saint Helena pound', 2],
  ['SLE', 'Leone', 2],
  ['SOS', 'Somali shilling', 2],
  ['SRD', 'Surinam dollar', 2],
  ['SSP', 'South Sudanese pound', 2],
  ['STN', 'Dobra', 2],
  ['SVC', 'El Salvador colon', 2],
  ['SYP', 'Syrian pound', 2],
  ['SZL', 'Lilangeni', 2],
  ['THB', 'Baht', 2],
  ['TJS', 'Somoni', 2],
  ['TMT', 'Turkmenistan new manat', 2],
  ['TND', 'Tunisian dinar', 3],
  ['TOP', "Pa'anga", 2],
  ['TRY', 'Turkish lira', 2],
  ['TTD', 'Trinidad and Tobago dollar', 2],
  ['TWD', 'New Taiwan dollar', 2],
  ['TZS', 'Tanzanian shilling', 2],
  ['UAH', 'Hryvnia', 2],
  ['UGX', 'Uganda shilling', 0],
  ['USD', 'US dollar', 2],
  ['UYU', 'Peso uruguayo', 2],
  ['UZS', 'Uzbekistan sum', 2],
  ['VED', 'Bolivar soberano (digital)', 2],
  ['VES', 'Bolivar soberano', 2],
  ['VND', 'Dong', 0],
  ['VUV', 'Vatu', 0],
  ['WST', 'Tala', 2],
  ['XAF', 'CFA franc BEAC', 0],
  ['XCD', 'East Caribbean dollar', 2],
  ['XCG', 'Caribbean guilder', 2],
  ['XOF', 'CFA franc BCEAO', 0],
  ['XPF', 'CFP franc', 0],
  ['YER', 'Yemeni rial', 2],
  ['ZAR', 'Rand', 2],
  ['ZMW', 'Zambian kwacha', 2],
  ['ZWG', 'Zimbabwe gold', 2],
];

export const CURRENCIES: readonly CurrencyInfo[] = TABLE.map(([code, name, minorDigits]) => ({ code, name, minorDigits }));

const BY_CODE: ReadonlyMap<string, CurrencyInfo> = new Map(CURRENCIES.map((currency) => [currency.code, currency]));

/**
 * Names sites use for a currency that are not its ISO code. Typing one of these (in setup or the CLI) stores the ISO
 * code and keeps the typed name as the site's display name.
 */
export const CURRENCY_ALIASES: Readonly<Record<string, string>> = { RMB: 'CNY' };

export function currencyInfo(code: string): CurrencyInfo | undefined {
  return BY_CODE.get(code);
}

export function isIsoCurrency(code: string): boolean {
  return BY_CODE.has(code);
}

/** Minor-unit digits of a currency; a code outside the table is treated as having 2 (and cannot be stored). */
export function minorDigits(code: string): number {
  return BY_CODE.get(code)?.minorDigits ?? 2;
}

/**
 * Resolves what an operator typed as a currency: an ISO code (any case) or a known alias such as "RMB".
 * Returns the ISO code and, for an alias, the name to display; null when neither.
 */
export function resolveCurrency(typed: string): { code: string; display: string | null } | null {
  const upper = typed.trim().toUpperCase();
  if (BY_CODE.has(upper)) return { code: upper, display: null };
  const aliased = CURRENCY_ALIASES[upper];
  return aliased ? { code: aliased, display: upper } : null;
}

/** The name a site shows for a currency: its own name from the company settings, else the ISO code. */
export function currencyLabel(code: string, display: Readonly<Record<string, string>> = {}): string {
  const own = display[code];
  return own !== undefined && own.trim() !== '' ? own : code;
}
