import { useEffect, useState } from 'react';
import type { SessionInfo } from '../../../shared/ipc/schemas';
import { formatOperator } from '../../../shared/format/text';
import { invoke } from '../../bridge/till';
import { LockView } from './LockView';

export interface LockScreenProps {
  session: SessionInfo;
  /** Set when the idle timeout locked the session, to say so. */
  idleMinutes: number | null;
  onUnlocked: (session: SessionInfo) => void;
  /** The session is over: signed out here, or ended by the login lock (the sentence says which). */
  onEnded: (message: { kind: 'error' | 'notice'; text: string }) => void;
}

/**
 * Unlock (container). The password goes to session.unlock, which counts a failure like a failed login; when that
 * locks the login, the main side ends the session and this screen hands over to the login screen with its sentence.
 */
export function LockScreen({ session, idleMinutes, onUnlocked, onEnded }: Readonly<LockScreenProps>) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusRequest, setFocusRequest] = useState<object | null>(null);
  useEffect(() => {
    if (focusRequest) document.getElementById('lock-password')?.focus();
  }, [focusRequest]);

  const onUnlock = () => {
    if (password === '') {
      setError('Password: type your password.');
      return;
    }
    setBusy(true);
    void invoke('session.unlock', { password }).then((result) => {
      setBusy(false);
      setPassword('');
      if (result.ok) onUnlocked(result.value);
      else if (result.error.code === 'LOGIN_LOCKED' || result.error.code === 'NOT_SIGNED_IN') onEnded({ kind: 'error', text: result.error.message });
      else {
        setError(result.error.message);
        setFocusRequest({});
      }
    });
  };

  const onSignOut = () => {
    setBusy(true);
    void invoke('session.logout', {}).then(() => onEnded({ kind: 'notice', text: 'You are signed out.' }));
  };

  return (
    <LockView
      operator={formatOperator(session.name, session.userId)}
      idleMinutes={idleMinutes}
      password={password}
      error={error}
      busy={busy}
      onPassword={setPassword}
      onUnlock={onUnlock}
      onSignOut={onSignOut}
    />
  );
}
