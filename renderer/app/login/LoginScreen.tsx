import { useEffect, useState } from 'react';
import type { SessionInfo, SetupStatus } from '../../../shared/ipc/schemas';
import { invoke } from '../../bridge/till';
import { LoginView } from './LoginView';

/**
 * Sign-in (container). The main side writes the login-history row and counts failures; this screen shows its
 * sentence as it is (a locked login says who can unlock it) and never says which of user id and password was wrong.
 */
export function LoginScreen({
  setup,
  notice,
  onSignedIn,
}: Readonly<{ setup: SetupStatus; notice: { kind: 'error' | 'notice'; text: string } | null; onSignedIn: (session: SessionInfo) => void }>) {
  const [userId, setUserId] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusRequest, setFocusRequest] = useState<{ field: 'login-user' | 'login-password' } | null>(null);
  useEffect(() => {
    if (focusRequest) document.getElementById(focusRequest.field)?.focus();
  }, [focusRequest]);

  const onSubmit = () => {
    if (userId.trim() === '' || password === '') {
      setError(userId.trim() === '' ? 'User id: type your user id.' : 'Password: type your password.');
      setFocusRequest({ field: userId.trim() === '' ? 'login-user' : 'login-password' });
      return;
    }
    setBusy(true);
    setError(null);
    void invoke('session.login', { username: userId, password }).then((result) => {
      setBusy(false);
      setPassword('');
      if (result.ok) {
        onSignedIn(result.value);
        return;
      }
      setError(result.error.message);
      setFocusRequest({ field: 'login-password' });
    });
  };

  const station = setup.stationCode ? `${setup.stationCode} ${setup.stationName ?? ''}`.trim() : null;
  return (
    <LoginView
      companyName={setup.companyName}
      station={station}
      userId={userId}
      password={password}
      notice={error || notice?.kind !== 'notice' ? null : notice.text}
      error={error ?? (notice?.kind === 'error' ? notice.text : null)}
      busy={busy}
      onUserId={setUserId}
      onPassword={setPassword}
      onSubmit={onSubmit}
    />
  );
}
