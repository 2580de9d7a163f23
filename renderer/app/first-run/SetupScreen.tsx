import { useState } from 'react';
import { invoke } from '../../bridge/till';
import { checkSetupForm, emptySetupForm, firstFieldInError, type FormErrors, type SetupField, type SetupForm } from './setup-form';
import { SetupView } from './SetupView';

export interface SetupDone {
  adminUserId: string;
  demoLoaded: boolean;
}

/** First-run setup (container): checks the form, sends `setup.init`, and hands over to the login screen. */
export function SetupScreen({ onDone }: Readonly<{ onDone: (done: SetupDone) => void }>) {
  const [form, setForm] = useState<SetupForm>(emptySetupForm);
  const [errors, setErrors] = useState<FormErrors<SetupForm>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onChange = <F extends SetupField>(field: F, value: SetupForm[F]) => {
    setForm((previous) => ({ ...previous, [field]: value }));
    setErrors((previous) => ({ ...previous, [field]: undefined }));
  };

  const onSubmit = () => {
    const checked = checkSetupForm(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      setSummary(checked.summary);
      const first = firstFieldInError(checked.errors);
      if (first) document.getElementById(`setup-${first}`)?.focus();
      return;
    }
    setErrors({});
    setSummary(null);
    setBusy(true);
    void invoke('setup.init', checked.input).then((result) => {
      setBusy(false);
      if (result.ok) onDone({ adminUserId: checked.input.adminUserId, demoLoaded: result.value.demoLoaded });
      else setSummary(result.error.message);
    });
  };

  return <SetupView form={form} errors={errors} summary={summary} busy={busy} onChange={onChange} onSubmit={onSubmit} />;
}
