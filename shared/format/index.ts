/** The one formatting module: money, units, dates and names as operators and receipts show them. Pure. */
export * from './currencies';
export * from './dates';
export * from './money';
export * from './text';
export * from './units';
