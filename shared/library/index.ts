/** The Meter and Price Library's domain rules: pure, shared by the forms (field errors) and main (the real check). */
export * from './categories';
export * from './key-params';
export * from './meter-number';
export * from './meter-profiles';
export * from './meter-range';
export * from './price-rules';
export * from './party-rules';
