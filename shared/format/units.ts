/**
 * Units as text. Units are integer tenths (the STS resolution, architecture.md invariant 4), shown with one decimal
 * and the unit of the meter's kind: 87 tenths on an electricity meter is "8.7 kWh"; water and gas are cubic metres,
 * a home solar kit (OpenPAYGO) is credited in days.
 */
export const METER_KINDS = ['electricity', 'water', 'gas', 'solar-kit'] as const;
export type MeterKind = (typeof METER_KINDS)[number];

export const UNIT_OF_METER_KIND: Readonly<Record<MeterKind, string>> = {
  electricity: 'kWh',
  water: 'm³',
  gas: 'm³',
  'solar-kit': 'days',
};

/** The vendor's names for the meter kinds, as its screens show them ("Electricity Meter"). */
export const METER_KIND_LABEL: Readonly<Record<MeterKind, string>> = {
  electricity: 'Electricity Meter',
  water: 'Water Meter',
  gas: 'Gas Meter',
  'solar-kit': 'Home Solar Kit',
};

/** The number part only: 87 -> "8.7", 10 -> "1.0", -5 -> "-0.5". */
export function formatUnitsNumber(tenths: number | bigint): string {
  if (typeof tenths === 'number' && !Number.isSafeInteger(tenths)) throw new RangeError(`units must be integer tenths, not ${tenths}`);
  const value = BigInt(tenths);
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  return `${negative ? '-' : ''}${(magnitude / 10n).toString()}.${(magnitude % 10n).toString()}`;
}

/** "8.7 kWh", "12.0 m³", "30.0 days". */
export function formatUnits(tenths: number | bigint, kind: MeterKind): string {
  return `${formatUnitsNumber(tenths)} ${UNIT_OF_METER_KIND[kind]}`;
}
