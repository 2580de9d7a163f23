import type { ScreenProps } from '../../app/screen-registry';
import { LoginPasswordChangeView } from './LoginPasswordChangeView';
import { useLoginPasswordChange } from './useLoginPasswordChange';

/** Password Center - Login Password Change (container): the signed-in user's own login password. */
export function LoginPasswordChangeScreen(_props: Readonly<ScreenProps>) {
  return <LoginPasswordChangeView change={useLoginPasswordChange()} />;
}
