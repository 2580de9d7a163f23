/**
 * Customer categories: a small built-in table a price is made for (the seed: "flexible tariff management for
 * different meter types or user categories"). Ids are stable words, the same at every station, so prices and customers
 * that name them sync without translation. Seeded at start-up (electron/services/library/reference-data.ts).
 */
export interface CustomerCategory {
  readonly id: string;
  readonly name: string;
}

export const BUILT_IN_CATEGORIES: readonly CustomerCategory[] = [
  { id: 'residential', name: 'Residential' },
  { id: 'commercial', name: 'Commercial' },
  { id: 'industrial', name: 'Industrial' },
  { id: 'public', name: 'Public and government' },
  { id: 'agricultural', name: 'Agricultural' },
];

export const DEFAULT_CATEGORY_ID = 'residential';
