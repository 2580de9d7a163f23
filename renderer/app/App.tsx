import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AllSettings } from '../../shared/config/settings';
import type { SessionInfo, SetupStatus } from '../../shared/ipc/schemas';
import { invoke, onSessionSignal } from '../bridge/till';
import { FirstPasswordsScreen } from '../password/FirstPasswords/FirstPasswordsScreen';
import { SetupScreen, type SetupDone } from './first-run/SetupScreen';
import { LockScreen } from './lock/LockScreen';
import { LoginScreen } from './login/LoginScreen';
import { Shell } from './shell/Shell';
import { TillProvider, type TillContextValue } from './till-context';
import { useDeviceStatus } from './use-device-status';

/**
 * The application frame: first-run setup while the terminal has no data, then sign-in, then the shell. The lock
 * sits over the shell without unmounting it, so the open tabs survive it. Any reply saying the session is locked or
 * gone (from any screen) moves the frame there too: the main side decides, the frame follows.
 */
type Notice = { kind: 'error' | 'notice'; text: string };

type AppState =
  | { kind: 'loading' }
  | { kind: 'unavailable'; message: string }
  | { kind: 'setup' }
  | { kind: 'login'; setup: SetupStatus; notice: Notice | null }
  /** S1: a reset (or new) user's passwords are temporary: nothing but choosing new ones is open. */
  | { kind: 'password-change'; setup: SetupStatus; session: SessionInfo }
  | { kind: 'signed-in'; setup: SetupStatus; session: SessionInfo; settings: AllSettings | null; lock: { idleMinutes: number | null } | null };

function setupNotice(done: SetupDone): Notice {
  const demo = done.demoLoaded ? ' Demo data is loaded: the demo cashier signs in as "cashier" with Cashier#2026.' : '';
  return { kind: 'notice', text: `TokenTill is set up. Sign in as ${done.adminUserId}.${demo}` };
}

export function App() {
  const [state, setState] = useState<AppState>({ kind: 'loading' });

  const enter = useCallback(async (setup: SetupStatus, session: SessionInfo) => {
    if (session.mustChangePassword) return setState({ kind: 'password-change', setup, session });
    const settings = await invoke('settings.get', {});
    if (settings.ok) return setState({ kind: 'signed-in', setup, session, settings: settings.value, lock: null });
    if (settings.error.code === 'SESSION_LOCKED') return setState({ kind: 'signed-in', setup, session, settings: null, lock: { idleMinutes: null } });
    if (settings.error.code === 'NOT_SIGNED_IN') return setState({ kind: 'login', setup, notice: null });
    return setState({ kind: 'unavailable', message: settings.error.message });
  }, []);

  const boot = useCallback(
    async (notice: Notice | null = null) => {
      setState({ kind: 'loading' });
      const setup = await invoke('setup.status', {});
      if (!setup.ok) return setState({ kind: 'unavailable', message: setup.error.message });
      if (!setup.value.initialized) return setState({ kind: 'setup' });
      const session = await invoke('session.current', {});
      if (!session.ok) return setState({ kind: 'unavailable', message: session.error.message });
      if (session.value === null) return setState({ kind: 'login', setup: setup.value, notice });
      return enter(setup.value, session.value);
    },
    [enter],
  );

  useEffect(() => {
    void boot();
  }, [boot]);

  useEffect(
    () =>
      onSessionSignal((signal) => {
        setState((current) => {
          if (current.kind === 'password-change') return { kind: 'login', setup: current.setup, notice: { kind: 'notice', text: 'Your session has ended. Sign in again with your temporary password.' } };
          if (current.kind !== 'signed-in') return current;
          if (signal === 'locked') return current.lock ? current : { ...current, lock: { idleMinutes: null } };
          return { kind: 'login', setup: current.setup, notice: { kind: 'notice', text: 'Your session has ended. Sign in again.' } };
        });
      }),
    [],
  );

  const lockNow = useCallback((idleMinutes: number | null) => {
    setState((current) => (current.kind === 'signed-in' && !current.lock ? { ...current, lock: { idleMinutes } } : current));
    void invoke('session.lock', {});
  }, []);

  const toLogin = useCallback((notice: Notice) => {
    setState((current) => (current.kind === 'signed-in' || current.kind === 'login' || current.kind === 'password-change' ? { kind: 'login', setup: current.setup, notice } : current));
  }, []);

  const signedIn = state.kind === 'signed-in' ? state : null;
  const devices = useDeviceStatus(signedIn !== null && signedIn.settings !== null && signedIn.lock === null);
  const context = useMemo<TillContextValue | null>(
    () =>
      signedIn?.settings
        ? {
            session: signedIn.session,
            permissions: new Set(signedIn.session.permissions),
            settings: signedIn.settings,
            setSettings: (settings) => setState((current) => (current.kind === 'signed-in' ? { ...current, settings } : current)),
            devices,
          }
        : null,
    [signedIn?.session, signedIn?.settings, devices],
  );

  useEffect(() => {
    const titles: Record<AppState['kind'], string> = { loading: 'TokenTill', unavailable: 'TokenTill', setup: 'Set up TokenTill', login: 'Sign in · TokenTill', 'password-change': 'Choose your passwords · TokenTill', 'signed-in': 'TokenTill' };
    document.title = titles[state.kind];
  }, [state.kind]);

  switch (state.kind) {
    case 'loading':
      return (
        <main className="page-centre">
          <p role="status">Loading TokenTill…</p>
        </main>
      );
    case 'unavailable':
      return (
        <main className="page-centre">
          <div className="card">
            <h1>TokenTill cannot continue</h1>
            <div role="alert" className="message message-error">
              {state.message}
            </div>
            <div className="form-actions">
              <button type="button" className="primary" onClick={() => void boot()}>
                Try again
              </button>
            </div>
          </div>
        </main>
      );
    case 'setup':
      return <SetupScreen onDone={(done) => void boot(setupNotice(done))} />;
    case 'login':
      return <LoginScreen setup={state.setup} notice={state.notice} onSignedIn={(session) => void enter(state.setup, session)} />;
    case 'password-change':
      return (
        <FirstPasswordsScreen
          session={state.session}
          onDone={(session) => void enter(state.setup, session)}
          onEnded={(message) => toLogin({ kind: 'error', text: message })}
          onSignOut={() => void invoke('session.logout', {}).then(() => toLogin({ kind: 'notice', text: 'You are signed out.' }))}
        />
      );
    case 'signed-in': {
      const lock = state.lock ? (
        <LockScreen
          session={state.session}
          idleMinutes={state.lock.idleMinutes}
          onUnlocked={(session) => {
            if (state.settings) setState((current) => (current.kind === 'signed-in' ? { ...current, session, lock: null } : current));
            else void enter(state.setup, session);
          }}
          onEnded={toLogin}
        />
      ) : null;
      if (!context) return lock;
      return (
        <TillProvider value={context}>
          <Shell
            locked={state.lock !== null}
            onIdle={() => lockNow(context.settings.general.idleTimeoutMinutes)}
            onActivity={() => void invoke('session.touch', {})}
            onLock={() => lockNow(null)}
            onQuit={() => void invoke('session.logout', {}).then(() => toLogin({ kind: 'notice', text: 'You are signed out.' }))}
          />
          {lock}
        </TillProvider>
      );
    }
  }
}
