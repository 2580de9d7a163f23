import { PasswordChangeForm } from '../PasswordChangeForm';
import type { PasswordChange } from '../use-password-change';

/** Password Center - Vend Password Change (props only): the password asked before every vend. */
export function VendPasswordChangeView({ change }: Readonly<{ change: PasswordChange }>) {
  return (
    <PasswordChangeForm
      id="vend-password-change"
      title="Vend Password Change"
      what="vend password"
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
