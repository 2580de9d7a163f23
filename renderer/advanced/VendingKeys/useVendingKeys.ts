import { useState } from 'react';
import type { KeysOverview } from '../../../shared/ipc/access-schemas';
import { useTillQuery, type ScreenState } from '../../bridge/hooks';
import { invoke } from '../../bridge/till';
import { checkKeyForm, EMPTY_KEY_FORM, type KeyFormErrors, type KeyFormState } from './key-form';

/** The Vending Keys screen's state: what is loaded (fingerprints only), the key form, the tables file, the passphrase. */
export type KeysMessage = { kind: 'error' | 'notice'; text: string } | null;

export interface VendingKeysState {
  overview: ScreenState<KeysOverview>;
  reload(): void;
  form: KeyFormState;
  errors: KeyFormErrors;
  busy: boolean;
  message: KeysMessage;
  passphrase: string;
  change(patch: Partial<KeyFormState>): void;
  setPassphrase(value: string): void;
  loadKey(): Promise<void>;
  loadTables(file: File): Promise<void>;
  unlock(): Promise<void>;
}

export function useVendingKeys(): VendingKeysState {
  const { state: overview, reload } = useTillQuery('keys.list', {});
  const [form, setForm] = useState<KeyFormState>(EMPTY_KEY_FORM);
  const [errors, setErrors] = useState<KeyFormErrors>({});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<KeysMessage>(null);
  const [passphrase, setPassphrase] = useState('');

  return {
    overview,
    reload,
    form,
    errors,
    busy,
    message,
    passphrase,
    change(patch) {
      setForm((f) => ({ ...f, ...patch }));
      setErrors({});
      setMessage(null);
    },
    setPassphrase,
    async loadKey() {
      const checked = checkKeyForm(form);
      if (!checked.ok) return setErrors(checked.errors);
      setBusy(true);
      const result = await invoke('keys.load', checked.input);
      setBusy(false);
      setForm((f) => ({ ...f, keyHex: '' }));
      if (!result.ok) return setMessage({ kind: 'error', text: result.error.message });
      setMessage({ kind: 'notice', text: `The vending key for SGC ${result.value.sgc}, KRN ${result.value.krn} (${result.value.dkga}, base ${result.value.baseYear}) is loaded: fingerprint ${result.value.fingerprint}.` });
      reload();
    },
    async loadTables(file) {
      setBusy(true);
      setMessage(null);
      const json = await file.text();
      const result = await invoke('keys.loadTables', { fileName: file.name, json });
      setBusy(false);
      if (!result.ok) return setMessage({ kind: 'error', text: result.error.message });
      setMessage({ kind: 'notice', text: `The STA tables from ${file.name} are loaded: ${result.value.status}.` });
      reload();
    },
    async unlock() {
      setBusy(true);
      const result = await invoke('keystore.unlock', { passphrase });
      setBusy(false);
      setPassphrase('');
      if (!result.ok) return setMessage({ kind: 'error', text: result.error.message });
      setMessage({ kind: 'notice', text: result.value.message });
      reload();
    },
  };
}
