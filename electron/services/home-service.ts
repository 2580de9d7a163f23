import type { CurrencyTotal, HomeSummary } from '../../shared/ipc/schemas';
import type { Clock } from '../../shared/ports/clock';
import type { Session } from './session-store';
import type { SettingsService } from './settings-service';

/**
 * The Home tab's figures: today's sales of the signed-in operator at this station, counted and totalled per
 * currency. "Today" is the terminal's calendar day (its own time zone), as the cashier's shift sees it.
 *
 * The sales themselves come through `DailySalesSource`. Until vending (V1) adds the sales table there is no sale
 * anywhere in the database, so the terminal starts with `noSalesRecorded`, which says exactly that: zero. V1 passes
 * its sales repository here (core.ts) and nothing else changes.
 */
export interface DailySalesQuery {
  stationId: string;
  operatorLoginId: string;
  /** Inclusive start and exclusive end, ISO 8601 instants. */
  from: string;
  to: string;
}

export interface DailySales {
  salesCount: number;
  totals: CurrencyTotal[];
}

export interface DailySalesSource {
  /** Counts and totals the sales in [from, to); an empty day is zero, never an error. Read-only; safe to repeat. */
  summarise(query: DailySalesQuery): DailySales;
}

/** The source before V1: no sales table exists yet, so every day has no sales. */
export const noSalesRecorded: DailySalesSource = {
  summarise: () => ({ salesCount: 0, totals: [] }),
};

export interface HomeService {
  summary(session: Session): HomeSummary;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** The terminal's calendar day around `now`: its local midnight to the next local midnight. */
export function localDayBounds(now: Date): { day: string; from: Date; to: Date } {
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const to = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  return { day: `${from.getFullYear()}-${pad(from.getMonth() + 1)}-${pad(from.getDate())}`, from, to };
}

export function createHomeService(deps: { sales: DailySalesSource; settings: SettingsService; clock: Clock }): HomeService {
  return {
    summary(session) {
      const { day, from, to } = localDayBounds(deps.clock.now());
      const sales = deps.sales.summarise({
        stationId: session.stationId,
        operatorLoginId: session.loginId,
        from: from.toISOString(),
        to: to.toISOString(),
      });
      const defaultCurrency = deps.settings.section('company').defaultCurrency;
      const totals = [...sales.totals].sort((a, b) =>
        a.currency === defaultCurrency ? -1 : b.currency === defaultCurrency ? 1 : a.currency.localeCompare(b.currency),
      );
      if (!totals.some((total) => total.currency === defaultCurrency)) totals.unshift({ currency: defaultCurrency, amountMinor: 0, salesCount: 0 });
      return {
        day,
        from: from.toISOString(),
        to: to.toISOString(),
        stationCode: session.stationCode,
        stationName: session.stationName,
        operatorId: session.loginId,
        operatorName: session.name,
        salesCount: sales.salesCount,
        totals,
      };
    },
  };
}
