import { createContext, useContext } from 'react';
import type { AllSettings } from '../../shared/config/settings';
import type { SessionInfo } from '../../shared/ipc/schemas';
import { formatAmount, formatDate, formatDateTime } from '../../shared/format';
import type { DeviceStatus } from './device-status';

/** What every screen inside the shell may read: the operator, the settings in force and the devices' states. */
export interface TillContextValue {
  session: SessionInfo;
  permissions: ReadonlySet<string>;
  settings: AllSettings;
  setSettings: (next: AllSettings) => void;
  devices: DeviceStatus;
}

const TillContext = createContext<TillContextValue | null>(null);

export const TillProvider = TillContext.Provider;

export function useTill(): TillContextValue {
  const value = useContext(TillContext);
  if (!value) throw new Error('useTill is used outside the signed-in shell');
  return value;
}

export interface Formatters {
  amount(minor: number | bigint, currency: string): string;
  dateTime(value: Date | string | number): string;
  date(value: Date | string | number): string;
}

/** The shared formatters with this site's settings applied (currency names, date style). */
export function formattersFor(settings: AllSettings): Formatters {
  const style = settings.general.dateFormat;
  return {
    amount: (minor, currency) => formatAmount(minor, currency, { display: settings.company.currencyDisplay }),
    dateTime: (value) => formatDateTime(value, { style }),
    date: (value) => formatDate(value, { style }),
  };
}

export function useFormatters(): Formatters {
  return formattersFor(useTill().settings);
}
