/** The IANA time zones the runtime knows, UTC first; the current value stays listed even if the runtime lacks it. */
export function timeZoneOptions(current: string): Array<{ value: string; label: string }> {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const names = ['UTC', ...zones.filter((zone) => zone !== 'UTC')];
  if (current !== '' && !names.includes(current)) names.splice(1, 0, current);
  return names.map((zone) => ({ value: zone, label: zone === 'UTC' ? 'UTC (default)' : zone.replace(/_/g, ' ') }));
}
