import { PasswordChangeForm } from '../PasswordChangeForm';
import type { PasswordChange } from '../use-password-change';

/** Password Center - Login Password Change (props only). */
export function LoginPasswordChangeView({ change }: Readonly<{ change: PasswordChange }>) {
  return (
    <PasswordChangeForm
      id="login-password-change"
      title="Login Password Change"
      what="password"
      fields={change.fields}
      errors={change.errors}
      problem={change.problem}
      notice={change.notice}
      busy={change.busy}
      onChange={change.change}
      onSave={() => void change.save()}
    />
  );
}
