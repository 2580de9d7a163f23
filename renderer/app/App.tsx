import { useEffect, useState } from 'react';
import type { SessionInfo, SetupStatus } from '../../shared/ipc/schemas';
import { getBridge } from '../bridge/bridge';

type AppState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; setup: SetupStatus; session: SessionInfo | null };

/** The application frame: asks the main side whether the terminal is set up and who is signed in. */
export function App() {
  const [state, setState] = useState<AppState>({ kind: 'loading' });
  useEffect(() => {
    const bridge = getBridge();
    void (async () => {
      const setup = await bridge.invoke('setup.status', {});
      if (!setup.ok) return setState({ kind: 'error', message: setup.error.message });
      const session = await bridge.invoke('session.current', {});
      setState({ kind: 'ready', setup: setup.value, session: session.ok ? session.value : null });
    })();
  }, []);
  if (state.kind === 'loading') return <p role="status">Loading TokenTill…</p>;
  if (state.kind === 'error') return <p role="alert" className="error">{state.message}</p>;
  return (
    <main className="card">
      <h1>TokenTill</h1>
      <p>{state.setup.initialized ? `Station ${state.setup.stationCode ?? ''} ${state.setup.stationName ?? ''}` : 'This terminal is not set up yet.'}</p>
      <p>{state.session ? `Signed in as ${state.session.name} (${state.session.userId})` : 'Not signed in.'}</p>
    </main>
  );
}
