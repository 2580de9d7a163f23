/**
 * The money rules (architecture.md sections 4 and 7): pure functions over integers and exact fractions. Money is
 * integer minor units of its currency (ISO 4217 digits), units are integer tenths (the STS resolution), tax rates are
 * basis points, prices are 1/10,000 of the major unit. No float ever holds a value here: lint refuses `parseFloat`,
 * `toFixed` and `Number(` in this folder (eslint.config.mjs).
 *
 * Every rounding step, in the order it happens (the only implementation is ./quote.ts):
 *  1. Exact first. The charge value E (money that buys units, net of levies) and each levy are exact fractions:
 *     vendor-compatible  E = paid x (1 - vat - excise),  levy = paid x rate;
 *     tax-inclusive      E = paid / (1 + vat + excise),  levy = E x rate.
 *  2. Units: the exact units E / price are floored to the largest value the token carries that is not above them
 *     (STS: 0.1 below 1638.4, then 1, 10, 100 units per band; OpenPAYGO: whole days, at most 995). The receipt
 *     therefore always equals what the meter credits. 2000 USD at 1 USD/kWh and 13 % vendor mode: E = 1740.00,
 *     exact units 1740.0, the token carries 1739.4 kWh.
 *  3. Levies: each levy is rounded half-up to the currency's minor unit; the charge value printed is
 *     paid - VAT - excise, so the receipt's lines add up to the amount paid exactly.
 *  4. Rounding amount: E minus the exact cost of the units carried (units x price), half-up to the minor unit. It is
 *     the money that bought units below the token's resolution: 57 USD -> 49.5 kWh and 0.09 USD; 2000 USD -> 0.60 USD.
 *     It is never negative, because units never exceed E / price.
 *  5. By unit: the requested units are first floored to what a token carries (step 2's rule), then
 *     vendor-compatible  paid = units x price x (1 + vat + excise) half-up, each levy = units x price x rate half-up,
 *                        charge value = paid - levies, rounding 0 (1 kWh -> 1.13 USD, 3 kWh -> 3.39 USD);
 *     tax-inclusive      paid = units x price x (1 + vat + excise) rounded UP to the minor unit (the smallest payment
 *                        that buys at least those units), then steps 1-4 for that payment: the money quote is the
 *                        exact inverse of the unit quote.
 *  6. Half-up means ties away from zero (all amounts here are non-negative): 0.005 USD -> 0.01 USD.
 * Prices and rates typed by operators are parsed digit by digit (./decimal-text.ts); extra decimals are refused.
 */
export { divCeil, divFloor, divHalfUp, exactInt, type Int } from './exact';
export {
  floorToCarriable, floorToEncodableTenths, isCarriable, maxCarriableTenths, OPENPAYGO_MAX_TENTHS, STS_MAX_TENTHS,
  TOKEN_SCHEMES, type TokenScheme,
} from './carriable';
export {
  BASIS_POINTS, formatPricePerUnit, formatRatePercent, MAX_PRICE_PER_UNIT, MAX_RATE_BP, parsePricePerUnit,
  parseRatePercent, PRICE_DECIMALS, PRICE_SCALE, RATE_DECIMALS, type ParsedInteger,
} from './decimal-text';
export {
  purchaseLimitProblem, quoteByMoney, quoteByUnit, TAX_MODES, type PriceTerms, type Quote, type QuoteProblem,
  type QuoteResult, type QuoteTarget, type TaxMode,
} from './quote';
