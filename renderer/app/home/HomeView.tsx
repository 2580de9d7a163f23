import type { HomeSummary } from '../../../shared/ipc/schemas';
import { formatOperator } from '../../../shared/format/text';
import type { ScreenState } from '../../bridge/hooks';
import { ScreenProblem } from '../../components/ScreenProblem';
import { printerLabel, syncLabel, type DeviceStatus } from '../device-status';
import type { Formatters } from '../till-context';

export interface HomeViewProps {
  state: ScreenState<HomeSummary>;
  devices: DeviceStatus;
  format: Formatters;
  onRefresh: () => void;
}

/** The Home tab (props only): today's sales of this operator at this station, and the printer and sync states. */
export function HomeView({ state, devices, format, onRefresh }: Readonly<HomeViewProps>) {
  const printer = printerLabel(devices.printer.state);
  const sync = syncLabel(devices.sync);
  const summary = state.kind === 'ready' ? state.value : null;
  return (
    <section className="screen" aria-labelledby="home-title">
      <div className="toolbar">
        <h2 id="home-title">Today</h2>
        {summary ? <span className="muted">{format.date(summary.from)}</span> : null}
        <span className="toolbar-spacer" />
        <button type="button" onClick={onRefresh} disabled={state.kind === 'loading'}>
          Refresh
        </button>
      </div>
      {state.kind === 'loading' ? <p role="status">Loading today’s figures…</p> : null}
      {state.kind === 'offline' || state.kind === 'error' ? <ScreenProblem state={state} onRetry={onRefresh} /> : null}
      {summary ? (
        <>
          <p className="muted">
            Sales by {formatOperator(summary.operatorName, summary.operatorId)} at station {summary.stationCode} {summary.stationName}.
          </p>
          <dl className="figures">
            <div className="figure">
              <dt>Sales today</dt>
              <dd>{summary.salesCount}</dd>
            </div>
            {summary.totals.map((total) => (
              <div className="figure" key={total.currency}>
                <dt>Takings in {total.currency}</dt>
                <dd>{format.amount(total.amountMinor, total.currency)}</dd>
              </div>
            ))}
            <div className="figure">
              <dt>Printer</dt>
              <dd>
                <span className={`dot dot-${printer.tone}`} aria-hidden="true" />
                {printer.text}
              </dd>
              <dd className="figure-note">{devices.printer.message}</dd>
            </div>
            <div className="figure">
              <dt>Sync</dt>
              <dd>
                <span className={`dot dot-${sync.tone}`} aria-hidden="true" />
                {sync.text}
              </dd>
              <dd className="figure-note">{devices.sync.message}</dd>
            </div>
          </dl>
          <table className="grid" aria-label="Totals per currency">
            <thead>
              <tr>
                <th scope="col">Currency</th>
                <th scope="col" className="num">
                  Sales
                </th>
                <th scope="col" className="num">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.totals.map((total) => (
                <tr key={total.currency}>
                  <td>{total.currency}</td>
                  <td className="num">{total.salesCount}</td>
                  <td className="num">{format.amount(total.amountMinor, total.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
