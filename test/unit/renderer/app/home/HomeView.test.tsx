import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultSection } from '../../../../../shared/config/settings';
import type { HomeSummary } from '../../../../../shared/ipc/schemas';
import { HomeView } from '../../../../../renderer/app/home/HomeView';
import { INITIAL_DEVICE_STATUS } from '../../../../../renderer/app/device-status';
import { formattersFor } from '../../../../../renderer/app/till-context';
import { click, render, type Rendered } from '../../render';

const SETTINGS = {
  general: { ...defaultSection('general'), dateFormat: 'iso' as const },
  company: { ...defaultSection('company'), currencyDisplay: { CNY: 'RMB' } },
  security: defaultSection('security'),
  printer: defaultSection('printer'),
};
const SUMMARY: HomeSummary = {
  day: '2020-04-13',
  from: '2020-04-13T00:00:00.000Z',
  to: '2020-04-14T00:00:00.000Z',
  stationCode: 'ST01',
  stationName: 'Main Street',
  operatorId: '009',
  operatorName: '员工',
  salesCount: 3,
  totals: [
    { currency: 'USD', amountMinor: 3113, salesCount: 2 },
    { currency: 'CNY', amountMinor: 1000, salesCount: 1 },
  ],
};

let rendered: Rendered | null = null;
afterEach(() => {
  rendered?.unmount();
  rendered = null;
});

function figure(container: HTMLElement, term: string): string | null {
  const dt = [...container.querySelectorAll('dt')].find((element) => element.textContent === term);
  return dt?.nextElementSibling?.textContent ?? null;
}

describe('HomeView', () => {
  it("shows the day's count and a total per currency with the site's currency names", () => {
    rendered = render(<HomeView state={{ kind: 'ready', value: SUMMARY }} devices={INITIAL_DEVICE_STATUS} format={formattersFor(SETTINGS)} onRefresh={() => undefined} />);
    const { container } = rendered;
    expect(figure(container, 'Sales today')).toBe('3');
    expect(figure(container, 'Takings in USD')).toBe('31.13 USD');
    expect(figure(container, 'Takings in CNY')).toBe('10.00 RMB');
    expect(figure(container, 'Printer')).toBe('Not configured');
    expect(container.textContent).toContain('Sales by 员工 (009) at station ST01 Main Street.');
    const rows = [...container.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['USD', '2', '31.13 USD'],
      ['CNY', '1', '10.00 RMB'],
    ]);
  });

  it('renders the offline and error states on purpose, with a retry', () => {
    const onRefresh = vi.fn();
    rendered = render(<HomeView state={{ kind: 'offline', message: 'TokenTill is not answering.' }} devices={INITIAL_DEVICE_STATUS} format={formattersFor(SETTINGS)} onRefresh={onRefresh} />);
    expect(rendered.container.querySelector('[role="alert"]')?.textContent).toContain('TokenTill is not answering.');
    click([...rendered.container.querySelectorAll('button')].find((button) => button.textContent === 'Try again')!);
    expect(onRefresh).toHaveBeenCalledTimes(1);
    rendered.rerender(
      <HomeView state={{ kind: 'error', error: { code: 'PERMISSION_DENIED', message: 'Your role does not allow this action.' } }} devices={INITIAL_DEVICE_STATUS} format={formattersFor(SETTINGS)} onRefresh={onRefresh} />,
    );
    expect(rendered.container.querySelector('[role="alert"]')?.textContent).toContain('Your role does not allow this action.');
  });
});
