import type { SessionInfo } from '../../../shared/ipc/schemas';
import { FirstPasswordsView } from './FirstPasswordsView';
import { useFirstPasswords } from './useFirstPasswords';

/**
 * The forced password change (container), shown by the application frame instead of the shell while the session
 * says `mustChangePassword`: after Reset Password, or at a new user's first sign-in.
 */
export function FirstPasswordsScreen({
  session,
  onDone,
  onEnded,
  onSignOut,
}: Readonly<{ session: SessionInfo; onDone: (session: SessionInfo, message: string) => void; onEnded: (message: string) => void; onSignOut: () => void }>) {
  const first = useFirstPasswords(session, onDone, onEnded);
  return (
    <FirstPasswordsView
      name={session.name}
      userId={session.userId}
      fields={first.fields}
      errors={first.errors}
      problem={first.problem}
      busy={first.busy}
      onChange={first.change}
      onSave={() => void first.save()}
      onSignOut={onSignOut}
    />
  );
}
